package org.cryoet.command;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.measure.Calibration;

import org.cryoet.cli.LauncherHarness;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.VolumeReader;
import org.cryoet.open.Opened;
import org.cryoet.open.Opener;
import org.cryoet.sample.SampleData;
import org.cryoet.sample.SamplePortalRun;
import org.cryoet.testutil.Fixtures;
import org.cryoet.ui.ij.ImageJDisplay;
import org.junit.jupiter.api.AfterAll;
import org.cryoet.testutil.Sample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * The Open commands, headless through SciJava's CommandService and through
 * scripts/cryoet's launcher, against the fixtures' formulas (written by tools
 * none of us wrote) and the sample: size, type, level, calibration in Å, and
 * voxel values at the spheres' centres at every level.
 */
class OpenCommandsTest {

	private static Context context;
	private static CommandService commands;

	static Path sample;

	@BeforeAll
	static void start() throws Exception {
		context = new Context(CommandService.class);
		commands = context.getService(CommandService.class);
		sample = Sample.dir();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static CommandModule run(final Class<? extends CryoetCommand> c, final Object... inputs) throws Exception {
		final CommandModule m = commands.run(c, true, inputs).get();
		assertTrue(!m.isCanceled(), () -> c.getSimpleName() + " failed: " + m.getCancelReason());
		return m;
	}

	static Stream<Arguments> fixtureTomograms() {
		final List<Arguments> a = new ArrayList<>();
		for (final String layout : new String[] { "old", "new" }) {
			final String run = "portal_" + layout + "_layout/90001/TS_101";
			final String tomo = run + (layout.equals("old") ? "/Tomograms/VoxelSpacing13.480/CanonicalTomogram"
				: "/Reconstructions/VoxelSpacing13.480/Tomograms/100");
			for (int level = 0; level < 3; level++) {
				a.add(Arguments.of(run, level));
				a.add(Arguments.of(tomo, level));
				a.add(Arguments.of(tomo + "/TS_101.zarr", level));
			}
			a.add(Arguments.of(tomo + "/TS_101.mrc", 0));
		}
		return a.stream();
	}

	/** Every level of the fixture tomogram, from every kind of input, carries the formula's values where the spheres are. */
	@ParameterizedTest
	@MethodSource("fixtureTomograms")
	void tomogramLevelsHoldTheFormulasValues(final String input, final int level) throws Exception {
		final JsonObject spec = Fixtures.manifest().getAsJsonArray("portal_trees").get(0).getAsJsonObject()
			.getAsJsonObject("spec");
		final JsonObject tomo = spec.getAsJsonObject("tomogram");
		final CommandModule m = run(OpenTomogramCommand.class, "input", Fixtures.fixtures().resolve(input).toFile(),
			"level", level, "viewer", "none");
		final ImagePlus imp = (ImagePlus) m.getOutput("image");
		final int f = 1 << level;
		final JsonArray shape = tomo.getAsJsonArray("shape");
		assertEquals(shape.get(2).getAsInt() / f, imp.getWidth());
		assertEquals(shape.get(1).getAsInt() / f, imp.getHeight());
		assertEquals(shape.get(0).getAsInt() / f, imp.getStackSize());
		assertEquals(32, imp.getBitDepth());
		if (!input.endsWith(".mrc")) assertEquals("90001/TS_101/100@" + level, imp.getTitle());
		final Calibration c = imp.getCalibration();
		assertEquals("\u00c5", c.getUnit());
		final double tol = input.endsWith(".mrc") ? 1e-5 : 1e-12; // MRC keeps cella as float32
		assertEquals(13.48 * f, c.pixelWidth, tol);
		assertEquals(13.48 * f, c.pixelHeight, tol);
		assertEquals(13.48 * f, c.pixelDepth, tol);
		assertEquals(-(f - 1) / (2.0 * f), c.xOrigin, 1e-12);
		assertEquals(-(f - 1) / (2.0 * f), c.zOrigin, 1e-12);
		assertEquals(Integer.toString(level), imp.getProp(ImageJDisplay.LEVEL));
		for (final com.google.gson.JsonElement e : tomo.getAsJsonArray("spheres")) {
			final JsonObject s = e.getAsJsonObject();
			final int x = s.get("x").getAsInt(), y = s.get("y").getAsInt(), z = s.get("z").getAsInt();
			final int vx = x / f, vy = y / f, vz = z / f;
			imp.setSlice(vz + 1);
			assertEquals(blockMean(tomo, vx, vy, vz, f), imp.getProcessor().getf(vx, vy), 1e-6, "sphere at " + s);
			// ImageJ's physical position of that voxel is the level-0 position of its block's centre.
			assertEquals((f * vx + (f - 1) / 2.0) * 13.48, c.getX(vx), 1e-4);
		}
	}

	/** The fixture formula for a tomogram, averaged over a level's f×f×f block, as the pyramid's mean does. */
	private static double blockMean(final JsonObject tomo, final int vx, final int vy, final int vz, final int f) {
		final JsonObject bg = tomo.getAsJsonObject("bg");
		double sum = 0;
		for (int z = vz * f; z < vz * f + f; z++)
			for (int y = vy * f; y < vy * f + f; y++)
				for (int x = vx * f; x < vx * f + f; x++) {
					double v = (bg.get("ax").getAsDouble() * x + bg.get("ay").getAsDouble() * y + bg.get("az").getAsDouble() *
						z) / bg.get("den").getAsDouble();
					for (final com.google.gson.JsonElement e : tomo.getAsJsonArray("spheres")) {
						final JsonObject s = e.getAsJsonObject();
						final double dx = x - s.get("x").getAsInt(), dy = y - s.get("y").getAsInt(), dz = z - s.get("z")
							.getAsInt(), r = s.get("r").getAsInt();
						if (dx * dx + dy * dy + dz * dz <= r * r) v += s.get("amp").getAsDouble();
					}
					sum += v;
				}
		return (float) (sum / (f * f * f));
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "old", "new" })
	void masksAlignWithTheirTomogramVoxelForVoxel(final String layout) throws Exception {
		final Path run = Fixtures.fixtures().resolve("portal_" + layout + "_layout/90001/TS_101");
		final JsonObject tomo = Fixtures.manifest().getAsJsonArray("portal_trees").get(0).getAsJsonObject()
			.getAsJsonObject("spec").getAsJsonObject("tomogram");
		final Opener opener = new Opener(new ChunkCache(64 << 20));
		try (Opened t = opener.tomogram(run, 0, null)) {
			final List<Opened> masks = opener.masksOf(run, 0, null);
			assertEquals(1, masks.size());
			try (Opened mask = masks.get(0)) {
				assertEquals(Opened.Kind.SEMANTIC_MASK, mask.kind);
				assertEquals(t.group, mask.group);
				for (int level = 0; level < 3; level++) {
					final ImagePlus ti = ImageJDisplay.image(t, level), mi = ImageJDisplay.image(mask, level);
					assertEquals(8, mi.getBitDepth());
					assertEquals(ti.getWidth(), mi.getWidth());
					assertEquals(ti.getHeight(), mi.getHeight());
					assertEquals(ti.getStackSize(), mi.getStackSize());
					assertEquals(ti.getCalibration().pixelWidth, mi.getCalibration().pixelWidth, 1e-12);
					assertEquals(ti.getCalibration().xOrigin, mi.getCalibration().xOrigin, 1e-12);
					final int f = 1 << level;
					for (final com.google.gson.JsonElement e : tomo.getAsJsonArray("spheres")) {
						final JsonObject s = e.getAsJsonObject();
						mi.setSlice(s.get("z").getAsInt() / f + 1);
						assertEquals(1, mi.getProcessor().get(s.get("x").getAsInt() / f, s.get("y").getAsInt() / f));
					}
					mi.setSlice(1);
					assertEquals(0, mi.getProcessor().get(0, 0));
				}
			}
		}
	}

	@ParameterizedTest
	@org.junit.jupiter.params.provider.ValueSource(strings = { "old", "new" })
	void tiltSeriesCarryTheirAnglesAndKeepEveryImageAtEveryLevel(final String layout) throws Exception {
		final Path run = Fixtures.fixtures().resolve("portal_" + layout + "_layout/90001/TS_101");
		final JsonObject ts = Fixtures.manifest().getAsJsonArray("portal_trees").get(0).getAsJsonObject()
			.getAsJsonObject("spec").getAsJsonObject("tiltseries");
		for (int level = 0; level < 3; level++) {
			final ImagePlus imp = (ImagePlus) run(OpenTiltSeriesCommand.class, "input", run.toFile(), "level", level,
				"viewer", "none").getOutput("image");
			assertEquals(31, imp.getStackSize());
			assertEquals(56 >> level, imp.getWidth());
			assertEquals("-45.0\u00b0", imp.getStack().getSliceLabel(1));
			assertEquals("45.0\u00b0", imp.getStack().getSliceLabel(31));
			assertEquals(6.74 * (1 << level), imp.getCalibration().pixelWidth, 1e-12);
			// The disc of image t sits at x0 + t: its centre voxel holds background + amplitude at level 0.
			if (level == 0) {
				final JsonObject disc = ts.getAsJsonObject("disc"), bg = ts.getAsJsonObject("bg");
				final int t = 10, x = disc.get("x0").getAsInt() + t * disc.get("dxpt").getAsInt(), y = disc.get("y").getAsInt();
				imp.setSlice(t + 1);
				final double expected = (bg.get("ax").getAsDouble() * x + bg.get("ay").getAsDouble() * y + bg.get("at")
					.getAsDouble() * t) / bg.get("den").getAsDouble() + disc.get("amp").getAsDouble();
				assertEquals(expected, imp.getProcessor().getf(x, y), 1e-6);
			}
		}
	}

	@Test
	void theSampleOpensFromBothLayoutsWithItsMasksAndPoints() throws Exception {
		final float[] expected = (float[]) VolumeReader.readAll(SampleData.volume().level(0), 1);
		final int[] s = SampleData.SHAPE;
		for (final boolean seed : new boolean[] { false, true }) {
			final File run = SamplePortalRun.runFolder(sample, seed).toFile();
			final CommandModule m = run(OpenTomogramCommand.class, "input", run, "level", 0, "viewer", "none", "masks",
				true);
			final ImagePlus imp = (ImagePlus) m.getOutput("image");
			assertEquals("80001/TS_sample/100@0", imp.getTitle());
			for (final int z : new int[] { 0, 17, s[0] - 1 }) {
				imp.setSlice(z + 1);
				for (final int[] xy : new int[][] { { 0, 0 }, { 50, 60 }, { s[2] - 1, s[1] - 1 } })
					assertEquals(expected[(z * s[1] + xy[1]) * s[2] + xy[0]], imp.getProcessor().getf(xy[0], xy[1]));
			}
			final String result = (String) m.getOutput("result");
			assertTrue(result.contains("103 membrane@0") && result.contains("104 vesicle@0"), result);
			final Path vs = SamplePortalRun.runFolder(sample, seed).resolve(seed ? "Tomograms/VoxelSpacing13.480"
				: "Reconstructions/VoxelSpacing13.480");
			final ImagePlus labels = (ImagePlus) run(OpenMaskCommand.class, "input", vs.resolve(seed
				? "Annotations/104-vesicle-1.0.json" : "Annotations/104/vesicle-1.0.json").toFile(), "level", 1, "viewer",
				"none").getOutput("image");
			assertEquals(16, labels.getBitDepth());
			assertEquals("instance_mask", labels.getProp(ImageJDisplay.KIND));
			final double[] c = SampleData.particles()[16];
			labels.setSlice((int) c[0] / 2 + 1);
			assertEquals(1, labels.getProcessor().get((int) c[2] / 2, (int) c[1] / 2));
		}
	}

	@Test
	void theLauncherOpensAndSaysWhatItOpened() {
		final Path run = SamplePortalRun.runFolder(sample, false);
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram", "input='" + run +
			"',level=1,viewer=ImageJ");
		assertEquals(0, r.code, r::toString);
		assertEquals("opened 80001/TS_sample/100@1: level 1 of 3, 56 x 64 x 36 (x, y, z), float32, voxel 26.96 x " +
			"26.96 x 26.96 \u00c5, in ImageJ", r.out.trim());
		final LauncherHarness automatic = LauncherHarness.run("--headless", "--run", "Open CryoET Tilt Series", "input='" +
			run + "',viewer=none");
		assertEquals(0, automatic.code, automatic::toString);
		assertTrue(automatic.out.contains("level 0 of 3, 41 images of 112 x 128, float32, pixel 13.48 x 13.48 \u00c5") && automatic.out.contains("tilts -60.0\u00b0 to " +
			"60.0\u00b0"), automatic.out);
		final LauncherHarness missing = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram", "input='" + run
			.resolve("nowhere") + "'");
		assertEquals(1, missing.code);
		assertEquals(1, missing.err.lines().count(), missing::toString);
		assertTrue(missing.err.contains("nowhere"), missing::toString);
		final LauncherHarness tooHigh = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram", "input='" + run +
			"',level=7,viewer=none");
		assertEquals(1, tooHigh.code);
		assertTrue(tooHigh.err.contains("level 7 does not exist"), tooHigh::toString);
	}

	@Test
	void aRunWithSeveralTomogramsOrSpacingsSaysWhichToChoose() throws Exception {
		final Path run = SamplePortalRun.runFolder(sample, false);
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram", "input='" + run +
			"',voxel_spacing=6.74,viewer=none");
		assertEquals(1, r.code, r::toString);
		assertTrue(r.err.contains("no voxel spacing 6.74") && r.err.contains("13.480"), r::toString);
		final LauncherHarness t = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram", "input='" + run +
			"',tomogram=7,viewer=none");
		assertEquals(1, t.code);
		assertTrue(t.err.contains("no tomogram 7") && t.err.contains("100"), t::toString);
	}

	/** A tomogram's OME-Zarr or MRC over HTTP (a loopback server, with a fault) opens with the local voxels and title. */
	@Test
	void aTomogramOpensFromItsUrl() throws Exception {
		final float[] expected;
		try (Opened local = new Opener(new ChunkCache(16 << 20)).tomogram(SamplePortalRun.runFolder(sample, false), 0,
			null))
		{
			expected = (float[]) VolumeReader.readAll(local.volume.level(1), 1);
		}
		try (org.cryoet.testutil.TreeHttpServer server = new org.cryoet.testutil.TreeHttpServer(sample)) {
			server.script(org.cryoet.testutil.TreeHttpServer.Fault.E503);
			final String tomo = server.url() + "/portal/80001/TS_sample/Reconstructions/VoxelSpacing13.480/Tomograms/100/";
			for (final String file : new String[] { "TS_sample.zarr", "TS_sample.mrc" }) {
				final CommandModule m = run(OpenTomogramCommand.class, "input", new File(tomo + file), "level", file.endsWith(
					".zarr") ? 1 : 0, "viewer", "none");
				final ImagePlus imp = (ImagePlus) m.getOutput("image");
				assertEquals("80001/TS_sample/100@" + (file.endsWith(".zarr") ? 1 : 0), imp.getTitle());
				if (file.endsWith(".zarr")) {
					imp.setSlice(11);
					assertEquals(expected[(10 * imp.getHeight() + 20) * imp.getWidth() + 30], imp.getProcessor().getf(30, 20));
					assertEquals(26.96, imp.getCalibration().pixelWidth, 1e-12);
				}
				else assertEquals(72, imp.getStackSize());
			}
			final LauncherHarness folder = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram", "input='" +
				server.url() + "/portal/80001/TS_sample',viewer=none");
			assertEquals(1, folder.code);
			// a web server lists nothing: a folder URL is refused in one line naming it
			assertTrue(folder.err.contains(server.url() + "portal/80001/TS_sample: this server offers no folder listing"),
				folder::toString);
		}
	}

	/** A remote slice's chunks are fetched together, not one round trip after another, and read as the local ones. */
	@Test
	void aRemoteSliceFetchesItsChunksInOneWave() throws Exception {
		final Path zarr = Fixtures.fixtures().resolve("zarr");
		final ImagePlus local = (ImagePlus) run(OpenTomogramCommand.class, "input", zarr.resolve("tomogram.zarr").toFile(),
			"level", 0, "viewer", "none").getOutput("image");
		try (org.cryoet.testutil.TreeHttpServer server = new org.cryoet.testutil.TreeHttpServer(zarr).latency(50)) {
			final String url = server.url() + (server.url().endsWith("/") ? "" : "/") + "tomogram.zarr";
			final ImagePlus remote = (ImagePlus) run(OpenTomogramCommand.class, "input", new File(url), "level", 0, "viewer",
				"none").getOutput("image");
			server.reset();
			server.latency(50); // reset clears it
			// Slice 50 is in the second row of chunks, which nothing has read yet.
			remote.setSlice(50);
			local.setSlice(50);
			assertArrayEquals((float[]) local.getProcessor().getPixels(), (float[]) remote.getProcessor().getPixels());
			// A z-slice of 80 x 96 meets 3 x 3 chunks of 32³.
			assertTrue(server.maxInFlight() > 1, "chunks fetched one at a time: " + server.requests() + " requests, " + server.maxInFlight() + " at most at once");
			assertTrue(server.requests() <= 9, "requests: " + server.requests());
		}
	}

	@Test
	void theBareFixtureVolumesOpenToo() throws Exception {
		final Path zarr = Fixtures.fixtures().resolve("zarr/segmentation_mask_uint8.zarr");
		final ImagePlus mask = (ImagePlus) run(OpenMaskCommand.class, "input", zarr.toFile(), "viewer", "none", "level", 0)
			.getOutput("image");
		assertEquals(8, mask.getBitDepth());
		assertEquals("segmentation_mask_uint8.zarr@0", mask.getTitle());
		final ImagePlus mrc = (ImagePlus) run(OpenTomogramCommand.class, "input", Fixtures.fixtures().resolve(
			"mrc/gemmi_mode1_int16.mrc").toFile(), "viewer", "none", "level", 0).getOutput("image");
		assertEquals(16, mrc.getBitDepth());
		// int16 is shifted into ImageJ's unsigned range; the calibration gives the stored value back.
		assertTrue(mrc.getCalibration().isSigned16Bit());
	}
}

package org.cryoet.convert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cryoet.cli.LauncherHarness;
import org.cryoet.format.DataType;
import org.cryoet.format.mrc.MrcReader;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.image.VolumeReader;
import org.cryoet.testutil.Checksums;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.Zarrita;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The done-when of the foundation issue, through the real launcher and command. */
class ConvertFixturesTest {

	@TempDir
	Path tmp;

	static Stream<Arguments> zarrLevels() throws Exception {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonElement e : Fixtures.manifest().getAsJsonArray("zarr"))
			for (final JsonElement l : e.getAsJsonObject().getAsJsonArray("levels"))
				out.add(Arguments.of(e.getAsJsonObject().get("path").getAsString(), l.getAsJsonObject()));
		return out.stream();
	}

	@ParameterizedTest(name = "{0} level {1}")
	@MethodSource("zarrLevels")
	void everyZarrLevelBecomesAnMrcWithTheManifestData(final String path, final JsonObject level) throws Exception {
		final int k = Integer.parseInt(level.get("path").getAsString());
		final Path out = tmp.resolve("level" + k + ".mrc");
		final LauncherHarness r = LauncherHarness.convert(Fixtures.fixtures().resolve(path).toString(), k, out.toString());
		assertEquals(0, r.code, r::toString);
		try (MrcReader mrc = MrcReader.open(out)) {
			final JsonArray shape = level.getAsJsonArray("shape");
			assertEquals(shape.get(2).getAsInt(), mrc.header().nx);
			assertEquals(shape.get(1).getAsInt(), mrc.header().ny);
			assertEquals(shape.get(0).getAsInt(), mrc.header().nz);
			assertEquals(20140, mrc.header().nversion);
			final double[] vs = mrc.header().voxelSize();
			final JsonArray scale = level.getAsJsonArray("scale");
			for (int i = 0; i < 3; i++)
				assertEquals(scale.get(2 - i).getAsDouble(), vs[i], 1e-4);
			assertEquals(level.get("min").getAsFloat(), mrc.header().dmin, 1e-6);
			assertEquals(level.get("max").getAsFloat(), mrc.header().dmax, 1e-6);
			assertEquals(level.get("mean").getAsDouble(), mrc.header().dmean, 1e-5 * Math.max(1, Math.abs(level.get("mean")
				.getAsDouble())));
		}
		final MultiscaleVolume back = new VolumeOpener(new ChunkCache(1 << 20)).open(out);
		final Object data = VolumeReader.readAll(back.level(0), 2);
		assertEquals(level.get("sha256_le_c_order").getAsString(), Checksums.sha256LeC(back.level(0).type(), data));
	}

	/**
	 * Our pyramid writer against the fixture generator's: level 0 of every
	 * fixture written as OME-Zarr gives the manifest's levels 1 and 2, with the
	 * downsampling auto picks (mean, any) or, for integer images, the one asked for.
	 * The missing-chunk variant is left out: its pyramid has holes by design.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("zarrArrays")
	void ourPyramidsEqualTheGenerators(final String path, final JsonObject z) throws Exception {
		final String reduce = z.getAsJsonObject("formula").get("reduce").getAsString();
		final boolean integerImage = reduce.equals("nearest") && !path.contains("labels");
		final Path out = tmp.resolve("pyramid.zarr");
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input='" +
			Fixtures.fixtures().resolve(path) + "',level=0,output='" + out + "'" + (integerImage ? ",downsampling=nearest"
				: ""));
		assertEquals(0, r.code, r::toString);
		assertTrue(r.out.contains(reduce + " downsampling"), r.out);
		final MultiscaleVolume ours = new VolumeOpener(new ChunkCache(1 << 20)).open(out);
		final JsonArray levels = z.getAsJsonArray("levels");
		for (int k = 0; k < 3; k++) {
			final JsonObject l = levels.get(k).getAsJsonObject();
			assertEquals(l.get("sha256_le_c_order").getAsString(), Checksums.sha256LeC(ours.level(k).type(), VolumeReader
				.readAll(ours.level(k), 2)), "level " + k);
			final JsonArray scale = l.getAsJsonArray("scale");
			for (int d = 0; d < 3; d++)
				assertEquals(scale.get(d).getAsDouble(), ours.scales.get(k)[d], 1e-9, "scale of level " + k);
		}
	}

	static Stream<Arguments> zarrArrays() throws Exception {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonElement e : Fixtures.manifest().getAsJsonArray("zarr"))
			if (!e.getAsJsonObject().get("path").getAsString().contains("missing"))
				out.add(Arguments.of(e.getAsJsonObject().get("path").getAsString(), e.getAsJsonObject()));
		return out.stream();
	}

	static Stream<Arguments> mrcFiles() throws Exception {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonElement e : Fixtures.manifest().getAsJsonArray("mrc"))
			out.add(Arguments.of(e.getAsJsonObject().get("file").getAsString()));
		return out.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("mrcFiles")
	void everyMrcBecomesAnOmeZarrThatZarritaReadsBack(final String file) throws Exception {
		final Path in = Fixtures.fixtures().resolve(file);
		final Path out = tmp.resolve("out.zarr");
		final LauncherHarness r = LauncherHarness.convert(in.toString(), 0, out.toString());
		assertEquals(0, r.code, r::toString);
		final MultiscaleVolume src = new VolumeOpener(new ChunkCache(1 << 20)).open(in);
		final DataType t = src.level(0).type();
		final String expected = Checksums.sha256LeC(t, VolumeReader.readAll(src.level(0), 1));
		final MultiscaleVolume ours = new VolumeOpener(new ChunkCache(1 << 20)).open(out);
		assertEquals(3, ours.levels.size());
		assertArrayEquals(src.level(0).shape(), ours.level(0).shape());
		assertEquals(expected, Checksums.sha256LeC(t, VolumeReader.readAll(ours.level(0), 2)), "our reader");
		final List<JsonObject> z = Zarrita.read(out);
		assertEquals(3, z.size());
		if (t == DataType.FLOAT16) {
			assertTrue(z.get(0).get("dtype").getAsString().contains("float16"));
		}
		assertEquals(expected, z.get(0).get("sha256").getAsString(), "zarrita");
		for (int k = 1; k < 3; k++)
			assertEquals(Checksums.sha256LeC(t, VolumeReader.readAll(ours.level(k), 1)), z.get(k).get("sha256")
				.getAsString(), "zarrita level " + k);
	}
}

package org.cryoet.ui.bdv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import bdv.util.RandomAccessibleIntervalMipmapSource;
import bdv.util.Recorder;
import bdv.viewer.OverlayRenderer;
import net.imglib2.type.volatiles.VolatileARGBType;
import net.imglib2.type.volatiles.VolatileFloatType;

import org.cryoet.image.ChunkCache;
import org.cryoet.open.Opened;
import org.cryoet.open.Opener;
import org.cryoet.sample.SampleData;
import org.cryoet.sample.SamplePortalRun;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.Sample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The BigDataViewer bridge: every reflective call names a class, method and
 * parameter types that BDV-API.md documents, and driven against test doubles
 * with exactly those signatures, it builds the multiscale source, transforms,
 * voxel size, colours and overlays it should.
 */
class BdvBridgeTest {

	static Path sample;

	@BeforeAll
	static void write() throws Exception {
		sample = Sample.dir();
	}

	@BeforeEach
	void reset() {
		Recorder.reset();
	}

	@Test
	void everyCallNamesASignatureThatBdvApiDocuments() throws Exception {
		final Path doc = Fixtures.shared().resolve("fiji/BDV-API.md");
		org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(doc),
			"no ../shared/fiji/BDV-API.md next to the project (it exists only in the team's workspace)");
		final List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
		final List<String> missing = new ArrayList<>();
		for (final String[] call : BdvViewer.api()) {
			final String owner = simple(call[0]);
			final String name = call[1].equals("<init>") ? owner : call[1];
			boolean found = false;
			for (final String line : lines) {
				if (!line.contains(name)) continue;
				boolean all = true;
				for (int i = 2; i < call.length; i++)
					all &= line.contains(simple(call[i]));
				// The declaring class is named on the line, or the line sits in that class's section of the cheat sheet.
				found |= all && (line.contains(owner) || line.contains(name + "(") || line.contains("`" + name));
			}
			if (!found) missing.add(String.join(" ", call));
		}
		assertTrue(missing.isEmpty(), "not documented in BDV-API.md: " + missing);
	}

	private static String simple(final String type) {
		if (type.equals("[D")) return "double";
		String t = type.startsWith("[L") ? type.substring(2, type.length() - 1) : type;
		t = t.substring(t.lastIndexOf('.') + 1);
		return t.substring(t.lastIndexOf('$') + 1);
	}

	@Test
	void everyCallResolvesAgainstClassesWithTheDocumentedSignatures() throws Exception {
		for (final String[] call : BdvViewer.api()) {
			final String[] params = java.util.Arrays.copyOfRange(call, 2, call.length);
			final Class<?>[] p = new Class<?>[params.length];
			for (int i = 0; i < p.length; i++)
				p[i] = BdvBridge.parameter(params[i]);
			if (call[1].equals("<init>")) BdvBridge.type(call[0]).getConstructor(p);
			else BdvBridge.type(call[0]).getMethod(call[1], p);
		}
	}

	@Test
	void aTomogramIsOneMultiscaleSourceInAngstromAndItsMasksJoinItsWindow() throws Exception {
		final Opener opener = new Opener(new ChunkCache(64 << 20));
		final Path run = SamplePortalRun.runFolder(sample, false);
		final Opened tomogram = opener.tomogram(run, 0, null);
		final List<String> problems = new ArrayList<>();
		BdvViewer.show(tomogram, problems::add);
		assertEquals("show 80001/TS_sample/100 new window 80001/TS_sample/100", Recorder.CALLS.get(0));
		final RandomAccessibleIntervalMipmapSource<?> source = (RandomAccessibleIntervalMipmapSource<?>) Recorder.SOURCES
			.get(0);
		assertEquals(3, source.imgs.length);
		assertTrue(source.type instanceof VolatileFloatType);
		for (int l = 0; l < 3; l++) {
			assertArrayEquals(tomogram.volume.transform(l).toXyzAffine(), source.transforms[l].values(), 0);
			assertEquals(SampleData.SHAPE[2] >> l == 0 ? 1 : (SampleData.SHAPE[2] + (1 << l) - 1) >> l, source.imgs[l]
				.dimension(0));
		}
		// Level 1's voxel 0 sits half a level-0 voxel in: (2·0 + 1/2) · 13.48 Å.
		assertEquals(13.48 * 0.5, source.transforms[1].get(0, 3), 1e-12);
		assertEquals("\u00c5", source.voxelDimensions.unit());
		assertEquals(13.48, source.voxelDimensions.dimension(0), 1e-12);
		assertTrue(Recorder.CALLS.contains("setDisplayRange " + tomogram.range.min + " " + tomogram.range.max));
		assertTrue(Recorder.CALLS.contains("setDisplayRangeBounds " + tomogram.range.dataMin + " " + tomogram.range
			.dataMax));

		for (final Opened mask : opener.masksOf(run, 0, null))
			BdvViewer.show(mask, problems::add);
		assertEquals(List.of("show 80001/TS_sample/103 membrane addTo", "show 80001/TS_sample/104 vesicle addTo"),
			Recorder.CALLS.stream().filter(c -> c.startsWith("show ")).skip(1).collect(java.util.stream.Collectors
				.toList()));
		assertTrue(Recorder.CALLS.contains("setColor ffff00ff") && Recorder.CALLS.contains("setDisplayRange 0.0 1.0"),
			Recorder.CALLS::toString);
		final RandomAccessibleIntervalMipmapSource<?> labels = (RandomAccessibleIntervalMipmapSource<?>) Recorder.SOURCES
			.get(2);
		assertTrue(labels.type instanceof VolatileARGBType, "instance labels are shown through a colour table");
		assertTrue(problems.isEmpty(), problems::toString);
	}

	@Test
	void aTiltSeriesSaysTheAngleOfTheImageInView() throws Exception {
		final Opened ts = new Opener(new ChunkCache(64 << 20)).tiltSeries(SamplePortalRun.runFolder(sample, true));
		final bdv.util.BdvHandle handle = (bdv.util.BdvHandle) BdvViewer.show(ts, m -> {});
		assertEquals(1, handle.panel.display.renderers.size());
		final OverlayRenderer r = handle.panel.display.renderers.get(0);
		r.setCanvasSize(400, 300);
		// Screen z = 0 shows world z = 10 · 13.48 Å, image 11 (-30.0°).
		handle.panel.viewerTransform.set(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, -10 * 13.48);
		assertTrue(yellowPixels(r) > 20, "no angle drawn");
		handle.panel.viewerTransform.set(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 500 * 13.48);
		assertEquals(0, yellowPixels(r), "an angle drawn where no image is in view");
		assertFalse(handle.controls.controls.isEmpty(), "stale loads are not dropped between frames");
		handle.controls.prepareNextFrame();
	}

	@Test
	void pointsJoinAWindowAndSegmentsAreDrawnNearThePlaneInView() throws Exception {
		final Opened t = new Opener(new ChunkCache(64 << 20)).tomogram(SamplePortalRun.runFolder(sample, false), 0, null);
		final bdv.util.BdvHandle handle = (bdv.util.BdvHandle) BdvViewer.show(t, m -> {});
		BdvViewer.showPoints(handle, "ribosome", List.of(new double[] { 10, 20, 30 }, new double[] { 1, 2, 3 }),
			java.awt.Color.YELLOW);
		assertTrue(Recorder.CALLS.contains("showPoints ribosome 2"), Recorder.CALLS::toString);
		final int before = handle.panel.display.renderers.size();
		// A red axis in the plane z = 0 Å, a blue one 500 Å away.
		BdvViewer.showSegments(handle, List.of(new double[] { 50, 50, 0 }, new double[] { 50, 150, 500 }), List.of(
			new double[] { 250, 50, 0 }, new double[] { 250, 150, 500 }), List.of(java.awt.Color.RED, java.awt.Color.BLUE),
			20);
		final OverlayRenderer r = handle.panel.display.renderers.get(before);
		handle.panel.viewerTransform.set(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
		final BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		r.drawOverlays(g);
		g.dispose();
		assertEquals(0xff0000, img.getRGB(150, 50) & 0xffffff, "the axis in the plane is drawn");
		assertEquals(0, img.getRGB(150, 150) & 0xffffff, "an axis 500 Å away is not");
	}

	@Test
	void importedPointsJoinTheWindowWithTheirAxes() throws Exception {
		final Opened t = new Opener(new ChunkCache(64 << 20)).tomogram(SamplePortalRun.runFolder(sample, false), 0, null);
		final bdv.util.BdvHandle handle = (bdv.util.BdvHandle) BdvViewer.show(t, m -> {});
		final org.cryoet.portal.annotation.PointTable table = new org.cryoet.portal.annotation.PointTable();
		table.add(org.cryoet.portal.annotation.PointKind.ORIENTED_POINT, 10, 5, 0, new double[] { 1, 0, 0, 0, 1, 0, 0, 0,
			1 }, 0);
		table.add(org.cryoet.portal.annotation.PointKind.POINT, 3, 4, 5, null, 0);
		final int before = handle.panel.display.renderers.size();
		BdvPoints.add(handle, "101 thermosome", table, 13.48, java.awt.Color.CYAN, 60);
		assertTrue(Recorder.CALLS.contains("showPoints 101 thermosome 2"), Recorder.CALLS::toString);
		assertEquals(before + 1, handle.panel.display.renderers.size(), "one overlay draws the oriented point's axes");
		handle.panel.viewerTransform.set(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0);
		final BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		handle.panel.display.renderers.get(before).drawOverlays(g);
		g.dispose();
		// The x axis of the point at (134.8, 67.4) Å runs 60 Å to the right, in red.
		assertEquals(0xff0000, img.getRGB(165, 67) & 0xffffff);
		assertEquals(0x00ff00, img.getRGB(135, 100) & 0xffffff);
	}

	private static int yellowPixels(final OverlayRenderer r) {
		final BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = img.createGraphics();
		r.drawOverlays(g);
		g.dispose();
		int n = 0;
		for (int y = 0; y < 300; y++)
			for (int x = 0; x < 400; x++)
				if ((img.getRGB(x, y) & 0xffffff) == 0xffff00) n++;
		return n;
	}
}

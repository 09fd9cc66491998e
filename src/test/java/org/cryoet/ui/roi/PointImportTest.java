package org.cryoet.ui.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ij.ImagePlus;
import ij.gui.Line;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.format.FormatException;
import org.cryoet.portal.annotation.NdjsonPointReader;
import org.cryoet.portal.annotation.OrientationGlyph;
import org.cryoet.portal.annotation.PointAnnotationSource;
import org.cryoet.portal.annotation.PointKind;
import org.cryoet.portal.annotation.PointTable;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.OwnPortalTree;
import org.cryoet.testutil.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Points onto images at every level: each lands in its sphere, and everything ImageJ keeps survives a RoiSet zip. */
class PointImportTest {

	@TempDir
	Path tmp;

	static List<Path> fixtureNdjson() throws IOException {
		try (Stream<Path> s = Files.walk(Fixtures.fixtures())) {
			return s.filter(p -> p.toString().endsWith(".ndjson")).sorted().collect(Collectors.toList());
		}
	}

	/** Level-0 voxel (x, y, z) of ROI point i, through the image's calibration only. */
	static double[] level0Voxel(final ImagePlus imp, final PointRoi roi, final int i, final double spacing) {
		final FloatPolygon p = roi.getFloatPolygon();
		final double[] phys = ImageGeometry.of(imp, Double.NaN).toPhysical(new double[] { p.xpoints[i], p.ypoints[i], roi
			.getPointPosition(i) - 1 });
		return new double[] { phys[0] / spacing, phys[1] / spacing, phys[2] / spacing };
	}

	@Test
	void everyFixturePointLandsInItsSphereAtEveryLevel() throws Exception {
		final JsonObject spec = Fixtures.manifest().getAsJsonArray("portal_trees").get(0).getAsJsonObject().getAsJsonObject(
			"spec");
		final double spacing = spec.get("voxel_spacing").getAsDouble();
		final JsonArray spheres = spec.getAsJsonObject("tomogram").getAsJsonArray("spheres");
		int checked = 0;
		for (final Path f : fixtureNdjson()) {
			final PointAnnotationSource src = PointAnnotationSource.resolve(f).get(0);
			assertEquals(spacing, src.voxelSpacing, 1e-9);
			for (int level = 0; level < 3; level++) {
				final ImagePlus imp = TestImages.tomogram(src.tomogram, level);
				final PointImporter.Result r = PointImporter.run(f, imp, level, null, false);
				assertEquals(1, r.rois.size());
				final PointRoi roi = r.rois.get(0);
				final PointTable t = new NdjsonPointReader().read(f).points;
				assertEquals(t.size(), roi.size());
				for (int i = 0; i < roi.size(); i++) {
					final double[] v = level0Voxel(imp, roi, i, spacing);
					boolean inside = false;
					for (int k = 0; k < spheres.size(); k++) {
						final JsonObject s = spheres.get(k).getAsJsonObject();
						if (t.kind(i) == PointKind.INSTANCE_POINT && t.instanceId(i) != k + 1) continue;
						final double dx = v[0] - s.get("x").getAsDouble(), dy = v[1] - s.get("y").getAsDouble(), dz = v[2] - s.get(
							"z").getAsDouble();
						inside |= dx * dx + dy * dy + dz * dz <= Math.pow(s.get("r").getAsDouble(), 2);
					}
					assertTrue(inside, f + " level " + level + " point " + i + " at " + java.util.Arrays.toString(v));
					checked++;
				}
				assertTrue(imp.getOverlay().size() >= 1);
			}
		}
		assertEquals(3 * 80, checked);
	}

	@Test
	void pointsFollowTheHalfVoxelRuleOnOwnTree() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final Path ann = ds.resolve("RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/100");
		for (int level = 0; level < 2; level++) {
			final PointAnnotationSource src = PointAnnotationSource.resolve(ann).get(0);
			final ImagePlus imp = TestImages.tomogram(src.tomogram, level);
			final PointRoi roi = PointImporter.run(ann, imp, level, null, false).rois.get(0);
			final double f = 1 << level;
			// (3, 4.5, 2) at level l: index (p - (f-1)/2)/f
			assertEquals((3 - (f - 1) / 2) / f, roi.getFloatPolygon().xpoints[0], 1e-6);
			assertEquals((4.5 - (f - 1) / 2) / f, roi.getFloatPolygon().ypoints[0], 1e-6);
			assertEquals(Math.round((2 - (f - 1) / 2) / f) + 1, roi.getPointPosition(0));
			assertEquals("ribosome 100", roi.getName());
		}
	}

	@Test
	void roiSetZipKeepsEverything() throws Exception {
		for (final Path f : fixtureNdjson()) {
			final PointAnnotationSource src = PointAnnotationSource.resolve(f).get(0);
			final ImagePlus imp = TestImages.tomogram(src.tomogram, 1);
			final Path zip = tmp.resolve(f.getFileName() + ".zip");
			PointImporter.run(f, imp, 1, zip, false);
			final List<Roi> back = RoiSetFiles.read(zip);
			assertEquals(1, back.size());
			final PointTable t = PointRois.read((PointRoi) back.get(0), src.voxelSpacing, null);
			final PointTable in = new NdjsonPointReader().read(f).points;
			assertSame(in, t);
			assertEquals(src.annotationId, back.get(0).getProperty(RoiKeys.ANNOTATION_ID));
			assertEquals(src.objectName, RoiKeys.decode(back.get(0).getProperty(RoiKeys.OBJECT_NAME)));
			// refuses to replace the zip unasked
			assertThrows(IOException.class, () -> PointImporter.run(f, imp, 1, zip, false));
		}
	}

	static void assertSame(final PointTable expected, final PointTable actual) {
		assertEquals(expected.size(), actual.size());
		for (int i = 0; i < expected.size(); i++) {
			assertEquals(expected.kind(i), actual.kind(i));
			assertEquals(expected.x(i), actual.x(i), 1e-4);
			assertEquals(expected.y(i), actual.y(i), 1e-4);
			assertEquals(expected.z(i), actual.z(i), 1e-4);
			assertEquals(expected.instanceId(i), actual.instanceId(i));
			for (int r = 0; r < 3; r++)
				for (int c = 0; c < 3; c++)
					assertEquals(expected.matrix(i, r, c), actual.matrix(i, r, c), 1e-6);
		}
	}

	@Test
	void movedAndAddedPointsMapBackFromTheImageLevel() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, true);
		final Path f = ds.resolve("RUN_1/Tomograms/VoxelSpacing10.000/Annotations/101-thermosome-1.0_orientedpoint.ndjson");
		final PointAnnotationSource src = PointAnnotationSource.resolve(f).get(0);
		final ImagePlus imp = TestImages.tomogram(src.tomogram, 1);
		final PointRoi roi = PointImporter.run(f, imp, 1, null, false).rois.get(0);
		roi.addPoint(2.5, 3.0, 2);
		final PointTable t = PointRois.read(roi, 10, null);
		assertEquals(2, t.size());
		assertEquals(PointKind.ORIENTED_POINT, t.kind(0));
		assertEquals(6.0, t.x(0));
		assertEquals(PointKind.POINT, t.kind(1));
		// level 1 pixel v is level-0 voxel 2v + 0.5
		assertEquals(5.5, t.x(1), 1e-9);
		assertEquals(6.5, t.y(1), 1e-9);
		assertEquals(2.5, t.z(1), 1e-9);
		// a moved point keeps its orientation and takes its new place
		final PointRoi moved = new PointRoi();
		moved.addPoint(1.0, 1.0, 1);
		for (final String k : new String[] { RoiKeys.POINTS, RoiKeys.VOXEL_SPACING,
			RoiKeys.IMAGE_GEOMETRY, RoiKeys.IMAGE_SLICES })
			moved.setProperty(k, roi.getProperty(k));
		final PointTable m = PointRois.read(moved, 10, null);
		assertEquals(PointKind.ORIENTED_POINT, m.kind(0));
		assertEquals(2.5, m.x(0), 1e-9);
		// a point made on a counter becomes an instance point of that number
		final PointRoi counted = new PointRoi();
		counted.addPoint(4, 4, 1);
		counted.setCounters(new int[] { 7 | 1 << 8 });
		final PointTable c = PointRois.read(counted, 10, ImageGeometry.of(imp, Double.NaN));
		assertEquals(PointKind.INSTANCE_POINT, c.kind(0));
		assertEquals(7, c.instanceId(0));
	}

	@Test
	void instancesGetACounterEach() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final Path ann = ds.resolve("RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/102");
		final ImagePlus imp = TestImages.tomogram(PointAnnotationSource.resolve(ann).get(0).tomogram, 0);
		final PointRoi roi = PointImporter.run(ann, imp, 0, null, false).rois.get(0);
		assertEquals(2, roi.getCounter(0));
		assertEquals(2, roi.getCounter(1));
	}

	@Test
	void glyphGeometry() {
		final double[] loc = { 10, 20, 30 };
		final double[][] cases = { { 1, 0, 0, 0, 1, 0, 0, 0, 1 },
			// 90° about x: y → z, z → -y
			{ 1, 0, 0, 0, 0, -1, 0, 1, 0 },
			// 90° about y: z → x, x → -z
			{ 0, 0, 1, 0, 1, 0, -1, 0, 0 },
			// 90° about z: x → y, y → -x
			{ 0, -1, 0, 1, 0, 0, 0, 0, 1 } };
		final double[][][] tips = { { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }, { { 1, 0, 0 }, { 0, 0, 1 }, { 0, -1, 0 } },
			{ { 0, 0, -1 }, { 0, 1, 0 }, { 1, 0, 0 } }, { { 0, 1, 0 }, { -1, 0, 0 }, { 0, 0, 1 } } };
		for (int c = 0; c < cases.length; c++) {
			final OrientationGlyph.Segment[] s = OrientationGlyph.segments(loc, 2, cases[c], 5);
			for (int k = 0; k < 3; k++) {
				assertEquals(k, s[k].axis);
				for (int d = 0; d < 3; d++) {
					assertEquals(2 * loc[d], s[k].start[d], 1e-12);
					assertEquals(2 * loc[d] + 5 * tips[c][k][d], s[k].end[d], 1e-12, "case " + c + " axis " + k);
				}
			}
		}
		// on an image: lines from the point along the projected axes, red/green/blue, on the point's slice
		final PointTable t = new PointTable();
		t.add(PointKind.ORIENTED_POINT, 10, 20, 30, cases[3], 0);
		final List<Roi> g = PointRois.glyphs(t, 2, new ImageGeometry(new double[] { 4, 4, 4 }, new double[3]), 100, 8);
		assertEquals(3, g.size());
		final Line x = (Line) g.get(0);
		assertEquals(5, x.x1d, 1e-9);
		assertEquals(10, x.y1d, 1e-9);
		assertEquals(5, x.x2d, 1e-9);
		assertEquals(12, x.y2d, 1e-9);
		assertEquals(java.awt.Color.red, x.getStrokeColor());
		assertEquals(16, x.getPosition());
	}

	@Test
	void headlessTheRoisGoIntoTheOverlayOnly() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final Path ann = ds.resolve("RUN_1/Reconstructions/VoxelSpacing10.000/Annotations");
		final PointImporter.Result r = PointImporter.run(ann, null, 0, null, false);
		assertEquals(3, r.rois.size(), r.describe());
		assertEquals(3 + 3, r.image.getOverlay().size(), "3 point ROIs and one glyph of 3 lines");
		if (java.awt.GraphicsEnvironment.isHeadless()) assertNull(ij.plugin.frame.RoiManager.getInstance());
	}

	@Test
	void aBadLineImportsNothing() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final Path ann = ds.resolve("RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/100");
		final Path f = ann.resolve("ribosome-1.0_point.ndjson");
		Files.writeString(f, Files.readString(f) + "\n{\"type\": \"point\"}");
		final ImagePlus imp = TestImages.tomogram(PointAnnotationSource.resolve(ann).get(0).tomogram, 0);
		final FormatException e = assertThrows(FormatException.class, () -> PointImporter.run(ann, imp, 0, null, false));
		assertEquals(f + ": line 3: no \"location\"", e.getMessage());
		assertNull(imp.getOverlay());
		assertFalse(e.getMessage().contains("Exception"));
	}

	@Test
	void largeRoisSurviveAZipToo() throws Exception {
		// RoiEncoder drops per-point slices above 65535 points
		final PointTable t = new PointTable();
		final java.util.Random r = new java.util.Random(5);
		for (int i = 0; i < 70000; i++)
			t.add(PointKind.POINT, r.nextDouble() * 9, r.nextDouble() * 11, r.nextDouble() * 7, null, 0);
		final Path f = tmp.resolve("many_point.ndjson");
		org.cryoet.portal.annotation.NdjsonPointWriter.write(t, f, false);
		final ImagePlus imp = ij.IJ.createImage("t", "32-bit", 10, 12, 8);
		imp.getCalibration().setUnit("\u00c5");
		imp.getCalibration().pixelWidth = imp.getCalibration().pixelHeight = imp.getCalibration().pixelDepth = 10;
		imp.setProp("cryoet.voxel_spacing", "10");
		final Path zip = tmp.resolve("many.zip");
		PointImporter.run(f, imp, 0, zip, false);
		final PointRoi back = (PointRoi) RoiSetFiles.read(zip).get(0);
		assertSame(t, PointRois.read(back, 10, null));
	}

	@Test
	void aRoiInTheOverlayAndTheSelectionIsExportedOnce() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final Path ann = ds.resolve("RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/100");
		final ImagePlus imp = TestImages.tomogram(PointAnnotationSource.resolve(ann).get(0).tomogram, 0);
		final PointRoi roi = PointImporter.run(ann, imp, 0, null, false).rois.get(0);
		imp.setRoi((Roi) roi.clone());
		final org.cryoet.portal.annotation.ExportSettings s = new org.cryoet.portal.annotation.ExportSettings();
		s.output = tmp.resolve("out");
		s.annotationMethod = "x";
		s.authors = "Ada";
		final org.cryoet.portal.annotation.AnnotationExporter.Result r = PointExporter.run(s, null, imp,
			org.cryoet.portal.annotation.PointFormat.NDJSON);
		assertEquals(2, new NdjsonPointReader().read(r.files.get(0)).points.size());
		assertEquals("ribosome", s.objectName);
		assertEquals("GO:0005840", s.objectId);
	}

	static List<JsonElement> list(final JsonArray a) {
		final List<JsonElement> out = new ArrayList<>();
		a.forEach(out::add);
		return out;
	}
}

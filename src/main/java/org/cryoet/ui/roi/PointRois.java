package org.cryoet.ui.roi;

import ij.gui.Line;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.process.FloatPolygon;

import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cryoet.portal.annotation.NdjsonPointReader;
import org.cryoet.portal.annotation.NdjsonPointWriter;
import org.cryoet.portal.annotation.OrientationGlyph;
import org.cryoet.portal.annotation.PointKind;
import org.cryoet.portal.annotation.PointTable;

/**
 * Points ↔ one ImageJ {@link PointRoi}. Each point goes to the slice nearest
 * its z, at its exact x, y (floats) in the image's pixels. The ROI keeps
 * every point's exact record in its properties, so a point that was not
 * moved comes back exactly as it was read; moved points keep their kind,
 * orientation and instance and take their new place; added points are
 * plain points (instance points with the counter's number as instance id
 * when the multi-point counter is above 0).
 */
public final class PointRois {

	/** Instance ids are shown as counters 1..99 (ImageJ has 100), each its own colour. */
	static final int COUNTERS = PointRoi.MAX_COUNTERS - 1;

	private PointRois() {}

	/** The slice (1-based) of pixel z, clamped into the stack. */
	static int slice(final double z, final int slices) {
		return (int) Math.max(1, Math.min(slices, Math.round(z) + 1));
	}

	/**
	 * @param spacing Å per voxel of the points' locations
	 * @return the ROI, with its properties set
	 */
	public static PointRoi build(final PointTable t, final double spacing, final ImageGeometry g, final int slices,
		final String name, final Color color)
	{
		// from arrays in one step (adding points one by one copies the arrays each time)
		final int n = t.size();
		final float[] xs = new float[n], ys = new float[n];
		final int[] counters = new int[n];
		for (int i = 0; i < n; i++) {
			final double[] p = g.toPixel(OrientationGlyph.physical(new double[] { t.x(i), t.y(i), t.z(i) }, spacing));
			xs[i] = (float) p[0];
			ys[i] = (float) p[1];
			int counter = 0;
			if (t.kind(i) == PointKind.INSTANCE_POINT) counter = 1 + (int) Math.floorMod(t.instanceId(i), (long) COUNTERS);
			// a point's counter and its slice share one int, as ImageJ keeps them
			counters[i] = counter | slice(p[2], slices) << 8;
		}
		final PointRoi roi = new PointRoi(xs, ys, n);
		roi.setCounters(counters);
		roi.setName(name);
		roi.setStrokeColor(color);
		roi.setProperty(RoiKeys.POINTS, RoiKeys.encode(ndjson(t)));
		roi.setProperty(RoiKeys.VOXEL_SPACING, Double.toString(spacing));
		roi.setProperty(RoiKeys.IMAGE_GEOMETRY, g.encode());
		roi.setProperty(RoiKeys.IMAGE_SLICES, Integer.toString(slices));
		return roi;
	}

	private static String ndjson(final PointTable t) {
		final ByteArrayOutputStream o = new ByteArrayOutputStream();
		try {
			NdjsonPointWriter.write(t, o);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return new String(o.toByteArray(), StandardCharsets.UTF_8);
	}

	/** Whether a ROI is one of ours or a user's point ROI (anything else is not exported). */
	public static boolean isPoints(final Roi roi) {
		return roi instanceof PointRoi && roi.getProperty(RoiKeys.GLYPH) == null;
	}

	/** The points an ROI was made with, or null for a ROI made by hand. */
	static PointTable stored(final Roi roi) {
		final String s = roi.getProperty(RoiKeys.POINTS);
		if (s == null) return null;
		try {
			return new NdjsonPointReader().read(new ByteArrayInputStream(RoiKeys.decode(s).getBytes(
				StandardCharsets.UTF_8)), "ROI " + roi.getName()).points;
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("ROI \"" + roi.getName() + "\": its " + RoiKeys.POINTS +
				" property is damaged (" + e.getMessage() + ")");
		}
	}

	/**
	 * The ROI's points in voxels of {@code spacing}.
	 * @param fallback the geometry of the image for ROIs that do not carry one (null: pixels are voxels of {@code spacing})
	 */
	public static PointTable read(final PointRoi roi, final double spacing, final ImageGeometry fallback) {
		ImageGeometry g = ImageGeometry.decode(roi.getProperty(RoiKeys.IMAGE_GEOMETRY));
		if (g == null) g = fallback != null ? fallback : new ImageGeometry(new double[] { spacing, spacing, spacing },
			new double[3]);
		final PointTable stored = stored(roi);
		final String sp = roi.getProperty(RoiKeys.VOXEL_SPACING);
		final double storedSpacing = sp == null ? spacing : Double.parseDouble(sp);
		final double scale = storedSpacing / spacing;
		final FloatPolygon poly = roi.getFloatPolygon();
		final int n = poly.npoints;
		// where each stored point was put, so unmoved points are found whatever was added or removed; ImageJ
		// keeps coordinates relative to the ROI's corner, so a point comes back within float rounding, not exactly
		final String sl = roi.getProperty(RoiKeys.IMAGE_SLICES);
		final int slices = sl == null ? Integer.MAX_VALUE : Integer.parseInt(sl);
		final int m = stored == null ? 0 : stored.size();
		final float[] sx = new float[m], sy = new float[m];
		final int[] ss = new int[m];
		final Map<Long, List<Integer>> cells = new HashMap<>();
		for (int j = 0; j < m; j++) {
			final double[] p = g.toPixel(OrientationGlyph.physical(new double[] { stored.x(j), stored.y(j), stored.z(j) },
				storedSpacing));
			sx[j] = (float) p[0];
			sy[j] = (float) p[1];
			ss[j] = slice(p[2], slices);
			cells.computeIfAbsent(cell(sx[j], sy[j], 0, 0), k -> new ArrayList<>()).add(j);
		}
		// RoiEncoder keeps per-point slices only up to 65535 points: then x, y alone find a point
		boolean anyPosition = false;
		for (int i = 0; i < n && !anyPosition; i++)
			anyPosition = roi.getPointPosition(i) > 0;
		final int[] match = new int[n];
		final boolean[] used = new boolean[m];
		for (int i = 0; i < n; i++) {
			match[i] = -1;
			double best = SAME;
			for (int dx = -1; dx <= 1; dx++)
				for (int dy = -1; dy <= 1; dy++) {
					final List<Integer> c = cells.get(cell(poly.xpoints[i], poly.ypoints[i], dx, dy));
					if (c != null) for (final int j : c) {
						final double d = Math.max(Math.abs(sx[j] - poly.xpoints[i]), Math.abs(sy[j] - poly.ypoints[i]));
						if (!used[j] && d <= best && (!anyPosition || ss[j] == position(roi, i)) && (match[i] < 0 || d < best)) {
							best = d;
							match[i] = j;
						}
					}
				}
			if (match[i] >= 0) used[match[i]] = true;
		}
		final PointTable out = new PointTable();
		for (int i = 0; i < n; i++) {
			int j = match[i];
			boolean moved = false;
			if (j < 0 && i < used.length && !used[i]) {
				j = i; // the same point, moved
				used[i] = true;
				moved = true;
			}
			double x, y, z;
			if (j >= 0 && !moved) {
				x = stored.x(j) * scale;
				y = stored.y(j) * scale;
				z = stored.z(j) * scale;
			}
			else {
				final double[] phys = g.toPhysical(new double[] { poly.xpoints[i], poly.ypoints[i], Math.max(0, position(roi,
					i) - 1) });
				x = phys[0] / spacing;
				y = phys[1] / spacing;
				z = phys[2] / spacing;
			}
			if (j >= 0) out.add(stored.kind(j), x, y, z, stored.matrix(j), stored.instanceId(j), stored.extra(j), scale == 1 &&
				!moved ? stored.integerMask(j) : 0);
			else {
				final int counter = roi.getCounter(i);
				if (counter > 0) out.add(PointKind.INSTANCE_POINT, x, y, z, null, counter);
				else out.add(PointKind.POINT, x, y, z, null, 0);
			}
		}
		return out;
	}

	/** How far (pixels) a point may be from where import put it and still count as not moved. */
	static final double SAME = 1e-3;

	private static long cell(final float x, final float y, final int dx, final int dy) {
		final long cx = (long) Math.floor(x / (2 * SAME)) + dx, cy = (long) Math.floor(y / (2 * SAME)) + dy;
		return cx * 0x9E3779B97F4A7C15L ^ cy;
	}

	private static int position(final PointRoi roi, final int i) {
		final int p = roi.getPointPosition(i);
		return p > 0 ? p : Math.max(1, roi.getPosition());
	}

	/**
	 * Short lines along each oriented point's x, y, z axes (red, green, blue),
	 * projected on its slice.
	 * @param length Å of each axis
	 */
	public static List<Roi> glyphs(final PointTable t, final double spacing, final ImageGeometry g, final int slices,
		final double length)
	{
		final List<Roi> out = new ArrayList<>();
		for (int i = 0; i < t.size(); i++) {
			if (t.kind(i) != PointKind.ORIENTED_POINT) continue;
			final OrientationGlyph.Segment[] segs = OrientationGlyph.segments(new double[] { t.x(i), t.y(i), t.z(i) }, spacing,
				t.matrix(i), length);
			for (final OrientationGlyph.Segment s : segs) {
				final double[] a = g.toPixel(s.start), b = g.toPixel(s.end);
				final Line line = new Line(a[0], a[1], b[0], b[1]);
				line.setStrokeColor(new Color(OrientationGlyph.AXIS_RGB[s.axis]));
				line.setPosition(slice(a[2], slices));
				line.setProperty(RoiKeys.GLYPH, "xyz".substring(s.axis, s.axis + 1));
				out.add(line);
			}
		}
		return out;
	}
}

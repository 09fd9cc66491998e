package org.cryoet.ui.bdv;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

import org.cryoet.portal.annotation.OrientationGlyph;
import org.cryoet.portal.annotation.PointKind;
import org.cryoet.portal.annotation.PointTable;

/**
 * Imported points in a BigDataViewer window: each annotation file as a point
 * source at its Å positions, and oriented points' axes (x, y, z in red, green,
 * blue) drawn near the plane in view.
 */
public final class BdvPoints {

	/** Axes are drawn for at most this many oriented points per file, as in ImageJ. */
	public static final int MAX_GLYPH_POINTS = 20000;

	private BdvPoints() {}

	/**
	 * @param handle the window (see {@link BdvViewer#windowOf})
	 * @param axisAngstrom length of each drawn axis
	 */
	public static void add(final Object handle, final String name, final PointTable t, final double spacing,
		final Color colour, final double axisAngstrom) throws ReflectiveOperationException
	{
		final List<double[]> points = new ArrayList<>(t.size());
		final List<double[]> from = new ArrayList<>(), to = new ArrayList<>();
		final List<Color> colours = new ArrayList<>();
		final boolean glyphs = t.kindCounts()[PointKind.ORIENTED_POINT.ordinal()] <= MAX_GLYPH_POINTS;
		for (int i = 0; i < t.size(); i++) {
			final double[] loc = { t.x(i), t.y(i), t.z(i) };
			points.add(OrientationGlyph.physical(loc, spacing));
			if (glyphs && t.kind(i) == PointKind.ORIENTED_POINT)
				for (final OrientationGlyph.Segment s : OrientationGlyph.segments(loc, spacing, t.matrix(i), axisAngstrom)) {
					from.add(s.start);
					to.add(s.end);
					colours.add(new Color(OrientationGlyph.AXIS_RGB[s.axis]));
				}
		}
		BdvViewer.showPoints(handle, name, points, colour);
		if (!from.isEmpty()) BdvViewer.showSegments(handle, from, to, colours, 2 * axisAngstrom);
	}
}

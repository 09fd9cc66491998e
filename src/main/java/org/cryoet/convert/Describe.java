package org.cryoet.convert;

import java.util.Locale;

/** The words of every "wrote" line, alike for all outputs: sizes as x × y × z, voxel sizes in Å. */
public final class Describe {

	private Describe() {}

	/** @param zyx a shape in z, y, x order */
	public static String size(final long[] zyx) {
		return zyx[2] + " x " + zyx[1] + " x " + zyx[0] + " (x, y, z)";
	}

	/** @param zyx voxel sizes in z, y, x order */
	public static String voxel(final double[] zyx) {
		return String.format(Locale.ROOT, "voxel %s x %s x %s \u00c5", number(zyx[2]), number(zyx[1]), number(zyx[0]));
	}

	private static String number(final double v) {
		return String.format(Locale.ROOT, "%.4g", v).replaceAll("(\\.[0-9]*?)0+$", "$1").replaceAll("\\.$", "");
	}
}

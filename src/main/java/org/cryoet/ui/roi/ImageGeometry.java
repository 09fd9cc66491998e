package org.cryoet.ui.roi;

import ij.ImagePlus;
import ij.measure.Calibration;

import java.util.Locale;

/**
 * How an image's pixels sit in physical space, from its Calibration alone:
 * physical (Å) = (pixel − origin) × pixel size, per axis, slice n (1-based)
 * at z = n − 1. The viewers set the origin to −(f−1)/(2f) at a level of
 * factor f, so level pixel v is level-0 voxel f·v + (f−1)/2.
 */
public final class ImageGeometry {

	/** Å per pixel, x y z. */
	public final double[] pixelSize;
	/** Calibration origin, pixels, x y z. */
	public final double[] origin;

	public ImageGeometry(final double[] pixelSize, final double[] origin) {
		this.pixelSize = pixelSize.clone();
		this.origin = origin.clone();
	}

	/**
	 * @param uncalibrated Å per pixel to assume when the image has no physical unit (NaN: refuse)
	 * @throws IllegalArgumentException when the unit is unknown and nothing may be assumed
	 */
	public static ImageGeometry of(final ImagePlus imp, final double uncalibrated) {
		final Calibration c = imp.getCalibration();
		final double f = angstromsPer(c.getUnit());
		final double[] origin = { c.xOrigin, c.yOrigin, c.zOrigin };
		if (Double.isNaN(f)) {
			if (Double.isNaN(uncalibrated)) throw new IllegalArgumentException(imp.getTitle() + ": the image is not " +
				"calibrated in a length unit (its unit is \"" + c.getUnit() + "\"), so its pixels cannot be placed in Å");
			return new ImageGeometry(new double[] { uncalibrated, uncalibrated, uncalibrated }, new double[3]);
		}
		return new ImageGeometry(new double[] { c.pixelWidth * f, c.pixelHeight * f, c.pixelDepth * f }, origin);
	}

	/** Å per unit, or NaN for no length unit. */
	static double angstromsPer(final String unit) {
		if (unit == null) return Double.NaN;
		switch (unit.trim().toLowerCase(Locale.ROOT)) {
			case "\u00c5": case "\u00e5": case "a": case "angstrom": case "angstroms": case "\u212b": return 1;
			case "nm": case "nanometer": case "nanometers": return 10;
			case "\u00b5m": case "um": case "micron": case "microns": case "micrometer": return 1e4;
			default: return Double.NaN;
		}
	}

	/** Pixel coordinates (x, y, z; z = slice − 1) of a physical position (Å). */
	public double[] toPixel(final double[] physical) {
		return new double[] { physical[0] / pixelSize[0] + origin[0], physical[1] / pixelSize[1] + origin[1],
			physical[2] / pixelSize[2] + origin[2] };
	}

	/** The physical position (Å) of pixel coordinates (x, y, z). */
	public double[] toPhysical(final double[] pixel) {
		return new double[] { (pixel[0] - origin[0]) * pixelSize[0], (pixel[1] - origin[1]) * pixelSize[1], (pixel[2] -
			origin[2]) * pixelSize[2] };
	}

	/** {@code "px py pz;ox oy oz"}, exactly (for ROI properties). */
	public String encode() {
		return pixelSize[0] + " " + pixelSize[1] + " " + pixelSize[2] + ";" + origin[0] + " " + origin[1] + " " + origin[2];
	}

	/** @return null when {@code s} is null or malformed */
	public static ImageGeometry decode(final String s) {
		if (s == null) return null;
		try {
			final String[] parts = s.split(";");
			final double[] a = new double[3], b = new double[3];
			final String[] p = parts[0].trim().split("\\s+"), o = parts[1].trim().split("\\s+");
			for (int i = 0; i < 3; i++) {
				a[i] = Double.parseDouble(p[i]);
				b[i] = Double.parseDouble(o[i]);
			}
			return new ImageGeometry(a, b);
		}
		catch (final RuntimeException e) {
			return null;
		}
	}
}

package org.cryoet.ui.ij;

import java.awt.Color;
import java.awt.image.IndexColorModel;

import ij.process.LUT;

/**
 * Distinct colours for instance labels: label 0 (background) black, the
 * others spread around the hue circle by the golden angle so that
 * neighbouring labels never look alike. Labels above 255 repeat the cycle.
 */
public final class LabelColors {

	private LabelColors() {}

	public static Color of(final int label) {
		if (label == 0) return Color.BLACK;
		final float hue = (float) ((label * 0.618033988749895) % 1.0);
		final float saturation = 0.65f + 0.35f * ((label * 7) % 3) / 2f;
		return Color.getHSBColor(hue, saturation, 1f);
	}

	/** A 256-entry LUT for an image whose display range is 0..255 (label value = LUT index). */
	public static LUT lut() {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 0; i < 256; i++) {
			final Color c = of(i);
			r[i] = (byte) c.getRed();
			g[i] = (byte) c.getGreen();
			b[i] = (byte) c.getBlue();
		}
		return new LUT(new IndexColorModel(8, 256, r, g, b), 0, 255);
	}
}

package org.cryoet.image;

import java.io.IOException;

import org.cryoet.format.DataType;

/**
 * A display range from the coarsest level's voxels (up to 32 evenly spaced
 * sections of it, at most 8 Mi voxels, so that a one-level MRC is never read whole):
 * mean ± 3 standard deviations within the data's range for images, which
 * keeps a few hot pixels from greying out a tomogram; 0..1 for binary
 * masks; 0..largest label for label images.
 */
public final class DisplayRange {

	public final double min, max;
	/** Statistics of the coarsest level. */
	public final double dataMin, dataMax, mean, sd;

	private DisplayRange(final double min, final double max, final double dataMin, final double dataMax,
		final double mean, final double sd)
	{
		this.min = min;
		this.max = max;
		this.dataMin = dataMin;
		this.dataMax = dataMax;
		this.mean = mean;
		this.sd = sd;
	}

	/** At most this many voxels are read, whatever the volume (an MRC has no coarse level). */
	static final long SAMPLE_VOXELS = 8L << 20;
	static final int MAX_SECTIONS = 32, MAX_SIDE = 2048;

	public static DisplayRange of(final MultiscaleVolume mv, final boolean labels) throws IOException {
		final Volume v = mv.level(mv.levels.size() - 1);
		final DataType t = v.type();
		final long[] shape = v.shape();
		final int nd = shape.length;
		// Evenly spaced sections through the middle of the level, each cropped to its centre.
		final int[] size = new int[nd];
		final long[] offset = new long[nd];
		long perSection = 1;
		for (int d = 1; d < nd; d++) {
			size[d] = (int) Math.min(shape[d], MAX_SIDE);
			offset[d] = (shape[d] - size[d]) / 2;
			perSection *= size[d];
		}
		size[0] = 1;
		final int sections = (int) Math.max(1, Math.min(Math.min(shape[0], MAX_SECTIONS), SAMPLE_VOXELS / Math.max(1,
			perSection)));
		final Object data = t.allocate((int) perSection);
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, sum = 0, sumSq = 0;
		long count = 0;
		for (int k = 0; k < sections; k++) {
			offset[0] = sections == 1 ? shape[0] / 2 : k * (shape[0] - 1) / (sections - 1);
			v.read(offset, size, data);
			for (int i = 0; i < perSection; i++) {
				final double x = t.get(data, i);
				if (Double.isNaN(x) || Double.isInfinite(x)) continue;
				lo = Math.min(lo, x);
				hi = Math.max(hi, x);
				sum += x;
				sumSq += x * x;
				count++;
			}
		}
		if (count == 0) return new DisplayRange(0, 1, 0, 0, 0, 0);
		final double mean = sum / count, sd = Math.sqrt(Math.max(0, sumSq / count - mean * mean));
		if (labels) return new DisplayRange(0, Math.max(1, hi), lo, hi, mean, sd);
		if (!t.isFloat() && lo >= 0 && hi <= 1) return new DisplayRange(0, 1, lo, hi, mean, sd);
		double a = Math.max(lo, mean - 3 * sd), b = Math.min(hi, mean + 3 * sd);
		if (!(b > a)) {
			a = lo;
			b = hi > lo ? hi : lo + 1;
		}
		return new DisplayRange(a, b, lo, hi, mean, sd);
	}
}

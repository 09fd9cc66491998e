package org.cryoet.convert;

import java.io.IOException;

import org.cryoet.format.DataType;
import org.cryoet.image.Progress;
import org.cryoet.image.Volume;

/** Minimum, maximum and exactness facts about a volume's values, from one pass. */
final class ValueRange {

	double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
	boolean binary = true;
	boolean float32Exact = true;

	static ValueRange of(final Volume v, final int threads, final Progress progress) throws IOException {
		final ValueRange r = new ValueRange();
		final DataType t = v.type();
		Slabs.forEach(v, threads, progress, "scanning values", (slab, z0, depth) -> {
			final int n = DataType.length(slab);
			for (int i = 0; i < n; i++) {
				final double x = t.get(slab, i);
				if (x < r.min) r.min = x;
				if (x > r.max) r.max = x;
				if (x != 0 && x != 1) r.binary = false;
				if ((float) x != x && !Double.isNaN(x)) r.float32Exact = false;
			}
		});
		return r;
	}
}

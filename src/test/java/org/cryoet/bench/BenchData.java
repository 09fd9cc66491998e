package org.cryoet.bench;

import java.util.Random;

/** Portal-like float32 data: a smooth signal plus Gaussian noise, as real tomograms are (lz4 gets ~1.15x). */
final class BenchData {

	private BenchData() {}

	static float[] tomogram(final int n, final long seed) {
		final float[] f = new float[n * n * n];
		final Random r = new Random(seed);
		int i = 0;
		for (int z = 0; z < n; z++)
			for (int y = 0; y < n; y++)
				for (int x = 0; x < n; x++)
					f[i++] = (float) (Math.sin(x / 9.0) * Math.cos(y / 13.0) + z / 64.0 + r.nextGaussian() * 0.5);
		return f;
	}

	static byte[] bytes(final float[] f) {
		final byte[] b = new byte[f.length * 4];
		java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(f);
		return b;
	}

	/** Edge length from a system property, so scripts/bench can ask for quick or tiny runs. */
	static int size(final String key, final int full) {
		return Integer.getInteger(key, full);
	}
}

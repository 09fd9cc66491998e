package net.imglib2.realtransform;

/** Test double of imglib2-realtransform's AffineTransform3D (row-major 3×4), enough for the bridge. */
public class AffineTransform3D {

	private final double[] m = { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0 };

	public void set(final double... values) {
		System.arraycopy(values, 0, m, 0, 12);
	}

	public double[] values() {
		return m.clone();
	}

	public double get(final int row, final int column) {
		return m[row * 4 + column];
	}

	/** source = this⁻¹(target), for diagonal-plus-translation transforms (all the tests use). */
	public void applyInverse(final double[] source, final double[] target) {
		for (int d = 0; d < 3; d++)
			source[d] = (target[d] - m[d * 4 + 3]) / m[d * 4 + d];
	}
}

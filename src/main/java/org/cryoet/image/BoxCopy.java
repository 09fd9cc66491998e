package org.cryoet.image;

/** Copies an N-D box between two C-order primitive arrays, a row at a time. */
public final class BoxCopy {

	private BoxCopy() {}

	/**
	 * Copies {@code size} elements from {@code src} (shape {@code srcShape}) at
	 * {@code srcPos} to {@code dst} (shape {@code dstShape}) at {@code dstPos}.
	 */
	public static void copy(final Object src, final int[] srcShape, final int[] srcPos, final Object dst,
		final int[] dstShape, final int[] dstPos, final int[] size)
	{
		final int nd = size.length;
		for (final int s : size)
			if (s <= 0) return;
		final int[] srcStride = strides(srcShape);
		final int[] dstStride = strides(dstShape);
		final int row = size[nd - 1];
		int rows = 1;
		for (int d = 0; d < nd - 1; d++)
			rows *= size[d];
		final int[] idx = new int[nd];
		int s = 0, t = 0;
		for (int d = 0; d < nd; d++) {
			s += srcPos[d] * srcStride[d];
			t += dstPos[d] * dstStride[d];
		}
		for (int r = 0; r < rows; r++) {
			System.arraycopy(src, s, dst, t, row);
			for (int d = nd - 2; d >= 0; d--) {
				if (++idx[d] < size[d]) {
					s += srcStride[d];
					t += dstStride[d];
					break;
				}
				idx[d] = 0;
				s -= (size[d] - 1) * srcStride[d];
				t -= (size[d] - 1) * dstStride[d];
			}
		}
	}

	public static int[] strides(final int[] shape) {
		final int[] st = new int[shape.length];
		int s = 1;
		for (int d = shape.length - 1; d >= 0; d--) {
			st[d] = s;
			s *= shape[d];
		}
		return st;
	}

	public static int elements(final int[] size) {
		long n = 1;
		for (final int s : size)
			n *= s;
		if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("box of " + n + " voxels is too large for one array");
		return (int) n;
	}
}

package org.cryoet.format.zarr;

/** Reorders a chunk between Fortran (first axis fastest) and C (last axis fastest) order. */
final class ChunkLayout {

	private ChunkLayout() {}

	static void fortranToC(final Object f, final Object c, final int[] shape) {
		permute(f, c, shape, true);
	}

	static void cToFortran(final Object c, final Object f, final int[] shape) {
		permute(c, f, shape, false);
	}

	private static void permute(final Object src, final Object dst, final int[] shape, final boolean fromFortran) {
		final int nd = shape.length;
		final int[] cStride = new int[nd];
		final int[] fStride = new int[nd];
		int s = 1;
		for (int d = nd - 1; d >= 0; d--) {
			cStride[d] = s;
			s *= shape[d];
		}
		s = 1;
		for (int d = 0; d < nd; d++) {
			fStride[d] = s;
			s *= shape[d];
		}
		final int n = s;
		final int[] pos = new int[nd];
		int fIndex = 0;
		for (int cIndex = 0; cIndex < n; cIndex++) {
			if (fromFortran) System.arraycopy(src, fIndex, dst, cIndex, 1);
			else System.arraycopy(src, cIndex, dst, fIndex, 1);
			for (int d = nd - 1; d >= 0; d--) {
				if (++pos[d] < shape[d]) {
					fIndex += fStride[d];
					break;
				}
				pos[d] = 0;
				fIndex -= (shape[d] - 1) * fStride[d];
			}
		}
	}
}

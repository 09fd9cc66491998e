package org.cryoet.convert;

/** Voxel sizes as the portal writes them. */
public final class VoxelSizes {

	private VoxelSizes() {}

	/**
	 * Snaps each voxel size to 3 decimals when it differs from that only by
	 * float32 noise (an MRC's {@code cella / n}: 13.47999996609158 is 13.48), so
	 * that outputs made from an MRC and from a Zarr of the same data agree.
	 */
	public static double[] snap(final double[] s) {
		final double[] r = new double[s.length];
		for (int d = 0; d < s.length; d++) {
			final double three = Math.round(s[d] * 1000) / 1000.0;
			r[d] = Math.abs(three - s[d]) <= Math.abs(s[d]) * 1e-6 ? three : s[d];
		}
		return r;
	}
}

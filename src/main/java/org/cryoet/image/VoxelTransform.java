package org.cryoet.image;

/**
 * A level's voxel→physical (Å) map: scale then translation, per axis in array
 * order (z, y, x). Voxel centres sit at integer indices, as in OME-NGFF.
 * Deliberately free of BigDataViewer types; the viewer bridge converts it.
 */
public final class VoxelTransform {

	private final double[] scale;
	private final double[] translation;

	public VoxelTransform(final double[] scale, final double[] translation) {
		this.scale = scale.clone();
		this.translation = translation.clone();
	}

	public double[] scale() {
		return scale.clone();
	}

	public double[] translation() {
		return translation.clone();
	}

	/** Row-major 3x4 affine in x, y, z order (ImgLib2/BDV convention). */
	public double[] toXyzAffine() {
		final int n = scale.length;
		final double[] a = new double[12];
		for (int i = 0; i < 3 && i < n; i++) {
			a[i * 4 + i] = scale[n - 1 - i];
			a[i * 4 + 3] = translation[n - 1 - i];
		}
		return a;
	}

	/** Å position of a voxel centre (z, y, x index, fractional allowed). */
	public double[] toPhysical(final double[] voxelZyx) {
		final double[] p = new double[voxelZyx.length];
		for (int d = 0; d < p.length; d++)
			p[d] = voxelZyx[d] * scale[d] + translation[d];
		return p;
	}

	/** The voxel index (z, y, x, fractional) whose centre is at an Å position: the inverse of {@link #toPhysical}. */
	public double[] toVoxel(final double[] physicalZyx) {
		final double[] v = new double[physicalZyx.length];
		for (int d = 0; d < v.length; d++)
			v[d] = (physicalZyx[d] - translation[d]) / scale[d];
		return v;
	}
}

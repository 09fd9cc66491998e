package org.cryoet.portal.annotation;

/**
 * The three short axis segments that show an oriented point: the particle's
 * x, y and z axes (drawn red, green, blue), in physical space (Å, x, y, z).
 * The matrix maps particle to tomogram coordinates (applied to column
 * vectors), so axis k is the matrix's column k. No UI here: the ImageJ
 * overlay and the BigDataViewer bridge both draw from these numbers.
 */
public final class OrientationGlyph {

	/** One axis: from the point's centre to its tip, Å, x y z. */
	public static final class Segment {

		/** 0, 1, 2 for the particle's x, y, z axis. */
		public final int axis;
		public final double[] start;
		public final double[] end;

		Segment(final int axis, final double[] start, final double[] end) {
			this.axis = axis;
			this.start = start;
			this.end = end;
		}
	}

	/** RGB of each axis: x red, y green, z blue. */
	public static final int[] AXIS_RGB = { 0xff0000, 0x00ff00, 0x0000ff };

	private OrientationGlyph() {}

	/**
	 * @param location voxels of {@code voxelSpacing} (x, y, z), integer = voxel centre
	 * @param matrix row-major 3×3
	 * @param length Å of each segment
	 */
	public static Segment[] segments(final double[] location, final double voxelSpacing, final double[] matrix,
		final double length)
	{
		final double[] c = physical(location, voxelSpacing);
		final Segment[] s = new Segment[3];
		for (int k = 0; k < 3; k++)
			s[k] = new Segment(k, c.clone(), new double[] { c[0] + length * matrix[k], c[1] + length * matrix[3 + k], c[2] +
				length * matrix[6 + k] });
		return s;
	}

	/** A point's physical position (Å, x y z): its voxel index times the voxel spacing. */
	public static double[] physical(final double[] location, final double voxelSpacing) {
		return new double[] { location[0] * voxelSpacing, location[1] * voxelSpacing, location[2] * voxelSpacing };
	}
}

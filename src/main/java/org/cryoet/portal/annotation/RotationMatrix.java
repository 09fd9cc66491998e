package org.cryoet.portal.annotation;

/**
 * Whether an {@code xyz_rotation_matrix} is a rotation: orthonormal with
 * determinant +1, each within {@link #TOLERANCE} (matrices written with four
 * decimals pass; a scaled, sheared or mirrored matrix does not). A line with
 * another matrix is refused, as any other bad line: drawn, it would mislead.
 */
public final class RotationMatrix {

	public static final double TOLERANCE = 1e-3;

	private RotationMatrix() {}

	/** @param m row-major 3x3; @return null for a rotation, else what is wrong */
	public static String problem(final double[] m) {
		double worst = 0;
		for (int i = 0; i < 3; i++)
			for (int j = i; j < 3; j++) {
				double dot = 0;
				for (int k = 0; k < 3; k++)
					dot += m[3 * k + i] * m[3 * k + j];
				worst = Math.max(worst, Math.abs(dot - (i == j ? 1 : 0)));
			}
		if (!(worst <= TOLERANCE))
			return "\"xyz_rotation_matrix\" is not a rotation: its columns are not orthonormal (off by " + (float) worst +
				", tolerance " + TOLERANCE + ")";
		final double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] -
			m[4] * m[6]);
		if (!(Math.abs(det - 1) <= TOLERANCE))
			return "\"xyz_rotation_matrix\" is not a rotation: its determinant is " + (float) det + " (a mirror image?)";
		return null;
	}
}

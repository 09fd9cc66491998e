package org.cryoet.fuzz;

/** The test's own check of a rotation matrix (row-major 3x3): orthonormal, determinant 1. */
final class Rotations {

	private Rotations() {}

	static boolean isRotation(final double[] m, final double tolerance) {
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++) {
				double dot = 0;
				for (int k = 0; k < 3; k++)
					dot += m[3 * k + i] * m[3 * k + j];
				if (!(Math.abs(dot - (i == j ? 1 : 0)) <= tolerance)) return false;
			}
		final double det = m[0] * (m[4] * m[8] - m[5] * m[7]) - m[1] * (m[3] * m[8] - m[5] * m[6]) + m[2] * (m[3] * m[7] -
			m[4] * m[6]);
		return Math.abs(det - 1) <= tolerance;
	}
}

package org.cryoet.portal.annotation;

/**
 * RELION's Euler angles (rot, tilt, psi; intrinsic ZYZ, degrees) and the
 * portal's rotation matrices, as the portal's ingestion converts them:
 * {@code matrix = Rotation.from_euler("ZYZ", [rot, tilt, psi]).inv()}, so
 * (0, 90, 0) is {@code [[0,0,-1],[0,1,0],[1,0,0]]}.
 */
public final class EulerZyz {

	private EulerZyz() {}

	/** The portal matrix (row-major, 9 values) of RELION angles in degrees. */
	public static double[] matrix(final double rot, final double tilt, final double psi) {
		final double a = Math.toRadians(rot), b = Math.toRadians(tilt), c = Math.toRadians(psi);
		final double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b), cc = Math.cos(c), sc = Math.sin(c);
		// the active intrinsic ZYZ rotation Rz(a)·Ry(b)·Rz(c) ...
		final double[] r = { ca * cb * cc - sa * sc, -ca * cb * sc - sa * cc, ca * sb, sa * cb * cc + ca * sc, -sa * cb * sc +
			ca * cc, sa * sb, -sb * cc, sb * sc, cb };
		// ... inverted (transposed), as the ingestion does
		return transpose(r);
	}

	/** RELION angles {rot, tilt, psi} in degrees, tilt in [0, 180], of a portal matrix (row-major). */
	public static double[] angles(final double[] matrix) {
		final double[] r = transpose(matrix);
		final double cb = Math.max(-1, Math.min(1, r[8]));
		final double tilt = Math.acos(cb);
		double rot, psi;
		if (Math.abs(Math.sin(tilt)) > 1e-9) {
			rot = Math.atan2(r[5], r[2]);
			psi = Math.atan2(r[7], -r[6]);
		}
		else if (cb > 0) { // tilt 0: only rot + psi is defined
			rot = Math.atan2(r[3], r[0]);
			psi = 0;
		}
		else { // tilt 180: only rot - psi is defined
			rot = Math.atan2(-r[3], -r[0]);
			psi = 0;
		}
		return new double[] { clean(Math.toDegrees(rot)), clean(Math.toDegrees(tilt)), clean(Math.toDegrees(psi)) };
	}

	/** Rounds away float noise around whole degrees ({@code 89.99999999999999} → 90). */
	private static double clean(final double deg) {
		final double r = Math.rint(deg);
		final double v = Math.abs(deg - r) < 1e-9 ? r : deg;
		return v == 0 ? 0 : v;
	}

	static double[] transpose(final double[] m) {
		return new double[] { m[0], m[3], m[6], m[1], m[4], m[7], m[2], m[5], m[8] };
	}
}

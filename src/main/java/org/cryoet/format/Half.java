package org.cryoet.format;

/** IEEE 754 binary16 conversions (Java 11 has none). */
public final class Half {

	private Half() {}

	public static float toFloat(final short h) {
		final int bits = h & 0xffff;
		final int sign = (bits & 0x8000) << 16;
		final int exp = (bits >>> 10) & 0x1f;
		final int mant = bits & 0x3ff;
		if (exp == 0) {
			// zero or subnormal: mant * 2^-24
			final float f = Math.scalb((float) mant, -24);
			return sign == 0 ? f : -f;
		}
		if (exp == 31) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
		return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
	}

	/** Rounds to nearest, ties to even. */
	public static short fromFloat(final float f) {
		final int bits = Float.floatToRawIntBits(f);
		final int sign = (bits >>> 16) & 0x8000;
		final int abs = bits & 0x7fffffff;
		if (abs >= 0x7f800000) return (short) (sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 : 0));
		if (abs >= 0x477ff000) return (short) (sign | 0x7c00); // rounds to infinity
		if (abs < 0x38800000) { // subnormal half or zero: a multiple of 2^-24, exact after scaling
			final int m = (int) Math.rint(Float.intBitsToFloat(abs) * 16777216f);
			return (short) (sign | m);
		}
		final int e = (abs >>> 23) - 112;
		int out = (e << 10) | ((abs >>> 13) & 0x3ff);
		final int rest = abs & 0x1fff;
		if (rest > 0x1000 || (rest == 0x1000 && (out & 1) != 0)) out++;
		return (short) (sign | out);
	}
}

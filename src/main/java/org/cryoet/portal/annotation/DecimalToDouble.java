package org.cryoet.portal.annotation;

import java.math.BigInteger;

/**
 * The double nearest to w × 10^q for a decimal significand w of up to 18
 * digits, by the Eisel–Lemire method (Lemire, "Number parsing at a gigabyte
 * per second", 2021): one or two 64×64-bit products with a 128-bit
 * approximation of 10^q, and an honest "cannot tell" (NaN) in the rare cases
 * where the approximation could round the wrong way; the caller then uses
 * the JDK's exact parser. Portal files write doubles with 17 digits, which
 * the JDK parses an order of magnitude slower.
 */
final class DecimalToDouble {

	static final int MIN_EXP10 = -348, MAX_EXP10 = 347;
	/** 10^q's significand, normalized to 128 bits and rounded down: [2(q−MIN)] high word, [2(q−MIN)+1] low word. */
	private static final long[] POWERS = new long[2 * (MAX_EXP10 - MIN_EXP10 + 1)];
	static {
		final BigInteger ten = BigInteger.TEN;
		for (int q = MIN_EXP10; q <= MAX_EXP10; q++) {
			BigInteger m;
			if (q >= 0) {
				final BigInteger p = ten.pow(q);
				final int shift = p.bitLength() - 128;
				m = shift >= 0 ? p.shiftRight(shift) : p.shiftLeft(-shift);
			}
			else {
				final BigInteger d = ten.pow(-q);
				int k = d.bitLength() + 127;
				m = BigInteger.ONE.shiftLeft(k).divide(d);
				while (m.bitLength() < 128)
					m = BigInteger.ONE.shiftLeft(++k).divide(d);
			}
			final int i = 2 * (q - MIN_EXP10);
			POWERS[i] = m.shiftRight(64).longValue();
			POWERS[i + 1] = m.longValue();
		}
	}

	private DecimalToDouble() {}

	/** @return the correctly rounded value, or NaN when this method cannot be sure */
	static double of(final long w, final int q, final boolean negative) {
		if (w == 0) return negative ? -0.0 : 0.0;
		if (q < MIN_EXP10 || q > MAX_EXP10 || w < 0) return Double.NaN;
		final int clz = Long.numberOfLeadingZeros(w);
		final long man = w << clz;
		long retExp2 = ((217706L * q) >> 16) + 64 + 1023 - clz;
		final int i = 2 * (q - MIN_EXP10);
		final long pHi = POWERS[i], pLo = POWERS[i + 1];
		long xHi = multiplyHighUnsigned(man, pHi), xLo = man * pHi;
		if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
			final long yHi = multiplyHighUnsigned(man, pLo), yLo = man * pLo;
			long mergedHi = xHi;
			final long mergedLo = xLo + yHi;
			if (Long.compareUnsigned(mergedLo, xLo) < 0) mergedHi++;
			if ((mergedHi & 0x1FF) == 0x1FF && mergedLo + 1 == 0 && Long.compareUnsigned(yLo + man, man) < 0)
				return Double.NaN;
			xHi = mergedHi;
			xLo = mergedLo;
		}
		final long msb = xHi >>> 63;
		long mantissa = xHi >>> (msb + 9);
		retExp2 -= 1 ^ msb;
		if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) return Double.NaN;
		mantissa += mantissa & 1;
		mantissa >>>= 1;
		if (mantissa >>> 53 > 0) {
			mantissa >>>= 1;
			retExp2 += 1;
		}
		if (Long.compareUnsigned(retExp2 - 1, 0x7FF - 1) >= 0) return Double.NaN;
		final long bits = retExp2 << 52 | mantissa & 0x000FFFFFFFFFFFFFL | (negative ? 0x8000000000000000L : 0);
		return Double.longBitsToDouble(bits);
	}

	private static long multiplyHighUnsigned(final long a, final long b) {
		return Math.multiplyHigh(a, b) + (a >> 63 & b) + (b >> 63 & a);
	}
}

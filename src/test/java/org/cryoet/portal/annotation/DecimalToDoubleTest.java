package org.cryoet.portal.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** Eisel–Lemire against the JDK's exact parser: every answer it gives is the JDK's, bit for bit. */
class DecimalToDoubleTest {

	private static void check(final long w, final int q) {
		final double expected = Double.parseDouble(w + "e" + q);
		final double got = DecimalToDouble.of(w, q, false);
		if (!Double.isNaN(got)) assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), w +
			"e" + q);
		final double neg = DecimalToDouble.of(w, q, true);
		if (!Double.isNaN(neg)) assertEquals(Double.doubleToRawLongBits(-expected), Double.doubleToRawLongBits(neg));
	}

	@Test
	void agreesWithTheJdk() {
		final Random r = new Random(42);
		int undecided = 0;
		final int n = 300_000;
		for (int i = 0; i < n; i++) {
			// shortest representations of random doubles, as the portal's files hold them
			final double d = Double.longBitsToDouble(r.nextLong() & 0x7fffffffffffffffL);
			if (Double.isNaN(d) || Double.isInfinite(d)) continue;
			final java.math.BigDecimal b = new java.math.BigDecimal(Double.toString(d));
			final java.math.BigInteger u = b.unscaledValue();
			if (u.bitLength() < 63) {
				final long w = u.longValue();
				if (w < 1_000_000_000_000_000_000L) {
					check(w, -b.scale());
					if (Double.isNaN(DecimalToDouble.of(w, -b.scale(), false))) undecided++;
				}
			}
			// random significands of 1 to 18 digits, exponents across the range
			final long w = (long) (r.nextDouble() * Math.pow(10, 1 + r.nextInt(18)));
			check(w, r.nextInt(600) - 330);
			// the usual: coordinates and matrix entries
			check(Math.abs(r.nextLong()) % 100_000_000_000_000_000L, -16 - r.nextInt(3));
		}
		// subnormals and the rare ambiguous halfway cases go to the JDK
		assertTrue(undecided < n / 100, undecided + " undecided");
		for (final String s : new String[] { "9007199254740993", "9007199254740992", "1", "5e-324", "2.2250738585072011e-308",
			"1.7976931348623157e308", "0.1", "0.30000000000000004", "4.9406564584124654e-324" }) {
			final java.math.BigDecimal b = new java.math.BigDecimal(s);
			check(b.unscaledValue().longValueExact(), -b.scale());
		}
	}
}

package org.cryoet.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HalfTest {

	@Test
	void everyHalfSurvivesARoundTripThroughFloat() {
		for (int bits = 0; bits < 0x10000; bits++) {
			final float f = Half.toFloat((short) bits);
			if (Float.isNaN(f)) continue;
			assertEquals(bits, Half.fromFloat(f) & 0xffff, "bits " + Integer.toHexString(bits));
		}
	}

	@Test
	void knownValues() {
		assertEquals(1.0f, Half.toFloat((short) 0x3c00));
		assertEquals(-2.0f, Half.toFloat((short) 0xc000));
		assertEquals(65504f, Half.toFloat((short) 0x7bff));
		assertEquals((float) Math.pow(2, -24), Half.toFloat((short) 0x0001));
		assertEquals(0x3c00, Half.fromFloat(1.0004f) & 0xffff, "rounds to nearest");
		assertEquals(0x7c00, Half.fromFloat(70000f) & 0xffff, "overflows to infinity");
		assertEquals(0x3c00, Half.fromFloat(1 + 1 / 2048f) & 0xffff, "ties to even (down)");
		assertEquals(0x3c02, Half.fromFloat(1 + 3 / 2048f) & 0xffff, "ties to even (up)");
	}
}

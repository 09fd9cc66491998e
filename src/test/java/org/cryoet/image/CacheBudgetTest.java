package org.cryoet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The cache budget takes what -Xmx takes (bytes, k, m, g, t) and refuses the rest in one line naming the property. */
class CacheBudgetTest {

	@Test
	void sizesWithUnits() {
		assertEquals(2L << 30, CacheBudget.parse("2g"));
		assertEquals(2L << 30, CacheBudget.parse("2G"));
		assertEquals(512L << 20, CacheBudget.parse("512m"));
		assertEquals(64L << 10, CacheBudget.parse("64k"));
		assertEquals(1L << 40, CacheBudget.parse("1t"));
		assertEquals(123456789L, CacheBudget.parse("123456789"));
		assertEquals(0L, CacheBudget.parse("0"));
	}

	@Test
	void anythingElseIsOneLineNamingTheProperty() {
		for (final String bad : new String[] { "2x", "-1", "1.5g", "", "g", "2 gigabytes", "99999999999999999999",
			"9999999999t" })
		{
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CacheBudget.parse(bad),
				bad);
			assertEquals(true, e.getMessage().startsWith("-Dcryoet.cache.bytes=" + bad), e.getMessage());
			assertEquals(1, e.getMessage().lines().count());
		}
	}
}

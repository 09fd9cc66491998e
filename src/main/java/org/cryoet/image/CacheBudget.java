package org.cryoet.image;

/** The chunk cache's budget from {@code cryoet.cache.bytes}: bytes, or a size such as {@code 512m} or {@code 2g}. */
public final class CacheBudget {

	public static final String PROPERTY = "cryoet.cache.bytes";

	private CacheBudget() {}

	/** The budget the property asks for, else a quarter of the heap. */
	public static long fromSystemProperty() {
		final String p = System.getProperty(PROPERTY);
		return p == null ? Runtime.getRuntime().maxMemory() / 4 : parse(p);
	}

	public static long parse(final String value) {
		final String v = value.trim().toLowerCase(java.util.Locale.ROOT);
		final int unit = v.isEmpty() ? -1 : "kmg".indexOf(v.charAt(v.length() - 1));
		try {
			final long n = Long.parseLong(unit < 0 ? v : v.substring(0, v.length() - 1));
			if (n < 0) throw new NumberFormatException();
			return unit < 0 ? n : Math.multiplyExact(n, 1L << (10 * (unit + 1)));
		}
		catch (final NumberFormatException | ArithmeticException e) {
			throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not a size (give bytes, or e.g. 512m or 2g)");
		}
	}
}

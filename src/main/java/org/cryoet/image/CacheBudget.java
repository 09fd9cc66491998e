package org.cryoet.image;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The chunk cache's size, from {@code -Dcryoet.cache.bytes}: plain bytes or a
 * size with the suffix Java's own {@code -Xmx} takes ({@code 512m}, {@code 2g};
 * also {@code k} and {@code t}). Absent, a quarter of the heap. A bad value is
 * one line naming the property; nothing is read at class-loading time, so a
 * bad setting cannot break a class for the rest of a Fiji session.
 */
public final class CacheBudget {

	public static final String PROPERTY = "cryoet.cache.bytes";

	private static final Pattern SIZE = Pattern.compile("([0-9]+)([kmgt]?)b?");

	/** A bad budget setting; its message is the one line the user sees. */
	public static final class InvalidBudgetException extends IllegalArgumentException {

		private static final long serialVersionUID = 1L;

		InvalidBudgetException(final String message) {
			super(message);
		}
	}

	private CacheBudget() {}

	/** The budget set by {@code -Dcryoet.cache.bytes}, else a quarter of the maximum heap. */
	public static long fromSystemProperty() {
		final String p = System.getProperty(PROPERTY);
		return p == null ? Runtime.getRuntime().maxMemory() / 4 : parse(p);
	}

	/** @throws InvalidBudgetException naming the property and the value when it is no size */
	public static long parse(final String value) {
		final Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
		if (!m.matches()) throw invalid(value, "expected bytes or a size such as 512m or 2g");
		final int shift = "-kmgt".indexOf(m.group(2).isEmpty() ? "-" : m.group(2)) * 10;
		try {
			final long n = Long.parseLong(m.group(1));
			if (n > Long.MAX_VALUE >> shift) throw invalid(value, "too large");
			return n << shift;
		}
		catch (final NumberFormatException e) {
			throw invalid(value, "too large");
		}
	}

	private static InvalidBudgetException invalid(final String value, final String why) {
		return new InvalidBudgetException("-D" + PROPERTY + "=" + value + ": " + why);
	}
}

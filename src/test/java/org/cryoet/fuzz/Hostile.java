package org.cryoet.fuzz;

import java.io.IOException;

import org.cryoet.format.FormatException;
import org.cryoet.store.StoreException;

/**
 * The contract every fuzz target checks: a parser given any bytes either
 * returns a valid result or throws one of our own exceptions, whose message
 * names the input. Anything else (a library's exception leaking, an
 * {@code Error}, an unnamed message) escapes as a finding.
 */
final class Hostile {

	/** A parse that may throw our exceptions. */
	interface Parse {

		void run() throws IOException;
	}

	private Hostile() {}

	/** Runs {@code parse}; our refusals pass when their message names {@code where}. */
	static void parsedOrRefused(final String where, final Parse parse) {
		try {
			parse.run();
		}
		catch (final FormatException | StoreException e) {
			named(where, e);
		}
		catch (final IOException e) {
			throw new AssertionError("not our exception for " + where + ": " + e, e);
		}
	}

	/** Like {@link #parsedOrRefused} for parsers whose callers add the name (codecs): any message will do. */
	static void parsedOrRefusedUnnamed(final Parse parse) {
		try {
			parse.run();
		}
		catch (final FormatException | StoreException e) {
			if (e.getMessage() == null || e.getMessage().isEmpty()) throw new AssertionError("refusal without a message", e);
		}
		catch (final IOException e) {
			throw new AssertionError("not our exception: " + e, e);
		}
	}

	static void named(final String where, final Exception e) {
		final String m = e.getMessage();
		// a name holding control characters is named with them escaped (\n), so that the refusal stays one line
		if (m == null || !m.contains(where) && !m.contains(org.cryoet.format.OneLine.printable(where)))
			throw new AssertionError("refusal does not name " + where + ": " + m, e);
		if (m.indexOf('\n') >= 0) throw new AssertionError("refusal is more than one line: " + m, e);
	}

	/** A condition the valid result must meet. */
	static void check(final boolean ok, final String what) {
		if (!ok) throw new AssertionError(what);
	}
}

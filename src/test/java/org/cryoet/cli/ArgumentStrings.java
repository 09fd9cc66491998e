package org.cryoet.cli;

import java.util.Map;

/** {@link ArgumentString} for the fuzz targets (org.cryoet.fuzz), without widening it in the main code. */
public final class ArgumentStrings {

	private ArgumentStrings() {}

	public static Map<String, String> parse(final String s) {
		return ArgumentString.parse(s);
	}
}

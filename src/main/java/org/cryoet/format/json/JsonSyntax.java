package org.cryoet.format.json;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gson's syntax errors in the user's words: where (line, column) and what was
 * wrong, without the library's advice ("Use JsonReader.setLenient(true)") or
 * exception names ("java.io.EOFException").
 */
public final class JsonSyntax {

	private static final Pattern WHERE = Pattern.compile("line (\\d+) column (\\d+)");

	private JsonSyntax() {}

	/** E.g. "malformed JSON at line 3, column 5 (expected ',' or '}' after a value)". */
	public static String describe(final Throwable e) {
		final String m = String.valueOf(e.getMessage() == null ? e : e.getMessage());
		final Matcher w = WHERE.matcher(m);
		final String where = w.find() ? " at line " + w.group(1) + ", column " + w.group(2) : "";
		return "malformed JSON" + where + " (" + what(m) + ")";
	}

	private static String what(final String m) {
		if (m.contains("End of input")) return "the text ends early: is the file cut short?";
		if (m.contains("Unterminated object")) return "expected ',' or '}' after a value";
		if (m.contains("Unterminated array")) return "expected ',' or ']' after a value";
		if (m.contains("Unterminated string")) return "a string is not closed with '\"'";
		if (m.contains("Unterminated escape")) return "a '\\' escape in a string is cut short";
		if (m.contains("Expected name")) return "expected a field name in double quotes";
		if (m.contains("Expected ':'")) return "expected ':' after a field name";
		if (m.contains("Expected value") || m.contains("setLenient") || m.contains("Unexpected value"))
			return "this is not JSON text: expected an object in { }";
		if (m.contains("Expected BEGIN_OBJECT") || m.contains("Not a JSON Object")) return "expected an object in { }";
		return "not valid JSON";
	}
}

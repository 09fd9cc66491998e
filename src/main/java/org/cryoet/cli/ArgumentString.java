package org.cryoet.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fiji's {@code --run} argument string: {@code key='value',key2=3}. Values may
 * be quoted with ' or " (then commas and spaces are theirs) or bare; the
 * ImageJ macro form {@code key=[value] key2=3} is accepted too. A bare
 * keyword ({@code overwrite} alone) maps to null.
 */
final class ArgumentString {

	private ArgumentString() {}

	static Map<String, String> parse(final String s) {
		final Map<String, String> out = new LinkedHashMap<>();
		int i = 0;
		final int n = s.length();
		while (i < n) {
			while (i < n && (s.charAt(i) == ',' || Character.isWhitespace(s.charAt(i))))
				i++;
			if (i >= n) break;
			final int keyStart = i;
			while (i < n && s.charAt(i) != '=' && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i)))
				i++;
			final String key = s.substring(keyStart, i);
			if (key.isEmpty()) throw new IllegalArgumentException("empty parameter name at character " + (i + 1) +
				" of the argument string (expected key='value')");
			if (i >= n || s.charAt(i) != '=') {
				out.put(key, null); // a bare keyword, as the macro recorder writes a checked box
				continue;
			}
			i++;
			final String value;
			if (i < n && (s.charAt(i) == '\'' || s.charAt(i) == '"' || s.charAt(i) == '[')) {
				final char close = s.charAt(i) == '[' ? ']' : s.charAt(i);
				final int end = s.indexOf(close, i + 1);
				if (end < 0) throw new IllegalArgumentException("unclosed " + s.charAt(i) + " in the value of " + key);
				value = s.substring(i + 1, end);
				i = end + 1;
			}
			else {
				final int start = i;
				while (i < n && s.charAt(i) != ',' && !Character.isWhitespace(s.charAt(i)))
					i++;
				value = s.substring(start, i);
			}
			if (out.put(key, value) != null) throw new IllegalArgumentException("parameter " + key + " is given twice");
		}
		return out;
	}
}

package org.cryoet.format.json;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;

import org.cryoet.format.FormatException;

/**
 * Parses a JSON document from a file or a server with a nesting bound: gson
 * builds any depth, but printing or walking a 100,000-deep tree overflows the
 * stack, and no honest metadata nests deeper than a few levels.
 */
public final class JsonDocument {

	/** Deeper than any metadata we read (the portal's nest about 6 levels). */
	public static final int MAX_DEPTH = 128;

	private JsonDocument() {}

	/** @param where the file, key or URL, for messages; @param expected what the document should be */
	public static JsonElement parse(final byte[] json, final String where, final String expected) throws FormatException {
		return parse(new String(json, StandardCharsets.UTF_8), where, expected);
	}

	public static JsonElement parse(final String json, final String where, final String expected)
		throws FormatException
	{
		checkDepth(json, where);
		try {
			return JsonParser.parseString(json);
		}
		catch (final JsonParseException e) {
			throw new FormatException(where + ": " + JsonSyntax.describe(e) + "; expected " + expected);
		}
		catch (final RuntimeException e) {
			throw new FormatException(where + ": not valid JSON (" + e.getClass().getSimpleName() + "); expected " +
				expected);
		}
	}

	/** Counts brackets outside strings: linear, no recursion. */
	public static void checkDepth(final CharSequence json, final String where) throws FormatException {
		int depth = 0;
		boolean inString = false;
		for (int i = 0; i < json.length(); i++) {
			final char c = json.charAt(i);
			if (inString) {
				if (c == '\\') i++;
				else if (c == '"') inString = false;
			}
			else if (c == '"') inString = true;
			else if (c == '[' || c == '{') {
				if (++depth > MAX_DEPTH)
					throw new FormatException(where + ": JSON nested deeper than " + MAX_DEPTH + " levels (line " +
						line(json, i) + "); not metadata");
			}
			else if (c == ']' || c == '}') depth--;
		}
	}

	/** The nesting depth of a parsed tree (a scalar is 0), walked without recursion. */
	public static int depth(final JsonElement root) {
		int max = 0;
		final java.util.ArrayDeque<JsonElement> todo = new java.util.ArrayDeque<>();
		final java.util.ArrayDeque<Integer> depths = new java.util.ArrayDeque<>();
		todo.push(root);
		depths.push(0);
		while (!todo.isEmpty()) {
			final JsonElement e = todo.pop();
			final int d = depths.pop();
			if (e == null || e.isJsonPrimitive() || e.isJsonNull()) continue;
			max = Math.max(max, d + 1);
			if (max > MAX_DEPTH) return max;
			final Iterable<JsonElement> children = e.isJsonArray() ? e.getAsJsonArray() : e.getAsJsonObject().entrySet()
				.stream().map(java.util.Map.Entry::getValue)::iterator;
			for (final JsonElement c : children) {
				todo.push(c);
				depths.push(d + 1);
			}
		}
		return max;
	}

	private static int line(final CharSequence s, final int upTo) {
		int n = 1;
		for (int i = 0; i < upTo; i++)
			if (s.charAt(i) == '\n') n++;
		return n;
	}
}

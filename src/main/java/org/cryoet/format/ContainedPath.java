package org.cryoet.format;

import org.cryoet.store.Keys;

/**
 * A path written inside a file (an NGFF {@code datasets[].path}, an annotation
 * file's {@code path}) that we follow: it must stay inside its container, so
 * it is relative, with non-empty segments, no "." or "..", no backslash and no
 * ':' (a drive letter or a URL scheme).
 */
public final class ContainedPath {

	private ContainedPath() {}

	/** @return {@code path} when it stays inside; else throws naming the file and the field */
	public static String check(final String path, final String where, final String field) throws FormatException {
		if (path == null || path.isEmpty() || path.endsWith("/") || path.indexOf(':') >= 0 || !Keys.isSafe(path))
			throw new FormatException(where + ": " + field + " \"" + printable(path) + "\" leaves its container " +
				"(only relative paths without '..', '.', empty segments, '\\' or ':' are followed)");
		return path;
	}

	public static boolean isContained(final String path) {
		return path != null && !path.isEmpty() && !path.endsWith("/") && path.indexOf(':') < 0 && Keys.isSafe(path);
	}

	private static String printable(final String s) {
		if (s == null) return "";
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < s.length() && i < 80; i++) {
			final char c = s.charAt(i);
			sb.append(c < 0x20 || c == 0x7f ? '?' : c);
		}
		return s.length() > 80 ? sb + "..." : sb.toString();
	}
}

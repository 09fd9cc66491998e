package org.cryoet.format;

/**
 * Text from a file or a file name, made fit for a one-line message: line
 * breaks and other control characters as JSON-style escapes ({@code \n},
 * {@code \u0007}), so that no input can split an error over two lines.
 */
public final class OneLine {

	private OneLine() {}

	public static String printable(final Object text) {
		final String s = String.valueOf(text);
		StringBuilder sb = null;
		for (int i = 0; i < s.length(); i++) {
			final char c = s.charAt(i);
			if (!Character.isISOControl(c) && c != '\u2028' && c != '\u2029') {
				if (sb != null) sb.append(c);
				continue;
			}
			if (sb == null) sb = new StringBuilder(s.substring(0, i));
			sb.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : String.format(java.util.Locale.ROOT,
				"\\u%04x", (int) c));
		}
		return sb == null ? s : sb.toString();
	}
}

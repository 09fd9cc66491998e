package org.cryoet.portal.annotation;

import java.nio.charset.StandardCharsets;

/**
 * Parses one ndjson point line (UTF-8 bytes) into a {@link PointTable}, by
 * hand rather than through a JSON tree: millions of lines must go at more
 * than a million per second. Other keys are checked as JSON and kept as text.
 */
final class PointLineParser {

	/** Thrown with what is wrong; the reader adds the file and line number. */
	static final class LineException extends Exception {

		private static final long serialVersionUID = 1L;

		LineException(final String message) {
			super(message, null, false, false);
		}
	}

	private static final double[] POW10 = new double[23];
	static {
		POW10[0] = 1;
		for (int i = 1; i < POW10.length; i++)
			POW10[i] = POW10[i - 1] * 10;
	}

	private byte[] b;
	private int p, end;
	private boolean lastWasInteger;
	private final double[] matrix = new double[9];
	private final double[] location = new double[3];

	private static final PointKind[] KINDS = PointKind.values();
	private static final byte[][] KEYS = bytes("type", "location", "xyz_rotation_matrix", "instance_id");
	/** In the order of {@link PointKind}. */
	private static final byte[][] TYPES = bytes("point", "orientedPoint", "instancePoint");
	private static final byte[][] AXES = bytes("x", "y", "z");
	private static final String[] LOCATION_NAMES = { "location.x", "location.y", "location.z" };

	private static byte[][] bytes(final String... s) {
		final byte[][] b = new byte[s.length][];
		for (int i = 0; i < s.length; i++)
			b[i] = s[i].getBytes(StandardCharsets.US_ASCII);
		return b;
	}

	/** Reads a string and says which of {@code names} it is (by its bytes, without making a String), or -1. */
	private int key(final byte[][] names) throws LineException {
		final int start = p + 1;
		string();
		final int len = p - 1 - start;
		for (int k = 0; k < names.length; k++) {
			final byte[] n = names[k];
			if (n.length != len) continue;
			int i = 0;
			while (i < len && b[start + i] == n[i])
				i++;
			if (i == len) return k;
		}
		return -1;
	}
	private final StringBuilder extra = new StringBuilder();

	/** Parses {@code bytes[from, to)} and appends the point to {@code out}. */
	void parse(final byte[] bytes, final int from, final int to, final PointTable out) throws LineException {
		b = bytes;
		p = from;
		end = to;
		extra.setLength(0);
		PointKind kind = null;
		double x = 0, y = 0, z = 0;
		boolean hasLocation = false, hasMatrix = false, hasInstance = false;
		long instance = 0;
		int mask = 0;
		int matrixStart = 0, matrixEnd = 0, instanceStart = 0, instanceEnd = 0;
		ws();
		expect('{');
		ws();
		if (peek() == '}') throw new LineException("empty object: expected \"type\" and \"location\"");
		while (true) {
			ws();
			final int keyStart = p;
			final int key = key(KEYS);
			ws();
			expect(':');
			ws();
			final int valueStart = p;
			switch (key) {
				case 0: {
					final int t = key(TYPES);
					if (t < 0) throw new LineException("unknown type " + text(valueStart, p) +
						" (expected point, orientedPoint or instancePoint)");
					kind = KINDS[t];
					break;
				}
				case 1: {
					final int m = location(location);
					x = location[0];
					y = location[1];
					z = location[2];
					mask |= m;
					hasLocation = true;
					break;
				}
				case 2:
					mask |= matrix() << PointTable.MATRIX_INT_SHIFT;
					final String notRotation = RotationMatrix.problem(matrix);
					if (notRotation != null) throw new LineException(notRotation);
					hasMatrix = true;
					matrixStart = keyStart;
					matrixEnd = p;
					break;
				case 3: {
					final double v = number("instance_id");
					if (!lastWasInteger || v != Math.rint(v) || v < 0 || v > 9.007199254740992E15)
						throw new LineException("instance_id must be a non-negative integer, found " + text(valueStart, p));
					instance = (long) v;
					hasInstance = true;
					instanceStart = keyStart;
					instanceEnd = p;
					break;
				}
				default:
					skipValue(0);
					member(keyStart, valueStart, p);
			}
			ws();
			final int c = next();
			if (c == '}') break;
			if (c != ',') throw new LineException(where() + "expected ',' or '}'" + found(c));
		}
		ws();
		if (p < end) throw new LineException("text after the end of the object at byte " + (p + 1));
		if (kind == null) throw new LineException("no \"type\"");
		if (!hasLocation) throw new LineException("no \"location\"");
		if (kind == PointKind.ORIENTED_POINT && !hasMatrix)
			throw new LineException("an orientedPoint needs \"xyz_rotation_matrix\"");
		if (kind == PointKind.INSTANCE_POINT && !hasInstance)
			throw new LineException("an instancePoint needs \"instance_id\"");
		// Keys that do not belong to this kind are kept as they were.
		if (hasMatrix && kind != PointKind.ORIENTED_POINT) memberRaw(matrixStart, matrixEnd);
		if (hasInstance && kind != PointKind.INSTANCE_POINT) memberRaw(instanceStart, instanceEnd);
		if (kind != PointKind.ORIENTED_POINT) mask &= (1 << PointTable.MATRIX_INT_SHIFT) - 1;
		out.add(kind, x, y, z, matrix, instance, extra.length() == 0 ? null : extra.toString(), mask);
	}

	private int location(final double[] loc) throws LineException {
		expect('{');
		int seen = 0, mask = 0;
		ws();
		if (peek() == '}') throw new LineException("\"location\" is empty: expected x, y and z");
		while (true) {
			ws();
			final int kStart = p;
			final int axis = key(AXES);
			if (axis < 0) throw new LineException("\"location\" has key " + text(kStart, p) + " (expected x, y and z)");
			ws();
			expect(':');
			ws();
			loc[axis] = number(LOCATION_NAMES[axis]);
			if (lastWasInteger) mask |= 1 << axis;
			seen |= 1 << axis;
			ws();
			final int c = next();
			if (c == '}') break;
			if (c != ',') throw new LineException(where() + "expected ',' or '}' in \"location\"" + found(c));
		}
		if (seen != 7) throw new LineException("\"location\" lacks " + ((seen & 1) == 0 ? "x" : (seen & 2) == 0 ? "y"
			: "z"));
		return mask;
	}

	private int matrix() throws LineException {
		try {
			return matrixRows();
		}
		catch (final LineException e) {
			throw new LineException("\"xyz_rotation_matrix\" must be 3 rows of 3 numbers (" + e.getMessage() + ")");
		}
	}

	private int matrixRows() throws LineException {
		int mask = 0;
		expect('[');
		for (int r = 0; r < 3; r++) {
			ws();
			if (r > 0) {
				expect(',');
				ws();
			}
			expect('[');
			for (int c = 0; c < 3; c++) {
				ws();
				if (c > 0) {
					expect(',');
					ws();
				}
				matrix[3 * r + c] = number("xyz_rotation_matrix");
				if (lastWasInteger) mask |= 1 << (3 * r + c);
			}
			ws();
			expect(']');
		}
		ws();
		expect(']');
		return mask;
	}

	private void member(final int keyStart, final int valueStart, final int valueEnd) {
		if (extra.length() > 0) extra.append(", ");
		// the key as written, then the portal's ": " separator, then the value as written
		int keyEnd = valueStart;
		while (keyEnd > keyStart && b[keyEnd - 1] != ':')
			keyEnd--;
		keyEnd--;
		while (keyEnd > keyStart && (b[keyEnd - 1] == ' ' || b[keyEnd - 1] == '\t'))
			keyEnd--;
		extra.append(text(keyStart, keyEnd)).append(": ").append(text(valueStart, valueEnd));
	}

	private void memberRaw(final int start, final int valueEnd) {
		int v = start;
		while (b[v] != ':' || inKey(start, v))
			v++;
		v++;
		while (b[v] == ' ' || b[v] == '\t')
			v++;
		member(start, v, valueEnd);
	}

	/** Whether position v is still inside the key string starting at start. */
	private boolean inKey(final int start, final int v) {
		boolean esc = false;
		for (int i = start + 1; i < v; i++) {
			if (esc) esc = false;
			else if (b[i] == '\\') esc = true;
			else if (b[i] == '"') return false;
		}
		return true;
	}

	// ---- JSON lexing ----

	private void ws() {
		while (p < end && (b[p] == ' ' || b[p] == '\t' || b[p] == '\r'))
			p++;
	}

	private int peek() {
		return p < end ? b[p] & 0xff : -1;
	}

	private int next() {
		return p < end ? b[p++] & 0xff : -1;
	}

	private void expect(final char c) throws LineException {
		final int got = next();
		if (got != c) {
			p--;
			throw new LineException(where() + "expected '" + c + "'" + found(got));
		}
	}

	private String where() {
		return "at byte " + (p + 1) + ": ";
	}

	private static String found(final int c) {
		return c < 0 ? ", found the end of the line" : ", found '" + (char) c + "'";
	}

	private String text(final int from, final int to) {
		return new String(b, from, to - from, StandardCharsets.UTF_8);
	}

	/** Steps over a JSON string, checking its escapes (keys are compared as bytes, values kept as text). */
	private void string() throws LineException {
		expect('"');
		while (true) {
			if (p >= end) throw new LineException("unterminated string");
			final int c = b[p++] & 0xff;
			if (c == '"') break;
			if (c < 0x20) throw new LineException(where() + "control character in a string");
			if (c == '\\') {
				if (p >= end) throw new LineException("unterminated string");
				final int e = b[p++];
				if (e == 'u') {
					for (int i = 0; i < 4; i++)
						if (p >= end || Character.digit(b[p++], 16) < 0) throw new LineException(where() + "bad \\u escape");
				}
				else if ("\"\\/bfnrt".indexOf(e) < 0) throw new LineException(where() + "bad escape \\" + (char) e);
			}
		}
	}

	/**
	 * A JSON number, correctly rounded: in one step for up to 15 significant
	 * digits, by Eisel–Lemire up to 18, else (or when that cannot tell) by the JDK.
	 */
	private double number(final String what) throws LineException {
		final int start = p;
		boolean negative = false;
		if (peek() == '-') {
			negative = true;
			p++;
		}
		long mantissa = 0;
		int digits = 0, exponent = 0;
		boolean integer = true;
		final int intStart = p;
		while (p < end && b[p] >= '0' && b[p] <= '9') {
			if (digits > 0 || b[p] != '0') {
				if (digits < 18) mantissa = 10 * mantissa + (b[p] - '0');
				else exponent++;
				digits++;
			}
			p++;
		}
		if (p == intStart || b[intStart] == '0' && p - intStart > 1)
			throw new LineException(what + ": expected a number" + (p == start ? found(peek()) : ", found " + text(start,
				Math.min(end, p + 1))));
		if (p < end && b[p] == '.') {
			integer = false;
			p++;
			final int fracStart = p;
			while (p < end && b[p] >= '0' && b[p] <= '9') {
				if (digits > 0 || b[p] != '0') {
					if (digits < 18) {
						mantissa = 10 * mantissa + (b[p] - '0');
						exponent--;
					}
					digits++;
				}
				else exponent--;
				p++;
			}
			if (p == fracStart) throw new LineException(what + ": malformed number " + text(start, p));
		}
		if (p < end && (b[p] == 'e' || b[p] == 'E')) {
			integer = false;
			p++;
			boolean negExp = false;
			if (p < end && (b[p] == '+' || b[p] == '-')) negExp = b[p++] == '-';
			final int expStart = p;
			int e = 0;
			while (p < end && b[p] >= '0' && b[p] <= '9') {
				if (e < 10000) e = 10 * e + (b[p] - '0');
				p++;
			}
			if (p == expStart) throw new LineException(what + ": malformed number " + text(start, p));
			exponent += negExp ? -e : e;
		}
		lastWasInteger = integer;
		double v;
		if (digits <= 15 && exponent >= -22 && exponent <= 22) {
			v = mantissa;
			v = exponent >= 0 ? v * POW10[exponent] : v / POW10[-exponent];
		}
		else {
			if (digits <= 18) {
				v = DecimalToDouble.of(mantissa, exponent, negative);
				if (!Double.isNaN(v)) return v;
			}
			v = Double.parseDouble(new String(b, 0, start, p - start));
			if (Double.isInfinite(v)) throw new LineException(what + ": number out of range " + text(start, p));
			return v;
		}
		return negative ? -v : v;
	}

	/** Checks and steps over any JSON value. */
	private void skipValue(final int depth) throws LineException {
		if (depth > 64) throw new LineException("values nested too deeply");
		final int c = peek();
		if (c == '"') string();
		else if (c == '{' || c == '[') {
			final char close = c == '{' ? '}' : ']';
			p++;
			ws();
			if (peek() == close) {
				p++;
				return;
			}
			while (true) {
				ws();
				if (c == '{') {
					string();
					ws();
					expect(':');
					ws();
				}
				skipValue(depth + 1);
				ws();
				final int n = next();
				if (n == close) return;
				if (n != ',') throw new LineException(where() + "expected ',' or '" + close + "'" + found(n));
			}
		}
		else if (c == '-' || c >= '0' && c <= '9') number("value");
		else if (literal("true") || literal("false") || literal("null")) return;
		else throw new LineException(where() + "expected a JSON value" + found(c));
	}

	private boolean literal(final String word) {
		if (end - p < word.length()) return false;
		for (int i = 0; i < word.length(); i++)
			if (b[p + i] != word.charAt(i)) return false;
		p += word.length();
		return true;
	}
}

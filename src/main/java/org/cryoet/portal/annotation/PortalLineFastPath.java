package org.cryoet.portal.annotation;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses, in one pass over the read buffer, a line in exactly the shape the
 * portal (and {@link NdjsonPointWriter}) writes: {@code {"type": "...",
 * "location": {"x": .., "y": .., "z": ..}} with the matrix or instance id of
 * its kind, no other keys, ended by {@code \n}. It finds the line's end
 * itself, so the common line is never copied or scanned twice. Anything else
 * (other keys or order, whitespace, escapes, numbers it cannot round with
 * certainty) makes it answer "not mine" and the reader hands the line to
 * {@link PointLineParser}, which decides and reports; results are the same
 * bit for bit, as the cross-check test shows.
 */
final class PortalLineFastPath {

	private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

	private static final double[] POW10 = new double[23];
	static {
		POW10[0] = 1;
		for (int i = 1; i < POW10.length; i++)
			POW10[i] = POW10[i - 1] * 10;
	}

	private static final byte[] TYPE = ascii("{\"type\": \"");
	/** Indexed by {@link PointKind#ordinal()}: the rest of the type, up to the first number. */
	private static final byte[][] KIND_TO_X = { ascii("point\", \"location\": {\"x\": "), ascii(
		"orientedPoint\", \"location\": {\"x\": "), ascii("instancePoint\", \"location\": {\"x\": ") };
	private static final byte[] Y = ascii(", \"y\": "), Z = ascii(", \"z\": ");
	private static final byte[] MATRIX = ascii("}, \"xyz_rotation_matrix\": [["), NEXT = ascii(", "), NEXT_ROW = ascii(
		"], ["), MATRIX_END = ascii("]]}"), INSTANCE = ascii("}, \"instance_id\": "), POINT_END = ascii("}}");
	private static final PointKind[] KINDS = PointKind.values();

	private static byte[] ascii(final String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	private byte[] b;
	private int p, limit;
	/** Whether the last number had neither fraction nor exponent. */
	private boolean integer;
	private final double[] matrix = new double[9];

	/**
	 * Parses the line starting at {@code from} if it has the portal's shape
	 * and ends before {@code limit} (or at {@code limit} when that is the end
	 * of the input), and appends its point to {@code out}.
	 *
	 * @return where the line ends (its {@code \n}, or {@code limit}), or -1
	 *         when the line must go to the general parser (nothing appended)
	 */
	int parse(final byte[] bytes, final int from, final int limit, final boolean endOfInput, final PointTable out) {
		b = bytes;
		p = from;
		this.limit = limit;
		if (!literal(TYPE) || p >= limit) return -1;
		final int k = b[p] == 'p' ? 0 : b[p] == 'o' ? 1 : b[p] == 'i' ? 2 : -1;
		if (k < 0 || !literal(KIND_TO_X[k])) return -1;
		int mask = 0;
		final double x = number();
		if (x != x) return -1;
		if (integer) mask |= PointTable.X_INT;
		if (!literal(Y)) return -1;
		final double y = number();
		if (y != y) return -1;
		if (integer) mask |= PointTable.Y_INT;
		if (!literal(Z)) return -1;
		final double z = number();
		if (z != z) return -1;
		if (integer) mask |= PointTable.Z_INT;
		long instance = 0;
		final PointKind kind = KINDS[k];
		if (kind == PointKind.ORIENTED_POINT) {
			if (!literal(MATRIX)) return -1;
			for (int i = 0; i < 9; i++) {
				if (i > 0 && !literal(i % 3 == 0 ? NEXT_ROW : NEXT)) return -1;
				final double v = number();
				if (v != v) return -1;
				matrix[i] = v;
				if (integer) mask |= 1 << PointTable.MATRIX_INT_SHIFT + i;
			}
			if (!literal(MATRIX_END)) return -1;
			// a matrix that is no rotation is refused by the general parser, with its reason
			if (RotationMatrix.problem(matrix) != null) return -1;
		}
		else if (kind == PointKind.INSTANCE_POINT) {
			if (!literal(INSTANCE)) return -1;
			final double v = number();
			// an integer of at most 15 digits is exact as a double, as the general parser requires
			if (v != v || !integer || v < 0 || v >= 1e15) return -1;
			instance = (long) v;
			if (p >= limit || b[p++] != '}') return -1;
		}
		else if (!literal(POINT_END)) return -1;
		final int end;
		if (p < limit && b[p] == '\n') end = p;
		else if (p == limit && endOfInput) end = p;
		else return -1;
		out.add(kind, x, y, z, matrix, instance, null, mask);
		return end;
	}

	private boolean literal(final byte[] s) {
		final int to = p + s.length;
		if (to > limit || !Arrays.equals(b, p, to, s, 0, s.length)) return false;
		p = to;
		return true;
	}

	/**
	 * A JSON number at p, rounded exactly as {@link PointLineParser} rounds
	 * it (the same arithmetic on the same significand and exponent); NaN for
	 * anything that parser should see: bad syntax, more than 18 significant
	 * digits, or a value Eisel–Lemire cannot round with certainty.
	 */
	private double number() {
		final byte[] b = this.b;
		final int limit = this.limit;
		int q = p;
		boolean negative = false;
		if (q < limit && b[q] == '-') {
			negative = true;
			q++;
		}
		if (q >= limit) return Double.NaN;
		int c = b[q];
		long mantissa;
		int digits;
		if (c == '0') {
			mantissa = 0;
			digits = 0;
			q++;
			if (q < limit && b[q] >= '0' && b[q] <= '9') return Double.NaN; // a leading zero: not JSON
		}
		else if (c >= '1' && c <= '9') {
			mantissa = c - '0';
			digits = 1;
			q++;
			while (q < limit && (c = b[q]) >= '0' && c <= '9') {
				mantissa = 10 * mantissa + (c - '0');
				digits++;
				q++;
			}
		}
		else return Double.NaN;
		int exponent = 0;
		boolean isInteger = true;
		if (q < limit && b[q] == '.') {
			isInteger = false;
			q++;
			final int fractionStart = q;
			if (digits == 0) while (q < limit && b[q] == '0')
				q++; // zeros before the first significant digit only move the exponent
			final int significantStart = q;
			while (q + 8 <= limit) {
				final long w = (long) LONGS.get(b, q);
				if (!eightDigits(w)) break;
				mantissa = 100_000_000L * mantissa + eightDigitsValue(w);
				q += 8;
			}
			while (q < limit && (c = b[q]) >= '0' && c <= '9') {
				mantissa = 10 * mantissa + (c - '0');
				q++;
			}
			if (q == fractionStart) return Double.NaN;
			digits += q - significantStart;
			exponent = fractionStart - q;
		}
		if (q < limit && (b[q] == 'e' || b[q] == 'E')) {
			isInteger = false;
			q++;
			boolean negativeExponent = false;
			if (q < limit && (b[q] == '+' || b[q] == '-')) negativeExponent = b[q++] == '-';
			final int expStart = q;
			int e = 0;
			while (q < limit && (c = b[q]) >= '0' && c <= '9' && q - expStart < 4) {
				e = 10 * e + (c - '0');
				q++;
			}
			if (q == expStart || q < limit && b[q] >= '0' && b[q] <= '9') return Double.NaN;
			exponent += negativeExponent ? -e : e;
		}
		if (digits > 18) return Double.NaN; // the mantissa may have overflowed; the general parser decides
		p = q;
		integer = isInteger;
		if (digits <= 15 && exponent >= -22 && exponent <= 22) {
			double v = mantissa;
			v = exponent >= 0 ? v * POW10[exponent] : v / POW10[-exponent];
			return negative ? -v : v;
		}
		return DecimalToDouble.of(mantissa, exponent, negative);
	}

	/** Whether all eight bytes of w (little-endian) are ASCII digits. */
	private static boolean eightDigits(final long w) {
		return ((w & 0xF0F0F0F0F0F0F0F0L) | (((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) >>> 4)) == 0x3333333333333333L;
	}

	/** The value of eight ASCII digits, the first in the lowest byte: pairs, then quads, then all eight. */
	private static long eightDigitsValue(long w) {
		w -= 0x3030303030303030L;
		w = w * 10 + (w >>> 8);
		return ((w & 0x000000FF000000FFL) * (100 + (1_000_000L << 32)) + ((w >>> 16) & 0x000000FF000000FFL) * (1 +
			(10_000L << 32))) >>> 32;
	}
}

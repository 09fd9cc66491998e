package org.cryoet.portal.annotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The one-pass parser of the portal's line shape against the general parser:
 * whatever line the fast path accepts, the general parser reads to the same
 * point bit for bit (and every number to what {@link Double#parseDouble}
 * gives); lines it declines go to the general parser unchanged.
 */
class PortalLineFastPathTest {

	private static final String[] EDGE_NUMBERS = { "0", "-0", "0.0", "-0.0", "1", "-1", "1.0", "1e5", "1E5", "1e+05",
		"1e-05", "-1.5e-17", "2.5e+20", "9007199254740993", "123456789012345678", "1234567890123456789",
		"0.1234567890123456789", "12345678901234567890123", "4.9e-324", "2.2250738585072014E-308",
		"2.2250738585072011e-308", "1.7976931348623157e308", "1e-400", "1e400", "0.000000000000000000001", "00.5", "01",
		"1.", ".5", "-", "1e", "1e+", "+1", "1.5e0000003", "1.5e00003", "123.45678901234567", "-0.12345678901234567",
		"0.30000000000000004", "9.999999999999999e22", "1e23", "8.98846567431158e307", "5e-324", "1.0e-10",
		"0.00015", "10000000.0", "1e+16", "99999999", "0.99999999999999999", "7.0000000000000001" };

	/** Parses one line both ways; returns whether the fast path took it. */
	private static boolean crossCheck(final String line) {
		final byte[] b = (line + "\n").getBytes(StandardCharsets.UTF_8);
		final PointTable fast = new PointTable(), general = new PointTable();
		final int end = new PortalLineFastPath().parse(b, 0, b.length, false, fast);
		if (end < 0) {
			assertEquals(0, fast.size(), line);
			return false;
		}
		assertEquals(b.length - 1, end, line);
		try {
			new PointLineParser().parse(b, 0, end, general);
		}
		catch (final PointLineParser.LineException e) {
			fail("the fast path took a line the general parser refuses (" + e.getMessage() + "): " + line);
		}
		assertSamePoint(general, fast, 0, line);
		return true;
	}

	private static void assertSamePoint(final PointTable expected, final PointTable actual, final int i, final String what) {
		assertEquals(expected.kind(i), actual.kind(i), what);
		assertEquals(bits(expected.x(i)), bits(actual.x(i)), what);
		assertEquals(bits(expected.y(i)), bits(actual.y(i)), what);
		assertEquals(bits(expected.z(i)), bits(actual.z(i)), what);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				assertEquals(bits(expected.matrix(i, r, c)), bits(actual.matrix(i, r, c)), what);
		assertEquals(expected.instanceId(i), actual.instanceId(i), what);
		assertEquals(expected.extra(i), actual.extra(i), what);
		assertEquals(expected.integerMask(i), actual.integerMask(i), what);
	}

	private static long bits(final double v) {
		return Double.doubleToRawLongBits(v);
	}

	private static String line(final String type, final String[] n, final String tail) {
		final StringBuilder sb = new StringBuilder("{\"type\": \"").append(type).append("\", \"location\": {\"x\": ")
			.append(n[0]).append(", \"y\": ").append(n[1]).append(", \"z\": ").append(n[2]).append('}');
		if (type.equals("orientedPoint")) {
			sb.append(", \"xyz_rotation_matrix\": [");
			for (int r = 0; r < 3; r++)
				sb.append(r == 0 ? "[" : ", [").append(n[3 + 3 * r]).append(", ").append(n[4 + 3 * r]).append(", ").append(
					n[5 + 3 * r]).append(']');
			sb.append(']');
		}
		else if (type.equals("instancePoint")) sb.append(", \"instance_id\": ").append(n[3]);
		return sb.append(tail).append('}').toString();
	}

	private static String randomNumber(final Random r) {
		switch (r.nextInt(9)) {
			case 0: return Double.toString(r.nextDouble() * 2000 - 1000);
			case 1: return Integer.toString(r.nextInt(2_000_001) - 1_000_000);
			case 2: {
				final double v = Double.longBitsToDouble(r.nextLong());
				return Double.isFinite(v) ? Double.toString(v) : "1.0";
			}
			case 3: return Double.toString(Double.longBitsToDouble(r.nextLong() & 0x000FFFFFFFFFFFFFL)); // subnormal
			case 4: return String.format(Locale.ROOT, "%." + r.nextInt(25) + "e", r.nextGaussian() * Math.pow(10, r.nextInt(
				80) - 40));
			case 5: return EDGE_NUMBERS[r.nextInt(EDGE_NUMBERS.length)];
			case 6: {
				final StringBuilder d = new StringBuilder(r.nextBoolean() ? "-" : "").append(1 + r.nextInt(9));
				for (int k = r.nextInt(24); k > 0; k--)
					d.append(r.nextInt(10));
				if (r.nextBoolean()) d.insert(d.length() - (d.length() > 2 ? 1 : 0), '.');
				return d.toString();
			}
			case 7: {
				final StringBuilder sb = new StringBuilder();
				NdjsonPointWriter.number(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20), false, sb);
				return sb.toString();
			}
			default: return "0.000" + r.nextInt(1_000_000);
		}
	}

	@Test
	void everyNumberFormMatchesTheGeneralParserAndTheJdk() {
		final Random r = new Random(3);
		int taken = 0;
		for (int i = 0; i < 60_000; i++) {
			final String[] n = new String[12];
			for (int k = 0; k < 12; k++)
				n[k] = randomNumber(r);
			// numbers in the location (a matrix must be a rotation, so random numbers cannot stand there)
			final String line = line("point", n, "");
			if (crossCheck(line)) {
				taken++;
				// and each number is what the JDK reads from the same text
				final PointTable t = new PointTable();
				final byte[] b = line.getBytes(StandardCharsets.UTF_8);
				new PortalLineFastPath().parse(b, 0, b.length, true, t);
				assertEquals(bits(Double.parseDouble(n[0])), bits(t.x(0)), n[0]);
				assertEquals(bits(Double.parseDouble(n[2])), bits(t.z(0)), n[2]);
			}
		}
		assertTrue(taken > 1_500, "the fast path took " + taken);
		for (final String e : EDGE_NUMBERS)
			crossCheck(line("point", new String[] { e, e, e }, ""));
	}

	/** A random rotation, from a random unit quaternion. */
	static void rotation(final Random r, final double[] m) {
		double w = r.nextGaussian(), x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
		final double n = Math.sqrt(w * w + x * x + y * y + z * z);
		w /= n;
		x /= n;
		y /= n;
		z /= n;
		m[0] = 1 - 2 * (y * y + z * z);
		m[1] = 2 * (x * y - w * z);
		m[2] = 2 * (x * z + w * y);
		m[3] = 2 * (x * y + w * z);
		m[4] = 1 - 2 * (x * x + z * z);
		m[5] = 2 * (y * z - w * x);
		m[6] = 2 * (x * z - w * y);
		m[7] = 2 * (y * z + w * x);
		m[8] = 1 - 2 * (x * x + y * y);
	}

	/** An axis permutation with signs and determinant +1: a rotation of integers. */
	static void signedPermutation(final Random r, final double[] m) {
		final int[][] perms = { { 0, 1, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 0, 2, 1 }, { 2, 1, 0 }, { 1, 0, 2 } };
		final int p = r.nextInt(6);
		java.util.Arrays.fill(m, 0);
		int negatives = p < 3 ? 0 : 1; // odd permutations need an odd number of minus signs
		for (int row = 0; row < 3; row++) {
			final boolean minus = row < 2 ? r.nextBoolean() : negatives % 2 == 1;
			if (minus && row < 2) negatives++;
			m[row * 3 + perms[p][row]] = minus ? -1 : 1;
		}
	}

	@Test
	void linesAsThePortalWritesThemAllTakeTheFastPath() throws IOException {
		final Random r = new Random(5);
		final PointTable t = new PointTable();
		final double[] m = new double[9];
		for (int i = 0; i < 30_000; i++) {
			// rotations as the portal writes them: exact axis permutations (integers) or full-precision ones
			final boolean integral = r.nextInt(4) == 0;
			if (integral) signedPermutation(r, m);
			else rotation(r, m);
			final PointKind kind = PointKind.values()[i % 3];
			final int mask = r.nextInt(4) == 0 ? r.nextInt(1 << 3) | (integral ? r.nextInt(1 << 9) << PointTable
				.MATRIX_INT_SHIFT : 0) : 0;
			t.add(kind, r.nextDouble() * 1000, r.nextInt(500), r.nextGaussian() * 1e-6, m, r.nextInt(1000), null, mask);
		}
		for (int i = 0; i < t.size(); i++) {
			final StringBuilder sb = new StringBuilder();
			NdjsonPointWriter.line(t, i, sb);
			assertTrue(crossCheck(sb.toString()), sb::toString);
		}
	}

	@Test
	void otherShapesAreLeftToTheGeneralParser() {
		final String[] n = { "1.5", "2", "3.25", "1", "0", "0", "0", "1", "0", "0", "0", "1" };
		final String[] declined = { line("point", n, ", \"score\": 1"), line("point", n, " "),
			line("instancePoint", new String[] { "1", "2", "3", "1.5" }, ""),
			line("instancePoint", new String[] { "1", "2", "3", "12345678901234567" }, ""),
			line("point", n, "").replace("\"x\": 1.5, ", "\"x\": 1.5 , "), line("po\\u0069nt", n, ""),
			line("point", n, "").replace("}}", "} }"), line("dot", n, ""), line("point", n, "").replace("x", "X"),
			"{\"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"type\": \"point\"}" };
		for (final String d : declined)
			assertTrue(!crossCheck(d), d);
		// a line ending in \r\n, or unfinished in the buffer, is declined too
		final byte[] crlf = (line("point", n, "") + "\r\n").getBytes(StandardCharsets.US_ASCII);
		assertEquals(-1, new PortalLineFastPath().parse(crlf, 0, crlf.length, true, new PointTable()));
		final byte[] whole = line("point", n, "").getBytes(StandardCharsets.US_ASCII);
		assertEquals(-1, new PortalLineFastPath().parse(whole, 0, whole.length, false, new PointTable()));
		assertEquals(whole.length, new PortalLineFastPath().parse(whole, 0, whole.length, true, new PointTable()));
		assertEquals(-1, new PortalLineFastPath().parse(whole, 0, whole.length - 1, true, new PointTable()));
	}

	@Test
	void mutatedLinesNeverGetThroughDifferently() {
		final Random r = new Random(11);
		final String alphabet = "0123456789-+.eE,:[]{}\" \t\\xyz";
		for (int i = 0; i < 30_000; i++) {
			final String[] n = new String[12];
			for (int k = 0; k < 12; k++)
				n[k] = randomNumber(r);
			final StringBuilder s = new StringBuilder(line(new String[] { "point", "orientedPoint", "instancePoint" }[i % 3],
				i % 3 == 2 ? new String[] { n[0], n[1], n[2], Integer.toString(r.nextInt(99)) } : n, ""));
			for (int k = 1 + r.nextInt(3); k > 0; k--) {
				final int at = r.nextInt(s.length());
				switch (r.nextInt(3)) {
					case 0: s.deleteCharAt(at); break;
					case 1: s.insert(at, alphabet.charAt(r.nextInt(alphabet.length()))); break;
					default: s.setCharAt(at, alphabet.charAt(r.nextInt(alphabet.length())));
				}
			}
			crossCheck(s.toString());
		}
	}

	@Test
	void theReaderGivesWhatTheGeneralParserGivesLineByLine() throws IOException {
		// portal lines, other shapes and bad lines mixed, across many buffer boundaries
		final Random r = new Random(13);
		final List<String> lines = new ArrayList<>();
		final StringBuilder text = new StringBuilder();
		for (int i = 0; i < 40_000; i++) {
			final String[] n = new String[12];
			for (int k = 0; k < 12; k++)
				n[k] = r.nextInt(10) == 0 ? randomNumber(r) : Double.toString(r.nextDouble());
			String l = line(i % 5 == 0 ? "point" : "orientedPoint", n, i % 7 == 0 ? ", \"score\": [1, {\"a\": null}]" : "");
			if (i % 101 == 0) l = l.replace(", ", ",");
			if (i % 997 == 0) l = "not json";
			if (i % 1009 == 0) l = "  ";
			if (i % 499 == 0) l += "\r";
			lines.add(l);
			text.append(l).append('\n');
		}
		final NdjsonPointReader.Result read = new NdjsonPointReader().skipBadLines(true).read(new ByteArrayInputStream(text
			.toString().getBytes(StandardCharsets.UTF_8)), "mixed.ndjson");
		final PointTable expected = new PointTable();
		final PointLineParser general = new PointLineParser();
		int bad = 0;
		String firstBad = null;
		for (int i = 0; i < lines.size(); i++) {
			final byte[] b = lines.get(i).getBytes(StandardCharsets.UTF_8);
			if (lines.get(i).isBlank()) continue;
			try {
				general.parse(b, 0, b.length, expected);
			}
			catch (final PointLineParser.LineException e) {
				if (bad++ == 0) firstBad = "line " + (i + 1) + ": " + e.getMessage();
			}
		}
		assertTrue(bad > 10);
		assertEquals(bad, read.skippedLines);
		assertEquals(firstBad, read.firstProblem);
		assertEquals(expected.size(), read.points.size());
		for (int i = 0; i < expected.size(); i++)
			assertSamePoint(expected, read.points, i, "point " + i);
	}
}

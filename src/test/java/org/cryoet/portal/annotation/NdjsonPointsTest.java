package org.cryoet.portal.annotation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.format.FormatException;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.OwnPortalTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ndjson points: the portal's own files read and written back byte for byte, and every bad line refused by number. */
class NdjsonPointsTest {

	@TempDir
	Path tmp;

	private static PointTable read(final String text) throws IOException {
		return new NdjsonPointReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.ndjson")
			.points;
	}

	private static String write(final PointTable t) throws IOException {
		final ByteArrayOutputStream o = new ByteArrayOutputStream();
		NdjsonPointWriter.write(t, o);
		return o.toString(StandardCharsets.UTF_8);
	}

	@Test
	void fixtureFilesComeBackByteForByte() throws IOException {
		final List<Path> files;
		try (Stream<Path> s = Files.walk(Fixtures.fixtures())) {
			files = s.filter(p -> p.toString().endsWith(".ndjson")).collect(Collectors.toList());
		}
		assertEquals(6, files.size(), files::toString);
		for (final Path f : files) {
			final PointTable t = new NdjsonPointReader().read(f).points;
			assertTrue(t.size() > 0);
			assertEquals(new String(Files.readAllBytes(f), StandardCharsets.UTF_8), write(t), f::toString);
		}
	}

	@Test
	void ownTreeFilesComeBackByteForByte() throws IOException {
		final Path ds = OwnPortalTree.write(tmp, false);
		try (Stream<Path> s = Files.walk(ds)) {
			for (final Path f : s.filter(p -> p.toString().endsWith(".ndjson")).collect(Collectors.toList()))
				assertEquals(new String(Files.readAllBytes(f), StandardCharsets.UTF_8), write(new NdjsonPointReader().read(f)
					.points), f::toString);
		}
	}

	@Test
	void portalLinesFromFactsParseExactly() throws IOException {
		final String text = "{\"type\": \"point\", \"location\": {\"x\": 42.317595190380764, \"y\": 335.8280160320641, \"z\": 296.99470941883766}}\n" +
			"{\"type\": \"orientedPoint\", \"location\": {\"x\": 575.253403290957, \"y\": 1234.6791395290581, \"z\": 329.23519157455536}, \"xyz_rotation_matrix\": [[0.9880684018135071, -0.1391974240541458, -0.06591559946537018], [0.1276402324438095, 0.9795830845832825, -0.1553221046924591], [0.08619024604558945, 0.1450553834438324, 0.9856622815132141]]}\n" +
			"{\"type\": \"instancePoint\", \"location\": {\"x\": 2, \"y\": 4, \"z\": 6}, \"instance_id\": 0}\n";
		final PointTable t = read(text);
		assertEquals(3, t.size());
		assertEquals(PointKind.POINT, t.kind(0));
		assertEquals(42.317595190380764, t.x(0));
		assertEquals(296.99470941883766, t.z(0));
		assertEquals(PointKind.ORIENTED_POINT, t.kind(1));
		assertEquals(-0.1553221046924591, t.matrix(1, 1, 2));
		assertEquals(0.08619024604558945, t.matrix(1, 2, 0));
		assertEquals(PointKind.INSTANCE_POINT, t.kind(2));
		assertEquals(0, t.instanceId(2));
		assertEquals(6.0, t.z(2));
		// written back as they came, without the blank last line
		assertEquals(text.substring(0, text.length() - 1), write(t));
	}

	@Test
	void otherKeysAreKeptAndWrittenBack() throws IOException {
		final String line = "{\"type\": \"point\", \"location\": {\"x\": 1.5, \"y\": 2.0, \"z\": 3.0}, \"score\": 0.75, " +
			"\"tags\": [\"a\", {\"b\": null}], \"note\": \"caf\u00e9 \\\"x\\\"\"}";
		final PointTable t = read(line);
		assertEquals("\"score\": 0.75, \"tags\": [\"a\", {\"b\": null}], \"note\": \"caf\u00e9 \\\"x\\\"\"", t.extra(0));
		assertEquals(line, write(t));
		// keys in another order come back in the portal's order, other keys after them
		final PointTable u = read("{\"instance_id\": 7, \"location\": {\"z\": 3, \"y\": 2, \"x\": 1}, \"type\": \"instancePoint\", \"w\": 1}");
		assertEquals("{\"type\": \"instancePoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"instance_id\": 7, \"w\": 1}", write(u));
		// a matrix on a plain point is not the point's orientation, but it is kept
		final PointTable v = read("{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"xyz_rotation_matrix\": [[1,0,0],[0,1,0],[0,0,1]]}");
		assertEquals(PointKind.POINT, v.kind(0));
		assertEquals("\"xyz_rotation_matrix\": [[1,0,0],[0,1,0],[0,0,1]]", v.extra(0));
	}

	@Test
	void aMalformedLineIsAnErrorNamingFileAndLine() {
		final String good = "{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}}\n";
		final String[][] bad = { { "{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2}}", "lacks z" },
			{ "{\"type\": \"dot\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}}", "unknown type \"dot\"" },
			{ "{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}", "expected ',' or '}'" },
			{ "{\"type\": \"orientedPoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}}", "needs \"xyz_rotation_matrix\"" },
			{ "{\"type\": \"orientedPoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"xyz_rotation_matrix\": [[1, 0], [0, 1]]}", "3 rows of 3" },
			{ "{\"type\": \"instancePoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"instance_id\": 1.5}", "must be a non-negative integer" },
			{ "{\"type\": \"instancePoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"instance_id\": -4}", "must be a non-negative integer, found -4" },
			{ "{\"type\": \"orientedPoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"xyz_rotation_matrix\": [[2, 0, 0], [0, 2, 0], [0, 0, 2]]}", "is not a rotation: its columns are not orthonormal" },
			{ "{\"type\": \"orientedPoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"xyz_rotation_matrix\": [[-1, 0, 0], [0, 1, 0], [0, 0, 1]]}", "its determinant is -1.0" },
			{ "{\"type\": \"point\", \"location\": {\"x\": \"1\", \"y\": 2, \"z\": 3}}", "location.x: expected a number" },
			{ "{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}} x", "text after the end" },
			{ "[1, 2, 3]", "expected '{'" }, { "{\"location\": {\"x\": 1, \"y\": 2, \"z\": 3}}", "no \"type\"" } };
		for (final String[] b : bad) {
			final FormatException e = assertThrows(FormatException.class, () -> read(good + good + b[0] + "\n" + good));
			assertTrue(e.getMessage().startsWith("t.ndjson: line 3: "), e.getMessage());
			assertTrue(e.getMessage().contains(b[1]), e.getMessage());
		}
	}

	@Test
	void badLinesCanBeSkippedAndCounted() throws IOException {
		final String good = "{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}}";
		final NdjsonPointReader.Result r = new NdjsonPointReader().skipBadLines(true).read(new ByteArrayInputStream(
			(good + "\nnot json\n" + good + "\r\n\n{}\n" + good + "\n\n").getBytes(StandardCharsets.UTF_8)), "t");
		assertEquals(3, r.points.size());
		assertEquals(2, r.skippedLines);
		assertTrue(r.firstProblem.startsWith("line 2: "), r.firstProblem);
	}

	@Test
	void linesAreBoundedAndStreamedAcrossBuffers() throws IOException {
		final StringBuilder sb = new StringBuilder();
		final int n = 20000;
		for (int i = 0; i < n; i++)
			sb.append("{\"type\": \"instancePoint\", \"location\": {\"x\": ").append(i).append(".25, \"y\": 1.5, \"z\": 2.5}, " +
				"\"instance_id\": ").append(i % 13).append("}\n");
		final PointTable t = read(sb.toString());
		assertEquals(n, t.size());
		for (int i = 0; i < n; i += 997) {
			assertEquals(i + 0.25, t.x(i));
			assertEquals(i % 13, t.instanceId(i));
		}
		final String longLine = "{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"pad\": \"" + "x"
			.repeat(200_000) + "\"}\n";
		final FormatException e = assertThrows(FormatException.class, () -> new NdjsonPointReader().maxLineBytes(100_000)
			.read(new ByteArrayInputStream((sb + longLine).getBytes(StandardCharsets.UTF_8)), "big.ndjson"));
		assertEquals("big.ndjson: line " + (n + 1) + ": line longer than 100000 bytes (not an ndjson point file?)", e
			.getMessage());
		assertEquals(n + 1, new NdjsonPointReader().read(new ByteArrayInputStream((sb + longLine).getBytes(
			StandardCharsets.UTF_8)), "big.ndjson").points.size());
	}

	@Test
	void numbersParseExactlyAsTheJdkParsesThem() throws IOException {
		final Random r = new Random(7);
		final StringBuilder sb = new StringBuilder();
		final double[] expected = new double[3 * 3000];
		for (int i = 0; i < expected.length; i++) {
			final String s;
			switch (i % 6) {
				case 0: s = Double.toString(r.nextDouble() * 2000 - 1000); break;
				case 1: s = Integer.toString(r.nextInt(100000) - 50000); break;
				case 2: s = String.format(Locale.ROOT, "%.6f", r.nextGaussian() * 300); break;
				case 3: s = String.format(Locale.ROOT, "%.3e", r.nextGaussian() * 1e-12); break;
				case 4: s = String.format(Locale.ROOT, "%.17g", r.nextGaussian() * 1e30).trim(); break;
				default: s = "0.000" + r.nextInt(1_000_000); break;
			}
			expected[i] = Double.parseDouble(s);
			if (i % 3 == 0) sb.append("{\"type\": \"point\", \"location\": {\"x\": ").append(s);
			else sb.append(i % 3 == 1 ? ", \"y\": " : ", \"z\": ").append(s).append(i % 3 == 2 ? "}}\n" : "");
		}
		final PointTable t = read(sb.toString());
		for (int i = 0; i < t.size(); i++)
			assertArrayEquals(new double[] { expected[3 * i], expected[3 * i + 1], expected[3 * i + 2] }, new double[] { t
				.x(i), t.y(i), t.z(i) }, 0.0, "line " + (i + 1));
	}

	@Test
	void numbersAreWrittenAsPythonWritesThem() {
		final Object[][] cases = { { 1.0, "1.0" }, { 1e-5, "1e-05" }, { 1.5e-17, "1.5e-17" }, { 1.5e-4, "0.00015" },
			{ 1e7, "10000000.0" }, { 1e16, "1e+16" }, { -0.0, "-0.0" }, { 123.456, "123.456" }, { 2.5e20, "2.5e+20" } };
		for (final Object[] c : cases) {
			final StringBuilder sb = new StringBuilder();
			NdjsonPointWriter.number((Double) c[0], false, sb);
			assertEquals(c[1], sb.toString());
		}
	}

	@Test
	void writingIsAtomicAndNeverOverwritesUnasked() throws IOException {
		final PointTable t = read("{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}}");
		final Path f = tmp.resolve("a_point.ndjson");
		NdjsonPointWriter.write(t, f, false);
		assertThrows(IOException.class, () -> NdjsonPointWriter.write(t, f, false));
		NdjsonPointWriter.write(t, f, true);
		try (Stream<Path> s = Files.list(tmp)) {
			assertEquals(1, s.count(), "no temporary file left");
		}
		assertFalse(new String(Files.readAllBytes(f), StandardCharsets.UTF_8).endsWith("\n"));
	}
}

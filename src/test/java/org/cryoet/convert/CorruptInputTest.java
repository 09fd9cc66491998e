package org.cryoet.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.cryoet.cli.LauncherHarness;
import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged inputs: one line naming the file or chunk, non-zero exit, and nothing left at the output path. */
class CorruptInputTest {

	@TempDir
	static Path sample;

	@TempDir
	Path tmp;

	@BeforeAll
	static void writeSample() throws Exception {
		SampleData.ensure(sample);
	}

	static Stream<Arguments> damage() {
		return Stream.of(Arguments.of("truncated chunk", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length / 2),
			"truncated"), Arguments.of("header claims more bytes", (UnaryOperator<byte[]>) b -> {
				final byte[] c = b.clone();
				ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(12, b.length + 100);
				return c;
			}, "claims"), Arguments.of("wrong decompressed size", (UnaryOperator<byte[]>) b -> {
				final byte[] c = b.clone();
				ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 1000);
				return c;
			}, "expected"), Arguments.of("garbage in a block", (UnaryOperator<byte[]>) b -> {
				final byte[] c = b.clone();
				for (int i = 200; i < c.length; i += 7)
					c[i] = (byte) 0xff;
				return c;
			}, "chunk"), Arguments.of("empty file", (UnaryOperator<byte[]>) b -> new byte[0], "shorter"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("damage")
	void damagedChunkIsAnErrorNamingTheChunk(final String what, final UnaryOperator<byte[]> harm, final String words)
		throws Exception
	{
		final Path zarr = copyOfSample();
		final Path chunk = zarr.resolve("0/0/0/0");
		Files.write(chunk, harm.apply(Files.readAllBytes(chunk)));
		for (final String ext : new String[] { ".mrc", ".zarr", ".tif" }) {
			final Path out = tmp.resolve("out" + ext);
			final LauncherHarness r = LauncherHarness.convert(zarr.toString(), 0, out.toString());
			assertEquals(1, r.code, r::toString);
			assertEquals(1, r.err.lines().count(), r::toString);
			assertTrue(r.err.contains(chunk.toString()), r::toString);
			assertTrue(r.err.contains(words), r::toString);
			assertFalse(Files.exists(out), "no output is left behind");
			try (Stream<Path> left = Files.list(tmp)) {
				assertEquals(1, left.count(), "no temporary file is left behind"); // the sample copy only
			}
		}
	}

	@Test
	void badMrcFilesGiveOneLine() throws Exception {
		final Path mrc = tmp.resolve("bad.mrc");
		final byte[] good = Files.readAllBytes(sample.resolve(SampleData.MRC));
		final Object[][] cases = { { Arrays.copyOf(good, good.length - 10), "truncated MRC file" }, { mode(good, 3),
			"mode 3 (complex) is not supported" }, { mode(good, 101), "mode 101 is not supported" }, { new byte[100],
				"shorter than an MRC header" } };
		for (final Object[] c : cases) {
			Files.write(mrc, (byte[]) c[0]);
			final LauncherHarness r = LauncherHarness.convert(mrc.toString(), 0, tmp.resolve("o.zarr").toString());
			assertEquals(1, r.code, r::toString);
			assertEquals(1, r.err.lines().count(), r::toString);
			assertTrue(r.err.contains(mrc.toString()) && r.err.contains((String) c[1]), r::toString);
			assertFalse(Files.exists(tmp.resolve("o.zarr")));
		}
	}

	@Test
	void notAnImageFolder() throws Exception {
		final Path dir = Files.createDirectories(tmp.resolve("plain"));
		final LauncherHarness r = LauncherHarness.convert(dir.toString(), 0, tmp.resolve("o.mrc").toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("not an OME-Zarr group or Zarr array"), r::toString);
		Files.write(dir.resolve(".zgroup"), "{\"zarr_format\": 2}".getBytes());
		Files.write(dir.resolve(".zattrs"), "{}".getBytes());
		final LauncherHarness r2 = LauncherHarness.convert(dir.toString(), 0, tmp.resolve("o.mrc").toString());
		assertTrue(r2.err.contains("not an OME-Zarr image"), r2::toString);
		Files.write(dir.resolve(".zattrs"), "{\"multiscales\": [".getBytes());
		final LauncherHarness r3 = LauncherHarness.convert(dir.toString(), 0, tmp.resolve("o.mrc").toString());
		assertTrue(r3.err.contains(".zattrs") && r3.err.contains("malformed JSON") && r3.err.contains("cut short"), r3::toString);
	}

	private static byte[] mode(final byte[] header, final int mode) {
		final byte[] c = header.clone();
		ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(12, mode);
		return c;
	}

	private Path copyOfSample() throws Exception {
		final Path src = sample.resolve(SampleData.ZARR);
		final Path dst = tmp.resolve("copy.zarr");
		try (Stream<Path> all = Files.walk(src)) {
			for (final Path p : (Iterable<Path>) all::iterator)
				Files.copy(p, dst.resolve(src.relativize(p).toString()));
		}
		return dst;
	}
}

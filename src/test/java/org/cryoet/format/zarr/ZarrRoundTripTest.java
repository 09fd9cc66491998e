package org.cryoet.format.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.format.codec.BloscCodec;
import org.cryoet.format.codec.Codec;
import org.cryoet.format.codec.GzipCodec;
import org.cryoet.format.codec.RawCodec;
import org.cryoet.format.codec.ZlibCodec;
import org.cryoet.format.codec.ZstdCodec;
import org.cryoet.image.BoxCopy;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.VolumeReader;
import org.cryoet.image.ZarrVolume;
import org.cryoet.store.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every dtype, byte order, chunk order and codec through our writer and back through our reader. */
class ZarrRoundTripTest {

	@TempDir
	Path tmp;

	static Stream<Arguments> cases() {
		final List<Arguments> out = new ArrayList<>();
		final Codec[] codecs = { new RawCodec(), new ZlibCodec(5), new GzipCodec(5), new ZstdCodec(3), new BloscCodec(
			BloscCodec.Cname.LZ4, 5, 1), new BloscCodec(BloscCodec.Cname.ZSTD, 5, 2), new BloscCodec(
				BloscCodec.Cname.BLOSCLZ, 5, 1), new BloscCodec(BloscCodec.Cname.ZLIB, 5, 0), new BloscCodec(
					BloscCodec.Cname.LZ4HC, 9, 1) };
		for (final DataType t : DataType.values())
			for (final ByteOrder bo : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN })
				for (final boolean fortran : new boolean[] { false, true })
					for (final Codec c : codecs)
						if (t.bytes() > 1 || bo == ByteOrder.LITTLE_ENDIAN) out.add(Arguments.of(t, bo, fortran, c));
		return out.stream();
	}

	@ParameterizedTest(name = "{0} {1} fortran={2} {3}")
	@MethodSource("cases")
	void roundTrip(final DataType t, final ByteOrder order, final boolean fortran, final Codec codec) throws Exception {
		final long[] shape = { 7, 10, 13 };
		final int[] chunks = { 4, 8, 5 };
		final ZarrArrayMetadata meta = new ZarrArrayMetadata(shape, chunks, new ZarrDtype(t, order), fortran, 0, codec, "/");
		final FileStore store = new FileStore(tmp.resolve("a.zarr"));
		final ZarrArray a = ZarrArray.create(store, "", meta);
		final int[] full = { 7, 10, 13 };
		final Object data = values(t, BoxCopy.elements(full), 42);
		final long[] g = meta.gridShape();
		for (long z = 0; z < g[0]; z++)
			for (long y = 0; y < g[1]; y++)
				for (long x = 0; x < g[2]; x++) {
					final Object c = t.allocate(meta.chunkElements());
					final int[] pos = { (int) z * chunks[0], (int) y * chunks[1], (int) x * chunks[2] };
					final int[] box = new int[3];
					for (int d = 0; d < 3; d++)
						box[d] = Math.min(chunks[d], full[d] - pos[d]);
					BoxCopy.copy(data, full, pos, c, chunks, new int[3], box);
					a.writeChunk(new long[] { z, y, x }, c);
				}
		final ZarrArray back = ZarrArray.open(store, "");
		assertEquals(ZarrDtype.format(t, order), back.metadata().dtype.toString());
		final Object read = VolumeReader.readAll(new ZarrVolume(back, new ChunkCache(1 << 20)), 2);
		assertArrayEqualsAny(data, read);
		assertArrayEqualsAny(data, VolumeReader.readAll(new ZarrVolume(back, new ChunkCache(0)), 2));
	}

	@Test
	void missingChunksTakeTheFillValue() throws Exception {
		for (final String fill : new String[] { "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "-1.5", "null" }) {
			final Path dir = Files.createDirectories(tmp.resolve("fill" + fill.hashCode()));
			Files.write(dir.resolve(".zarray"), ("{\"zarr_format\": 2, \"shape\": [3, 4], \"chunks\": [2, 2], " +
				"\"dtype\": \"<f4\", \"compressor\": null, \"fill_value\": " + fill + ", \"order\": \"C\", " +
				"\"filters\": null}").getBytes(StandardCharsets.UTF_8));
			final float[] v = (float[]) VolumeReader.readAll(new ZarrVolume(ZarrArray.open(new FileStore(dir), ""),
				new ChunkCache(1 << 20)), 1);
			final float expected = fill.equals("null") ? 0 : fill.contains("-I") ? Float.NEGATIVE_INFINITY : fill.contains(
				"I") ? Float.POSITIVE_INFINITY : fill.contains("N") ? Float.NaN : -1.5f;
			for (final float f : v)
				assertEquals(expected, f, 0);
		}
	}

	@Test
	void dotSeparatorIsTheDefaultAndChunksMayBeLargerThanTheArray() throws Exception {
		final Path dir = Files.createDirectories(tmp.resolve("dot"));
		Files.write(dir.resolve(".zarray"), ("{\"zarr_format\": 2, \"shape\": [2, 3], \"chunks\": [256, 256], " +
			"\"dtype\": \"<i2\", \"compressor\": {\"id\": \"zlib\", \"level\": 1}, \"fill_value\": 0, \"order\": \"C\", " +
			"\"filters\": null}").getBytes(StandardCharsets.UTF_8));
		final ZarrArray a = ZarrArray.open(new FileStore(dir), "");
		assertEquals("0.0", a.chunkKey(new long[] { 0, 0 }));
		final short[] chunk = new short[256 * 256];
		chunk[0] = 1;
		chunk[1] = 2;
		chunk[256 + 2] = 3;
		a.writeChunk(new long[] { 0, 0 }, chunk);
		assertTrue(Files.exists(dir.resolve("0.0")));
		final short[] v = (short[]) VolumeReader.readAll(new ZarrVolume(a, new ChunkCache(1 << 20)), 1);
		assertArrayEquals(new short[] { 1, 2, 0, 0, 0, 3 }, v);
	}

	@Test
	void unsupportedArraysAreRejectedNotMisread() throws Exception {
		final String[][] bad = { { "\"<c8\"", "dtype \"<c8\" is not supported" }, { "\"|O\"",
			"is not a simple numeric Zarr dtype" }, { "[[\"a\", \"<f4\"]]", "structured dtypes" }, { "\"<i8\"",
				"dtype \"<i8\" is not supported" } };
		for (final String[] b : bad) {
			final Path dir = Files.createDirectories(tmp.resolve("bad" + Math.abs(b[0].hashCode())));
			Files.write(dir.resolve(".zarray"), ("{\"zarr_format\": 2, \"shape\": [2], \"chunks\": [2], \"dtype\": " + b[0] +
				", \"compressor\": null, \"fill_value\": 0, \"order\": \"C\", \"filters\": null}").getBytes(
					StandardCharsets.UTF_8));
			final FormatException e = assertThrows(FormatException.class, () -> ZarrArray.open(new FileStore(dir), ""));
			assertTrue(e.getMessage().contains(b[1]), e.getMessage());
			assertTrue(e.getMessage().contains(dir.resolve(".zarray").toString()), e.getMessage());
		}
		final Path f = Files.createDirectories(tmp.resolve("filters"));
		Files.write(f.resolve(".zarray"), ("{\"zarr_format\": 2, \"shape\": [2], \"chunks\": [2], \"dtype\": \"<f4\", " +
			"\"compressor\": {\"id\": \"lzma\"}, \"fill_value\": 0, \"order\": \"C\", \"filters\": [{\"id\": \"delta\"}]}")
				.getBytes(StandardCharsets.UTF_8));
		assertThrows(FormatException.class, () -> ZarrArray.open(new FileStore(f), ""));
	}

	static Object values(final DataType t, final int n, final long seed) {
		final Object a = t.allocate(n);
		final Random r = new Random(seed);
		for (int i = 0; i < n; i++) {
			final double v;
			switch (t) {
				case FLOAT16: v = (r.nextInt(4000) - 2000) / 8.0; break;
				case FLOAT32: case FLOAT64: v = r.nextGaussian() * 1000; break;
				default: v = t.min() + Math.floor(r.nextDouble() * (t.max() - t.min() + 1));
			}
			t.set(a, i, v);
		}
		return a;
	}

	static void assertArrayEqualsAny(final Object expected, final Object actual) {
		if (expected instanceof byte[]) assertArrayEquals((byte[]) expected, (byte[]) actual);
		else if (expected instanceof short[]) assertArrayEquals((short[]) expected, (short[]) actual);
		else if (expected instanceof int[]) assertArrayEquals((int[]) expected, (int[]) actual);
		else if (expected instanceof float[]) assertArrayEquals((float[]) expected, (float[]) actual);
		else assertArrayEquals((double[]) expected, (double[]) actual);
	}
}

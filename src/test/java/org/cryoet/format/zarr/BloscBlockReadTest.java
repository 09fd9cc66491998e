package org.cryoet.format.zarr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Random;

import org.cryoet.format.DataType;
import org.cryoet.format.codec.BloscCodec;
import org.cryoet.image.BoxCopy;
import org.cryoet.store.FileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Blosc chunks are converted block by block as they are decoded
 * ({@link BloscCodec#decodeBlocks}, {@link BoxRows}); the plain path (decode
 * the whole frame, convert it, copy the box) is the oracle, for every data
 * type and byte order, blocks that split rows, several decoding threads,
 * frames whose blocks are not element-aligned, and random boxes.
 */
class BloscBlockReadTest {

	@TempDir
	Path dir;

	private static final DataType[] TYPES = { DataType.UINT8, DataType.INT16, DataType.UINT16, DataType.INT32,
		DataType.UINT32, DataType.FLOAT16, DataType.FLOAT32, DataType.FLOAT64 };

	/** The plain path: the whole frame decoded, then converted. */
	private static Object oracle(final ZarrArray a, final byte[] stored) throws Exception {
		final ZarrArrayMetadata m = a.metadata();
		final int n = m.chunkElements();
		final byte[] raw = m.compressor.decode(stored, n * m.type().bytes());
		final Object out = m.type().allocate(n);
		m.type().fromBytes(raw, 0, m.byteOrder(), out, 0, n);
		return out;
	}

	private static byte[] randomBytes(final Random r, final int n, final boolean smooth) {
		final byte[] b = new byte[n];
		for (int i = 0; i < n; i++)
			b[i] = (byte) (smooth ? (i / 7) ^ (r.nextInt(4)) : r.nextInt());
		return b;
	}

	@Test
	void everyTypeOrderAndBlockSizeAgreesWithThePlainPath() throws Exception {
		final Random r = new Random(11);
		int arrays = 0, boxes = 0;
		for (final DataType t : TYPES)
			for (final ByteOrder order : new ByteOrder[] { ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN })
				for (final int[] chunk : new int[][] { { 9, 13, 37 }, { 4, 64 }, { 1000 } })
					for (final int blockSize : new int[] { 0, 128, 1000, 4096 })
						for (final int threads : new int[] { 1, 3 }) {
							final BloscCodec.Cname cname = BloscCodec.Cname.values()[r.nextInt(BloscCodec.Cname
								.values().length)];
							final BloscCodec codec = new BloscCodec(cname, 5, r.nextInt(3), blockSize, threads);
							final long[] shape = new long[chunk.length];
							for (int d = 0; d < chunk.length; d++)
								shape[d] = chunk[d] * 2L - 1;
							final ZarrArray a = ZarrArray.create(new FileStore(dir), "a" + arrays++, new ZarrArrayMetadata(
								shape, chunk, new ZarrDtype(t, order), false, 0, codec, "/"));
							final int n = a.metadata().chunkElements();
							final byte[] raw = randomBytes(r, n * t.bytes(), r.nextBoolean());
							final Object data = t.allocate(n);
							t.fromBytes(raw, 0, order, data, 0, n);
							final long[] grid = new long[chunk.length];
							a.writeChunk(grid, data);
							boxes += check(a, grid, r);
						}
		assertTrue(boxes > 1000, boxes + " boxes");
	}

	/** Compares readChunk and readChunkInto on random boxes with the oracle; returns how many boxes. */
	private int check(final ZarrArray a, final long[] grid, final Random r) throws Exception {
		final ZarrArrayMetadata m = a.metadata();
		final byte[] stored = a.store().get(a.chunkKey(grid));
		final Object expected = oracle(a, stored);
		assertArrayEqualsAny(expected, a.readChunk(grid), a.describe() + " whole chunk");
		final int nd = m.chunks.length;
		for (int k = 0; k < 12; k++) {
			final int[] pos = new int[nd], size = new int[nd], dstShape = new int[nd], dstPos = new int[nd];
			for (int d = 0; d < nd; d++) {
				pos[d] = r.nextInt(m.chunks[d]);
				size[d] = 1 + r.nextInt(m.chunks[d] - pos[d]);
				dstPos[d] = r.nextInt(3);
				dstShape[d] = dstPos[d] + size[d] + r.nextInt(3);
			}
			final int dstElements = BoxCopy.elements(dstShape);
			final Object want = m.type().allocate(dstElements), got = m.type().allocate(dstElements);
			BoxCopy.copy(expected, m.chunks, pos, want, dstShape, dstPos, size);
			a.readChunkInto(grid, pos, size, got, dstShape, dstPos);
			assertArrayEqualsAny(want, got, a.describe() + " box at " + java.util.Arrays.toString(pos) + " size " +
				java.util.Arrays.toString(size));
		}
		return 12;
	}

	/** A frame whose blocks do not hold whole elements (typesize 1, 1001-byte blocks of float32s) is converted whole. */
	@Test
	void blocksSplittingElementsAreConvertedWhole() throws Exception {
		final Random r = new Random(5);
		final BloscCodec codec = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, 1001, 2);
		final ZarrArray a = ZarrArray.create(new FileStore(dir), "odd", new ZarrArrayMetadata(new long[] { 20, 50 },
			new int[] { 20, 50 }, new ZarrDtype(DataType.FLOAT32, ByteOrder.LITTLE_ENDIAN), false, 0, codec, "/"));
		final byte[] raw = randomBytes(r, 20 * 50 * 4, true);
		final byte[] frame = codec.encode(raw, 1);
		assertEquals(1001, java.nio.ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN).getInt(8), "block size");
		a.store().put(a.chunkKey(new long[2]), frame);
		assertEquals(12, check(a, new long[2], r));
	}

	/** A local folder that may or may not offer positional reads, and counts how chunks are read. */
	private static final class CountingStore implements org.cryoet.store.Store {

		final FileStore files;
		final boolean positional;
		int whole, parts;
		/** The largest single read by position. */
		int largest;

		CountingStore(final FileStore files, final boolean positional) {
			this.files = files;
			this.positional = positional;
		}

		private boolean chunk(final String key) {
			return !key.substring(key.lastIndexOf('/') + 1).startsWith(".");
		}

		@Override
		public byte[] get(final String key) throws java.io.IOException {
			if (chunk(key)) whole++;
			return files.get(key);
		}

		@Override
		public java.nio.ByteBuffer get(final String key, final java.nio.ByteBuffer reuse) throws java.io.IOException {
			if (chunk(key)) whole++;
			return files.get(key, reuse);
		}

		@Override
		public org.cryoet.store.PositionalReader openPositional(final String key) throws java.io.IOException {
			if (!positional) return null;
			final org.cryoet.store.PositionalReader file = files.openPositional(key);
			if (file == null) return null;
			parts++;
			return new org.cryoet.store.PositionalReader() {

				@Override
				public long size() {
					return file.size();
				}

				@Override
				public void read(final long position, final byte[] dst, final int offset, final int length)
					throws java.io.IOException
				{
					largest = Math.max(largest, length);
					file.read(position, dst, offset, length);
				}

				@Override
				public void close() throws java.io.IOException {
					file.close();
				}
			};
		}

		@Override
		public byte[] getRange(final String key, final long offset, final int length) throws java.io.IOException {
			return files.getRange(key, offset, length);
		}

		@Override
		public long size(final String key) throws java.io.IOException {
			return files.size(key);
		}

		@Override
		public org.cryoet.store.Listing list(final String prefix, final String delimiter) throws java.io.IOException {
			return files.list(prefix, delimiter);
		}

		@Override
		public void put(final String key, final byte[] data) throws java.io.IOException {
			files.put(key, data);
		}

		@Override
		public String describe(final String key) {
			return files.describe(key);
		}
	}

	/**
	 * Local chunks are read a Blosc block at a time, never whole (the
	 * frame's stored bytes are not held in memory); a store without
	 * positional reads (remote) reads them whole, to the same values.
	 */
	@Test
	void localChunksAreReadByPartsAndRemoteOnesWhole() throws Exception {
		final Random r = new Random(6);
		final ZarrArrayMetadata meta = new ZarrArrayMetadata(new long[] { 64, 64, 64 }, new int[] { 32, 32, 32 },
			new ZarrDtype(DataType.FLOAT32, ByteOrder.LITTLE_ENDIAN), false, 0, new BloscCodec(BloscCodec.Cname.LZ4, 5, 1,
				16 << 10, 1), "/");
		final FileStore files = new FileStore(dir);
		final ZarrArray written = ZarrArray.create(files, "t", meta);
		final float[] chunk = new float[32 * 32 * 32];
		for (int i = 0; i < chunk.length; i++)
			chunk[i] = (float) (Math.sin(i / 50.0) + r.nextGaussian());
		written.writeChunk(new long[] { 1, 0, 1 }, chunk);
		final float[] box = new float[32 * 32 * 5];
		for (final boolean positional : new boolean[] { true, false }) {
			final CountingStore store = new CountingStore(files, positional);
			final ZarrArray a = ZarrArray.open(store, "t");
			assertEquals(java.util.Arrays.toString(chunk), java.util.Arrays.toString((float[]) a.readChunk(new long[] { 1,
				0, 1 })));
			a.readChunkInto(new long[] { 1, 0, 1 }, new int[] { 10, 0, 0 }, new int[] { 5, 32, 32 }, box, new int[] { 5,
				32, 32 }, new int[3]);
			assertEquals(java.util.Arrays.toString(java.util.Arrays.copyOfRange(chunk, 10 * 32 * 32, 15 * 32 * 32)),
				java.util.Arrays.toString(box));
			// a missing chunk is the fill value either way
			for (final float f : (float[]) a.readChunk(new long[] { 0, 0, 0 }))
				assertEquals(0f, f);
			// (where no file opens, the missing chunk is looked up the plain way too)
			assertEquals(positional ? 1 : 3, store.whole, "chunks read whole");
			assertEquals(positional ? 2 : 0, store.parts, "chunks opened for reads by position");
			// by parts: no read of the chunk file is near its size (its blocks are 16 KiB of 128 KiB)
			final long file = files.size(a.chunkKey(new long[] { 1, 0, 1 }));
			assertTrue(store.largest < file / 4, "largest read " + store.largest + " of a " + file + "-byte file");
		}
	}

	@Test
	void aMissingChunkIsTheFillValue() throws Exception {
		final ZarrArray a = ZarrArray.create(new FileStore(dir), "empty", new ZarrArrayMetadata(new long[] { 8, 8 },
			new int[] { 4, 4 }, new ZarrDtype(DataType.INT16, ByteOrder.LITTLE_ENDIAN), false, 7, new BloscCodec(
				BloscCodec.Cname.LZ4, 5, 1), "/"));
		final short[] box = new short[6];
		a.readChunkInto(new long[] { 1, 1 }, new int[] { 1, 1 }, new int[] { 2, 3 }, box, new int[] { 2, 3 }, new int[2]);
		for (final short s : box)
			assertEquals(7, s);
		for (final short s : (short[]) a.readChunk(new long[] { 0, 1 }))
			assertEquals(7, s);
	}

	private static void assertArrayEqualsAny(final Object want, final Object got, final String what) {
		assertTrue(java.util.Objects.deepEquals(new Object[] { want }, new Object[] { got }), what);
	}
}

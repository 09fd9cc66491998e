package org.cryoet.format.zarr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.format.ScratchPool;
import org.cryoet.format.codec.BloscCodec;
import org.cryoet.format.codec.CorruptDataException;
import org.cryoet.store.PositionalReader;
import org.cryoet.store.Store;

/**
 * One Zarr v2 array in a {@link Store}. Chunks come back as primitive arrays
 * (see {@link DataType}) of the full chunk shape in C order, whatever the
 * stored order and byte order; missing chunks are filled with the fill value.
 */
public final class ZarrArray {

	private final Store store;
	private final String path;
	private final ZarrArrayMetadata meta;

	private ZarrArray(final Store store, final String path, final ZarrArrayMetadata meta) {
		this.store = store;
		this.path = path;
		this.meta = meta;
	}

	/** @param path the array's key prefix ("" for the store's root, else "0", "a/b") */
	public static ZarrArray open(final Store store, final String path) throws IOException {
		final String key = prefix(path) + ".zarray";
		final byte[] json = store.get(key);
		if (json == null) throw new FormatException(store.describe(key) + ": not found (not a Zarr v2 array)");
		return new ZarrArray(store, path, ZarrArrayMetadata.parse(json, store.describe(key)));
	}

	public static ZarrArray create(final Store store, final String path, final ZarrArrayMetadata meta)
		throws IOException
	{
		store.put(prefix(path) + ".zarray", meta.toJson().getBytes(StandardCharsets.UTF_8));
		return new ZarrArray(store, path, meta);
	}

	private static String prefix(final String path) {
		return path.isEmpty() ? "" : path + "/";
	}

	public ZarrArrayMetadata metadata() {
		return meta;
	}

	public String describe() {
		return store.describe(path);
	}

	public Store store() {
		return store;
	}

	/**
	 * Fetches the stored bytes of these chunks together (remote stores: in
	 * parallel, one wave) so that the reads that follow find them ready. Call it
	 * with the chunks of a slice or box before reading them.
	 */
	public void prefetch(final java.util.Collection<long[]> grids) throws IOException {
		final java.util.List<String> keys = new java.util.ArrayList<>(grids.size());
		for (final long[] g : grids)
			keys.add(chunkKey(g));
		store.prefetch(keys);
	}

	public String chunkKey(final long[] grid) {
		final StringBuilder sb = new StringBuilder(prefix(path));
		for (int d = 0; d < grid.length; d++) {
			if (d > 0) sb.append(meta.separator);
			sb.append(grid[d]);
		}
		return sb.toString();
	}

	/** Reads the chunk at grid position {@code grid} (array axis order). */
	public Object readChunk(final long[] grid) throws IOException {
		final DataType t = meta.type();
		final int n = meta.chunkElements();
		final Object out = t.allocate(n);
		if (meta.compressor instanceof BloscCodec && !(meta.fortranOrder && meta.chunks.length > 1)) {
			// converted block by block as the decoder hands them over: no chunk-sized byte buffer
			final int b = t.bytes();
			final BloscCodec.BlockSink convert = (data, offset, start, length) -> t.fromBytes(data, offset, meta
				.byteOrder(), out, start / b, length / b);
			if (!decodeBlocks(grid, new long[] { 0, (long) n * b }, convert)) t.fill(out, meta.fillValue);
			return out;
		}
		final byte[] raw = decodedBytes(grid);
		if (raw == null) {
			t.fill(out, meta.fillValue);
			return out;
		}
		try {
			toChunk(raw, out);
		}
		finally {
			RAW.give(raw);
		}
		return out;
	}

	private void toChunk(final byte[] raw, final Object out) {
		final DataType t = meta.type();
		final int n = meta.chunkElements();
		if (meta.fortranOrder && meta.chunks.length > 1) {
			final Object f = t.allocate(n);
			t.fromBytes(raw, 0, meta.byteOrder(), f, 0, n);
			ChunkLayout.fortranToC(f, out, meta.chunks);
		}
		else {
			t.fromBytes(raw, 0, meta.byteOrder(), out, 0, n);
		}
	}

	/**
	 * Reads a box of one chunk straight into {@code dst} (C order, shape
	 * {@code dstShape}, at {@code dstPos}), converting rows as they come out of
	 * the decoder: no chunk-sized array is made. For C-order chunks only.
	 *
	 * @param pos where the box starts inside the chunk
	 */
	public void readChunkInto(final long[] grid, final int[] pos, final int[] size, final Object dst,
		final int[] dstShape, final int[] dstPos) throws IOException
	{
		if (meta.fortranOrder && meta.chunks.length > 1)
			throw new IllegalStateException("readChunkInto is for C-order chunks");
		final DataType t = meta.type();
		final int nd = size.length;
		// Blosc: rows converted from each block as it is decoded, only the blocks the box needs
		if (meta.compressor instanceof BloscCodec && decodeBlocks(grid, span(pos, size), new BoxRows(t, meta
			.byteOrder(), meta.chunks, pos, size, dst, dstShape, dstPos))) return;
		final byte[] raw = meta.compressor instanceof BloscCodec ? null : decodedBytes(grid);
		if (raw == null) {
			final Object fill = t.allocate(size[nd - 1]);
			t.fill(fill, meta.fillValue);
			forEachRow(size, dstShape, dstPos, meta.chunks, pos, (src, dstIndex) -> System.arraycopy(fill, 0, dst, dstIndex,
				size[nd - 1]));
			return;
		}
		try {
			forEachRow(size, dstShape, dstPos, meta.chunks, pos, rows(raw, 0, dst, size[nd - 1]));
		}
		finally {
			RAW.give(raw);
		}
	}

	/**
	 * Whether a box of a chunk is better read by decoding only the Blosc
	 * blocks that hold it: a thin box (a slice through a 256³ chunk) needs a
	 * small part of the chunk, and no chunk-sized buffer.
	 */
	public boolean readsPartly(final int[] pos, final int[] size) {
		if (!(meta.compressor instanceof BloscCodec) || meta.fortranOrder && meta.chunks.length > 1) return false;
		final long[] span = span(pos, size);
		return span[1] - span[0] <= (long) meta.chunkElements() * meta.type().bytes() / 8;
	}

	/** Decoded bytes [first, end) of a chunk that a box covers (C order). */
	private long[] span(final int[] pos, final int[] size) {
		long first = 0, last = 0;
		for (int d = 0; d < pos.length; d++) {
			first = first * meta.chunks[d] + pos[d];
			last = last * meta.chunks[d] + pos[d] + size[d] - 1;
		}
		final int b = meta.type().bytes();
		return new long[] { first * b, (last + 1) * b };
	}

	/**
	 * Reads a box of one chunk into {@code dst} reading and decoding only the
	 * Blosc blocks that hold it (see {@link #readsPartly}); a missing chunk is
	 * the fill value.
	 */
	public void readChunkPart(final long[] grid, final int[] pos, final int[] size, final Object dst,
		final int[] dstShape, final int[] dstPos) throws IOException
	{
		final String key = chunkKey(grid);
		final long stored = store.size(key);
		if (stored < 0) {
			readChunkInto(grid, pos, size, dst, dstShape, dstPos);
			return;
		}
		final long[] span = span(pos, size);
		final byte[] raw = new byte[(int) (span[1] - span[0])];
		try {
			BloscCodec.decodeRange(new BloscCodec.FrameRanges() {

				@Override
				public long size() {
					return stored;
				}

				@Override
				public byte[] read(final long offset, final int length) throws IOException {
					if (offset + length > stored) throw new CorruptDataException("the chunk ends at byte " + stored +
						" but its Blosc header points to byte " + (offset + length));
					return store.getRange(key, offset, length);
				}
			}, meta.chunkElements() * meta.type().bytes(), (int) span[0], (int) span[1], raw, 0);
		}
		catch (final CorruptDataException e) {
			throw new CorruptDataException("chunk " + store.describe(key) + ": " + e.getMessage(), e);
		}
		catch (final RuntimeException e) {
			throw new CorruptDataException("chunk " + store.describe(key) + ": undecodable (" + e + ")", e);
		}
		final int nd = size.length;
		forEachRow(size, dstShape, dstPos, meta.chunks, pos, rows(raw, (int) (span[0] / meta.type().bytes()), dst,
			size[nd - 1]));
	}

	/**
	 * Copies rows of n elements from decoded bytes (element {@code first} of
	 * the chunk at byte 0) into {@code dst}: through one typed view of all the
	 * bytes, as a view made for each row cost more than copying the row.
	 */
	private RowSink rows(final byte[] raw, final int first, final Object dst, final int n) {
		final DataType t = meta.type();
		final java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(raw).order(meta.byteOrder());
		switch (t) {
			case FLOAT32: {
				final java.nio.FloatBuffer view = bytes.asFloatBuffer();
				final float[] f = (float[]) dst;
				return (src, dstIndex) -> {
					view.position(src - first);
					view.get(f, dstIndex, n);
				};
			}
			case INT16: case UINT16: {
				final java.nio.ShortBuffer view = bytes.asShortBuffer();
				final short[] s = (short[]) dst;
				return (src, dstIndex) -> {
					view.position(src - first);
					view.get(s, dstIndex, n);
				};
			}
			default:
				return (src, dstIndex) -> t.fromBytes(raw, (src - first) * t.bytes(), meta.byteOrder(), dst, dstIndex, n);
		}
	}

	private interface RowSink {

		void row(int srcIndex, int dstIndex);
	}

	/** Visits the rows (last axis) of a box: element index in the source chunk and in the destination. */
	private static void forEachRow(final int[] size, final int[] dstShape, final int[] dstPos, final int[] srcShape,
		final int[] srcPos, final RowSink sink)
	{
		final int nd = size.length;
		int rows = 1;
		for (int d = 0; d < nd - 1; d++)
			rows *= size[d];
		final int[] idx = new int[nd];
		for (int r = 0; r < rows; r++) {
			int s = 0, t = 0;
			for (int d = 0; d < nd; d++) {
				s = s * srcShape[d] + srcPos[d] + idx[d];
				t = t * dstShape[d] + dstPos[d] + idx[d];
			}
			sink.row(s, t);
			for (int d = nd - 2; d >= 0; d--) {
				if (++idx[d] < size[d]) break;
				idx[d] = 0;
			}
		}
	}

	/**
	 * The chunk's decoded bytes, in an array from {@link #RAW} that the caller
	 * gives back; null when the chunk is missing.
	 */
	private byte[] decodedBytes(final long[] grid) throws IOException {
		return withStored(grid, (frame, length) -> {
			final byte[] raw = RAW.take(meta.chunkElements() * meta.type().bytes(), true);
			try {
				meta.compressor.decode(frame, length, raw);
				return raw;
			}
			catch (final IOException | RuntimeException e) {
				RAW.give(raw);
				throw e;
			}
		});
	}

	/**
	 * Decodes a Blosc chunk block by block into {@code sink} (element-aligned
	 * blocks; see {@link BloscCodec#decodeBlocks}).
	 *
	 * @return false when the chunk is missing
	 */
	private boolean decodeBlocks(final long[] grid, final long[] span, final BloscCodec.BlockSink sink)
		throws IOException
	{
		final String key = chunkKey(grid);
		// A local file is read a block at a time, straight into the decoder's cache-sized buffers.
		try (PositionalReader file = store.openPositional(key)) {
			if (file != null) {
				try {
					((BloscCodec) meta.compressor).decodeBlocks(new BloscCodec.FrameRanges() {

						@Override
						public long size() {
							return file.size();
						}

						@Override
						public byte[] read(final long offset, final int length) throws IOException {
							final byte[] b = new byte[length];
							read(offset, b, length);
							return b;
						}

						@Override
						public void read(final long offset, final byte[] dst, final int length) throws IOException {
							file.read(offset, dst, 0, length);
						}
					}, meta.chunkElements() * meta.type().bytes(), meta.type().bytes(), (int) span[0], (int) span[1], sink);
				}
				catch (final CorruptDataException e) {
					throw new CorruptDataException("chunk " + store.describe(key) + ": " + e.getMessage(), e);
				}
				catch (final RuntimeException e) {
					throw new CorruptDataException("chunk " + store.describe(key) + ": undecodable (" + e + ")", e);
				}
				return true;
			}
		}
		return withStored(grid, (frame, length) -> {
			((BloscCodec) meta.compressor).decodeBlocks(frame, length, meta.chunkElements() * meta.type().bytes(), meta
				.type().bytes(), (int) span[0], (int) span[1], sink);
			return Boolean.TRUE;
		}) != null;
	}

	/** What is done with a chunk's stored bytes: the first {@code length} bytes of {@code frame}. */
	private interface StoredUse<T> {

		T use(byte[] frame, int length) throws IOException;
	}

	/**
	 * Reads a chunk's stored bytes into a buffer from {@link #STORED}, hands
	 * them to {@code use} and gives the buffer back; null when the chunk is
	 * missing. Decoding failures name the chunk.
	 */
	private <T> T withStored(final long[] grid, final StoredUse<T> use) throws IOException {
		final String key = chunkKey(grid);
		final byte[] reuse = STORED.take(0, false);
		final java.nio.ByteBuffer stored = store.get(key, java.nio.ByteBuffer.wrap(reuse));
		if (stored == null) {
			STORED.give(reuse);
			return null;
		}
		try {
			return use.use(stored.array(), stored.limit());
		}
		catch (final CorruptDataException e) {
			throw new CorruptDataException("chunk " + store.describe(key) + ": " + e.getMessage(), e);
		}
		catch (final RuntimeException e) {
			throw new CorruptDataException("chunk " + store.describe(key) + ": undecodable (" + e + ")", e);
		}
		finally {
			STORED.give(stored.array());
		}
	}

	/** Decoded and stored chunk bytes between reads: a few per JVM, none above 256 MiB. */
	private static final int KEPT = Math.max(2, Runtime.getRuntime().availableProcessors());
	private static final ScratchPool RAW = new ScratchPool(KEPT, 256 << 20);
	private static final ScratchPool STORED = new ScratchPool(KEPT, 256 << 20);

	/** Writes a full-size C-order chunk. */
	public void writeChunk(final long[] grid, final Object data) throws IOException {
		final DataType t = meta.type();
		final int n = meta.chunkElements();
		Object src = data;
		if (meta.fortranOrder && meta.chunks.length > 1) {
			src = t.allocate(n);
			ChunkLayout.cToFortran(data, src, meta.chunks);
		}
		final byte[] raw = new byte[n * t.bytes()];
		t.toBytes(src, 0, n, meta.byteOrder(), raw, 0);
		store.put(chunkKey(grid), meta.compressor.encode(raw, t.bytes()));
	}
}

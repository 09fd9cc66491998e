package org.cryoet.format.zarr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.format.codec.CorruptDataException;
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
		final String key = chunkKey(grid);
		final byte[] stored = store.get(key);
		final DataType t = meta.type();
		final int n = meta.chunkElements();
		final Object out = t.allocate(n);
		if (stored == null) {
			t.fill(out, meta.fillValue);
			return out;
		}
		final byte[] raw = rawBuffer(n * t.bytes());
		try {
			meta.compressor.decode(stored, raw);
		}
		catch (final CorruptDataException e) {
			throw new CorruptDataException("chunk " + store.describe(key) + ": " + e.getMessage(), e);
		}
		catch (final RuntimeException e) {
			throw new CorruptDataException("chunk " + store.describe(key) + ": undecodable (" + e + ")", e);
		}
		if (meta.fortranOrder && meta.chunks.length > 1) {
			final Object f = t.allocate(n);
			t.fromBytes(raw, 0, meta.byteOrder(), f, 0, n);
			ChunkLayout.fortranToC(f, out, meta.chunks);
		}
		else {
			t.fromBytes(raw, 0, meta.byteOrder(), out, 0, n);
		}
		return out;
	}

	/** Decoded bytes live only until they are converted to the chunk's type: one buffer per thread serves. */
	private static final ThreadLocal<byte[]> RAW = ThreadLocal.withInitial(() -> new byte[0]);

	private static byte[] rawBuffer(final int size) {
		byte[] b = RAW.get();
		if (b.length != size) {
			b = new byte[size];
			RAW.set(b);
		}
		return b;
	}

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

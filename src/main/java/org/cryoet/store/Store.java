package org.cryoet.store;

import java.io.IOException;

/** Keyed byte access ("0/1/2/3", ".zarray"), as Zarr sees a storage back-end. */
public interface Store {

	/** @return the bytes at {@code key}, or {@code null} when there is no such key */
	byte[] get(String key) throws IOException;

	/**
	 * Reads the value at {@code key} into {@code reuse} when it fits, else into a
	 * new buffer; hot paths use it to avoid a large allocation per chunk.
	 *
	 * @return a buffer whose position is 0 and limit the value's length, or null when there is no such key
	 */
	default java.nio.ByteBuffer get(final String key, final java.nio.ByteBuffer reuse) throws IOException {
		final byte[] b = get(key);
		return b == null ? null : java.nio.ByteBuffer.wrap(b);
	}

	/** The value's length in bytes, or -1 when there is no such key. */
	default long size(final String key) throws IOException {
		final byte[] b = get(key);
		return b == null ? -1 : b.length;
	}

	/**
	 * Exactly {@code length} bytes of the value from {@code offset}; a value
	 * that ends sooner is an error naming the key. Stores that can read a part
	 * without the whole (files, HTTP ranges) override it.
	 */
	default byte[] get(final String key, final long offset, final int length) throws IOException {
		final byte[] b = get(key);
		if (b == null) throw new java.nio.file.NoSuchFileException(describe(key));
		if (offset < 0 || offset + length > b.length)
			throw new java.io.EOFException(describe(key) + ": " + length + " bytes at " + offset + " are past its end (" +
				b.length + " bytes)");
		return java.util.Arrays.copyOfRange(b, (int) offset, (int) offset + length);
	}

	/** Writes {@code data} at {@code key}, never leaving a partial value behind. */
	void put(String key, byte[] data) throws IOException;

	/** The key as a user would recognise it: a file path or URL. */
	String describe(String key);
}

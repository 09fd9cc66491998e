package org.cryoet.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keyed byte access ("0/1/2/3", ".zarray", "10000/TS_026/run_metadata.json"):
 * a local folder, an HTTP(S) server or an S3 bucket. Keys follow {@link Keys}.
 * Reads of absent keys give null (or -1), never an exception; a value that
 * arrives damaged or incomplete is never returned.
 */
public interface Store extends Closeable {

	/** @return the bytes at {@code key}, or {@code null} when there is no such key */
	byte[] get(String key) throws IOException;

	/**
	 * Reads the value at {@code key} into {@code reuse} when it fits, else into a
	 * new buffer; hot paths use it to avoid a large allocation per chunk.
	 *
	 * @return a heap buffer whose position is 0 and limit the value's length, or null when there is no such key
	 */
	default ByteBuffer get(final String key, final ByteBuffer reuse) throws IOException {
		final byte[] b = get(key);
		return b == null ? null : ByteBuffer.wrap(b);
	}

	/**
	 * Reads {@code length} bytes of the value at {@code key} from {@code offset}.
	 *
	 * @return exactly {@code length} bytes, fewer only where the value ends
	 *         first (none past its end), or null when there is no such key
	 */
	byte[] getRange(String key, long offset, int length) throws IOException;

	/**
	 * Opens the value at {@code key} for reads by position, where this store
	 * has a cheaper way to read parts of a value than {@link #getRange} (a
	 * local file, kept open); the caller closes it.
	 *
	 * @return null when there is no such key or this store has no such way
	 */
	default PositionalReader openPositional(final String key) throws IOException {
		return null;
	}

	/** @return the value's length in bytes, or -1 when there is no such key */
	long size(String key) throws IOException;

	default boolean exists(final String key) throws IOException {
		return size(key) >= 0;
	}

	/**
	 * True when keys exist below {@code key + "/"} (a folder, an S3 prefix).
	 * Stores that cannot list answer false: probe a known key instead.
	 */
	default boolean isFolder(final String key) throws IOException {
		if (!canList()) return false;
		final String k = Keys.strip(key);
		return !list(k.isEmpty() ? "" : k + "/", "/").isEmpty();
	}

	/**
	 * Lists what is under {@code prefix} ("" for everything, else usually
	 * ending in '/'). With {@code delimiter} "/" only the direct keys and the
	 * sub-prefixes; with null every key below.
	 *
	 * @throws StoreException when the store offers no listing (plain HTTP); see {@link #canList()}
	 */
	Listing list(String prefix, String delimiter) throws IOException;

	/** False for stores that cannot list (an HTTP server): their users compute keys instead. */
	default boolean canList() {
		return true;
	}

	/** Writes {@code data} at {@code key}, never leaving a partial value behind. */
	void put(String key, byte[] data) throws IOException;

	/** The key as a user would recognise it: a file path or URL. */
	String describe(String key);

	/**
	 * Fetches several values at once; remote stores do so in parallel with
	 * bounded concurrency. Absent keys map to null. The map keeps the order of
	 * {@code keys}.
	 */
	default Map<String, byte[]> getAll(final Collection<String> keys) throws IOException {
		final Map<String, byte[]> out = new LinkedHashMap<>();
		for (final String k : keys)
			if (!out.containsKey(k)) out.put(k, get(k));
		return out;
	}

	/** Receives values of {@link #fetchEach} as they arrive. */
	interface ValueConsumer {

		/** @param value the bytes, or null when the key is absent */
		void accept(String key, byte[] value) throws IOException;
	}

	/**
	 * Fetches {@code keys} and hands each value to {@code consumer} as soon as
	 * it arrives, so that only the values being handled are in memory (decode a
	 * slice's chunks while the others are still on their way). Remote stores run
	 * the consumer on their fetching threads, several at once: it must be
	 * thread-safe. Returns when every value was handled; the first failure stops
	 * the rest and is thrown.
	 */
	default void fetchEach(final Collection<String> keys, final ValueConsumer consumer) throws IOException {
		for (final String k : new java.util.LinkedHashSet<>(keys))
			consumer.accept(k, get(k));
	}

	/**
	 * Starts fetching {@code keys} that are about to be read (the chunks of a
	 * slice), so that the following {@link #get} calls find them ready. Returns
	 * once they are fetched; local stores do nothing.
	 */
	default void prefetch(final Collection<String> keys) throws IOException {}

	/** Releases threads and connections; the store is not used afterwards. */
	@Override
	default void close() throws IOException {}
}

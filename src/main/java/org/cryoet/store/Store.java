package org.cryoet.store;

import java.io.IOException;

/** Keyed byte access ("0/1/2/3", ".zarray"), as Zarr sees a storage back-end. */
public interface Store {

	/** @return the bytes at {@code key}, or {@code null} when there is no such key */
	byte[] get(String key) throws IOException;

	/** Writes {@code data} at {@code key}, never leaving a partial value behind. */
	void put(String key, byte[] data) throws IOException;

	/** The key as a user would recognise it: a file path or URL. */
	String describe(String key);
}

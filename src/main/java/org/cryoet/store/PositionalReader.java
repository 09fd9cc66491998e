package org.cryoet.store;

import java.io.Closeable;
import java.io.IOException;

/**
 * A stored value open for reads by position, as a local file is read: a
 * chunk can then be decoded a part at a time without being held whole.
 */
public interface PositionalReader extends Closeable {

	/** The value's length in bytes when it was opened. */
	long size();

	/**
	 * Reads exactly {@code length} bytes from {@code position} into {@code dst}
	 * at {@code offset}; a value that ends first (it changed while read) is a
	 * {@link StoreException}.
	 */
	void read(long position, byte[] dst, int offset, int length) throws IOException;
}

package org.cryoet.image;

import java.io.IOException;

import org.cryoet.format.DataType;

/**
 * A 3D (or N-D) grid of voxels that can be read by box, in array axis order
 * (z, y, x for the portal's volumes). Implementations are thread-safe.
 */
public interface Volume {

	DataType type();

	long[] shape();

	/** The natural unit of reading (a chunk); reads aligned to it are cheapest. */
	int[] blockShape();

	/**
	 * Reads the box at {@code offset} of {@code size} into {@code dst} (a
	 * primitive array of {@link #type()}, C order, product of {@code size} elements).
	 */
	void read(long[] offset, int[] size, Object dst) throws IOException;

	/** File, key or URL, for messages. */
	String describe();
}

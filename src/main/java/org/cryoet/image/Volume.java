package org.cryoet.image;

import java.io.Closeable;
import java.io.IOException;

import org.cryoet.format.DataType;

/**
 * A 3D (or N-D) grid of voxels that can be read by box, in array axis order
 * (z, y, x for the portal's volumes). Implementations are thread-safe.
 */
public interface Volume extends Closeable {

	DataType type();

	long[] shape();

	/** The natural unit of reading (a chunk); reads aligned to it are cheapest. */
	int[] blockShape();

	/**
	 * Reads the box at {@code offset} of {@code size} into {@code dst}, a C-order
	 * primitive array of {@link #type()} with shape {@code dstShape}, at {@code dstPos}.
	 * Reading straight into the caller's array saves a copy of every voxel.
	 */
	void read(long[] offset, int[] size, Object dst, int[] dstShape, int[] dstPos) throws IOException;

	/** Reads the box into {@code dst}, which holds exactly the box. */
	default void read(final long[] offset, final int[] size, final Object dst) throws IOException {
		read(offset, size, dst, size, new int[size.length]);
	}

	/** File, key or URL, for messages. */
	String describe();

	/** Releases files and cached data; reading afterwards is an error or reopens, as the volume decides. */
	@Override
	default void close() throws IOException {}
}

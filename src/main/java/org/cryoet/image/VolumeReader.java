package org.cryoet.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads boxes of a volume into memory, block by block on several threads. */
public final class VolumeReader {

	private VolumeReader() {}

	/** The whole volume as one C-order primitive array. */
	public static Object readAll(final Volume v, final int threads) throws IOException {
		final long[] shape = v.shape();
		final int[] size = new int[shape.length];
		for (int d = 0; d < size.length; d++)
			size[d] = (int) shape[d];
		final Object dst = v.type().allocate(BoxCopy.elements(size));
		read(v, new long[shape.length], size, dst, threads);
		return dst;
	}

	/**
	 * Reads a box into {@code dst}, splitting it along the volume's blocks so
	 * that each block is decoded once, by one of {@code threads} workers.
	 */
	public static void read(final Volume v, final long[] offset, final int[] size, final Object dst, final int threads)
		throws IOException
	{
		final int nd = size.length;
		final int[] block = v.blockShape();
		final List<long[]> boxes = new ArrayList<>();
		final long[] pos = offset.clone();
		while (true) {
			boxes.add(pos.clone());
			int d = nd - 1;
			while (d >= 0) {
				pos[d] = (pos[d] / block[d] + 1) * block[d];
				if (pos[d] < offset[d] + size[d]) break;
				pos[d] = offset[d];
				d--;
			}
			if (d < 0) break;
		}
		Parallel.forEach(boxes, threads, "cryoet-read", b -> readBox(v, offset, size, dst, block, b), () -> {});
	}

	private static void readBox(final Volume v, final long[] offset, final int[] size, final Object dst,
		final int[] block, final long[] start) throws IOException
	{
		final int nd = size.length;
		final int[] box = new int[nd];
		final int[] dstPos = new int[nd];
		for (int d = 0; d < nd; d++) {
			final long end = Math.min((start[d] / block[d] + 1) * block[d], offset[d] + size[d]);
			box[d] = (int) (end - start[d]);
			dstPos[d] = (int) (start[d] - offset[d]);
		}
		v.read(start, box, dst, size, dstPos);
	}
}

package org.cryoet.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a Blosc 1 frame's compressed streams lie, found by c-blosc's layout
 * rules (header, block starts, each block split into one stream per byte of
 * the type unless the frame says not to). Streams stored raw (as long as
 * their decoded size) are left out: no codec decodes them.
 */
final class BloscStreams {

	/** Offsets and lengths in the frame; the decoded size of each. */
	final int[] offsets, lengths, decodedSizes;

	private BloscStreams(final List<int[]> streams) {
		offsets = new int[streams.size()];
		lengths = new int[streams.size()];
		decodedSizes = new int[streams.size()];
		for (int i = 0; i < streams.size(); i++) {
			offsets[i] = streams.get(i)[0];
			lengths[i] = streams.get(i)[1];
			decodedSizes[i] = streams.get(i)[2];
		}
	}

	static BloscStreams of(final byte[] frame) {
		final ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
		final int flags = frame[2] & 0xff, typeSize = frame[3] & 0xff;
		final int nbytes = b.getInt(4), blockSize = b.getInt(8);
		if ((flags & 0x2) != 0) throw new IllegalArgumentException("frame is stored uncompressed");
		final boolean dontSplit = (flags & 0x10) != 0;
		final int blocks = (nbytes + blockSize - 1) / blockSize;
		final List<int[]> streams = new ArrayList<>();
		for (int k = 0; k < blocks; k++) {
			final boolean leftover = k == blocks - 1 && nbytes % blockSize != 0;
			final int size = leftover ? nbytes - k * blockSize : blockSize;
			final int splits = !dontSplit && typeSize <= 16 && size / typeSize >= 128 && !leftover ? typeSize : 1;
			int at = b.getInt(16 + 4 * k);
			for (int j = 0; j < splits; j++) {
				final int length = b.getInt(at);
				if (length != size / splits) streams.add(new int[] { at + 4, length, size / splits });
				at += 4 + length;
			}
		}
		return new BloscStreams(streams);
	}

	int count() {
		return offsets.length;
	}

	long decodedBytes() {
		long n = 0;
		for (final int s : decodedSizes)
			n += s;
		return n;
	}
}

package org.cryoet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * File reads and writes of heap buffers, a slice of at most 1 MiB per call.
 * NIO copies a heap buffer through a temporary direct buffer as large as the
 * request; for a 56 MiB chunk on a fresh reader thread that is 56 MiB of new
 * native memory, whose page faults cost more than the read: on a 2-core VM a
 * whole-level read on two threads took 400 ms per chunk file instead of 7.
 * A 1 MiB one is cached per thread and reused (and a long-lived Fiji thread
 * keeps no chunk-sized one).
 */
public final class ChannelIO {

	private static final int SLICE = 1 << 20;

	private ChannelIO() {}

	/** Reads until {@code b} is full or the file ends; returns the bytes read. */
	public static int read(final FileChannel ch, final ByteBuffer b) throws IOException {
		final int start = b.position(), limit = b.limit();
		try {
			while (b.position() < limit) {
				b.limit(Math.min(limit, b.position() + SLICE));
				if (ch.read(b) < 0) break;
			}
		}
		finally {
			b.limit(limit);
		}
		return b.position() - start;
	}

	/** Reads from file position {@code at} until {@code b} is full or the file ends; returns the bytes read. */
	public static int read(final FileChannel ch, final ByteBuffer b, final long at) throws IOException {
		final int start = b.position(), limit = b.limit();
		try {
			while (b.position() < limit) {
				b.limit(Math.min(limit, b.position() + SLICE));
				if (ch.read(b, at + b.position() - start) < 0) break;
			}
		}
		finally {
			b.limit(limit);
		}
		return b.position() - start;
	}

	/** A whole file, as {@code Files.readAllBytes} but in slices; a file that changes while read is an error. */
	public static byte[] readAll(final Path p) throws IOException {
		try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
			final long size = ch.size();
			if (size > Integer.MAX_VALUE - 16) throw new StoreException(p + ": larger than 2 GiB");
			final ByteBuffer b = ByteBuffer.allocate((int) size);
			if (read(ch, b) != size || ch.read(ByteBuffer.allocate(1)) > 0)
				throw new StoreException(p + ": changed while being read");
			return b.array();
		}
	}

	/** Writes all of {@code b} at file position {@code at}. */
	public static void write(final FileChannel ch, final ByteBuffer b, final long at) throws IOException {
		final int start = b.position(), limit = b.limit();
		try {
			while (b.position() < limit) {
				b.limit(Math.min(limit, b.position() + SLICE));
				ch.write(b, at + b.position() - start);
			}
		}
		finally {
			b.limit(limit);
		}
	}
}

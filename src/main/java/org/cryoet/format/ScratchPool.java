package org.cryoet.format;

import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * Byte arrays reused across chunk reads, so that reading a chunk does not
 * allocate (and the JVM zero) tens of megabytes each time. At most a few are
 * kept, whatever the number of threads, so memory stays bounded in a
 * long-running Fiji.
 */
public final class ScratchPool {

	private final ArrayDeque<byte[]> free = new ArrayDeque<>();
	private final int maxKept;
	private final int maxBytes;

	public ScratchPool(final int maxKept, final int maxBytes) {
		this.maxKept = maxKept;
		this.maxBytes = maxBytes;
	}

	/** An array of exactly {@code size} bytes, or at least that when {@code exact} is false. */
	public synchronized byte[] take(final int size, final boolean exact) {
		for (final Iterator<byte[]> it = free.iterator(); it.hasNext();) {
			final byte[] b = it.next();
			if (exact ? b.length == size : b.length >= size) {
				it.remove();
				return b;
			}
		}
		return new byte[exact ? size : size + size / 8];
	}

	public synchronized void give(final byte[] b) {
		if (b.length > maxBytes) return;
		if (free.size() >= maxKept) free.removeLast();
		free.addFirst(b);
	}
}

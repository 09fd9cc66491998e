package org.cryoet.store;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Values fetched ahead of their reads, kept until read once or until newer
 * ones push them out (a byte budget), so prefetching never holds memory for long.
 */
final class PrefetchBuffer {

	/** Stands for a key found absent. */
	static final byte[] ABSENT = new byte[0];

	private final long maxBytes;
	private final LinkedHashMap<String, byte[]> values = new LinkedHashMap<>();
	private long bytes;

	PrefetchBuffer(final long maxBytes) {
		this.maxBytes = maxBytes;
	}

	synchronized void put(final String key, final byte[] value) {
		final byte[] v = value == null ? ABSENT : value;
		if (v.length > maxBytes) return;
		final byte[] old = values.put(key, v);
		if (old != null) bytes -= old.length;
		bytes += v.length;
		for (final Iterator<Map.Entry<String, byte[]>> it = values.entrySet().iterator(); bytes > maxBytes && it
			.hasNext();)
		{
			bytes -= it.next().getValue().length;
			it.remove();
		}
	}

	/** @return the value (or {@link #ABSENT}) and forgets it, or null when not prefetched */
	synchronized byte[] take(final String key) {
		final byte[] v = values.remove(key);
		if (v != null) bytes -= v.length;
		return v;
	}

	synchronized boolean contains(final String key) {
		return values.containsKey(key);
	}
}

package org.cryoet.image;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.cryoet.format.DataType;

/**
 * Decoded chunks (primitive arrays), bounded in bytes, evicted by the CLOCK
 * rule (least recently used, approximately). Concurrent requests for one
 * chunk load it once.
 * <p>
 * Ownership: the cache owns its arrays and they are immutable once cached.
 * Whoever gets one may read it and must never write it: images built on the
 * cache ({@link LazyImages}, {@link VolatileLevels}) wrap them in read-only
 * accesses, and anything a user paints lives in its own copy.
 * <p>
 * A hit takes no lock and allocates nothing (the key is probed through a
 * per-thread mutable key), so a warm slice reads fast from many threads.
 * Loads reserve their bytes before they start, so the cache plus the chunks
 * being decoded stay within the budget.
 */
public final class ChunkCache {

	/** Loads a chunk (a primitive array, whose length the cache weighs). */
	public interface Loader {

		Object load() throws IOException;
	}

	private static volatile ChunkCache shared;

	private final long budget;
	private final ConcurrentHashMap<Key, Entry> map = new ConcurrentHashMap<>();
	private final ConcurrentHashMap<Key, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();
	private final ThreadLocal<Probe> probes = ThreadLocal.withInitial(Probe::new);
	/** The CLOCK ring and the byte counts, guarded by {@code this}. */
	private final ArrayDeque<Entry> ring = new ArrayDeque<>();
	private long used, reserved;

	public ChunkCache(final long budgetBytes) {
		this.budget = Math.max(0, budgetBytes);
	}

	/**
	 * One cache for the whole JVM: a quarter of the heap unless
	 * {@code cryoet.cache.bytes} says otherwise. Made on first use, so a bad
	 * setting is one error for that call and can be corrected in the same session.
	 */
	public static ChunkCache shared() {
		ChunkCache c = shared;
		if (c == null) synchronized (ChunkCache.class) {
			c = shared;
			if (c == null) shared = c = new ChunkCache(CacheBudget.fromSystemProperty());
		}
		return c;
	}

	public long budget() {
		return budget;
	}

	public synchronized long usedBytes() {
		return used;
	}

	/** The cached array for {@code (owner, index)}, or null; never loads. */
	public Object getIfPresent(final Object owner, final long index) {
		final Probe p = probes.get();
		p.set(owner, index);
		final Entry e = map.get(p);
		p.set(null, 0);
		if (e == null) return null;
		if (!e.referenced) e.referenced = true;
		return e.data;
	}

	/**
	 * The array for {@code (owner, index)}: from the cache, or loaded once by
	 * {@code loader} however many threads ask at the same time.
	 *
	 * @param owner compared by identity (a volume or an image)
	 * @param bytes what the loaded array will weigh, reserved before loading
	 */
	public Object get(final Object owner, final long index, final long bytes, final Loader loader) throws IOException {
		final Object hit = getIfPresent(owner, index);
		if (hit != null) return hit;
		final Key key = new Key(owner, index);
		final CompletableFuture<Object> mine = new CompletableFuture<>();
		final CompletableFuture<Object> theirs = loading.putIfAbsent(key, mine);
		if (theirs != null) return await(theirs);
		try {
			// Someone may have finished loading it between our miss and our claim.
			final Entry done = map.get(key);
			if (done != null) {
				mine.complete(done.data);
				return done.data;
			}
			final boolean keep = reserve(bytes);
			final Object data;
			try {
				data = loader.load();
			}
			finally {
				if (keep) release(bytes);
			}
			if (keep) put(key, data);
			mine.complete(data);
			return data;
		}
		catch (final IOException | RuntimeException | Error e) {
			mine.completeExceptionally(e);
			throw e;
		}
		finally {
			loading.remove(key, mine);
		}
	}

	/** Drops everything an owner put here (a volume being closed). */
	public synchronized void invalidate(final Object owner) {
		for (final java.util.Iterator<Entry> it = ring.iterator(); it.hasNext();) {
			final Entry e = it.next();
			if (e.key.owner == owner) {
				it.remove();
				map.remove(e.key, e);
				used -= e.bytes;
			}
		}
	}

	public synchronized void clear() {
		map.clear();
		ring.clear();
		used = 0;
	}

	private static Object await(final CompletableFuture<Object> f) throws IOException {
		try {
			return f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted while waiting for a chunk");
		}
		catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof IOException) throw (IOException) c;
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IOException(c);
		}
	}

	/** Makes room for a load; false when the chunk could never be kept (larger than the budget). */
	private synchronized boolean reserve(final long bytes) {
		if (bytes + OVERHEAD > budget) return false;
		evictUntil(budget - bytes - OVERHEAD);
		reserved += bytes + OVERHEAD;
		return true;
	}

	private synchronized void release(final long bytes) {
		reserved -= bytes + OVERHEAD;
	}

	private synchronized void put(final Key key, final Object data) {
		final long bytes = weigh(data);
		if (bytes > budget) return;
		evictUntil(budget - bytes);
		final Entry e = new Entry(key, data, bytes);
		final Entry old = map.put(key, e);
		if (old != null) {
			ring.remove(old);
			used -= old.bytes;
		}
		ring.addLast(e);
		used += bytes;
	}

	/** CLOCK: a referenced entry gets a second chance, an unreferenced one goes. */
	private void evictUntil(final long limit) {
		int chances = ring.size();
		while (used + reserved > limit && !ring.isEmpty()) {
			final Entry e = ring.pollFirst();
			if (e.referenced && chances-- > 0) {
				e.referenced = false;
				ring.addLast(e);
				continue;
			}
			map.remove(e.key, e);
			used -= e.bytes;
		}
	}

	private static final long OVERHEAD = 16;

	static long weigh(final Object a) {
		final int n = DataType.length(a);
		if (a instanceof byte[]) return n + OVERHEAD;
		if (a instanceof short[]) return 2L * n + OVERHEAD;
		if (a instanceof int[] || a instanceof float[]) return 4L * n + OVERHEAD;
		return 8L * n + OVERHEAD;
	}

	private static final class Entry {

		final Key key;
		final Object data;
		final long bytes;
		/** A new entry sits at the back of the ring, safe for one turn of the hand; a hit earns it another. */
		volatile boolean referenced;

		Entry(final Key key, final Object data, final long bytes) {
			this.key = key;
			this.data = data;
			this.bytes = bytes;
		}
	}

	/** An owner (by identity) and a block index; probes and stored keys compare equal. */
	private static class Key {

		Object owner;
		long index;

		Key(final Object owner, final long index) {
			this.owner = owner;
			this.index = index;
		}

		@Override
		public final boolean equals(final Object o) {
			return o instanceof Key && ((Key) o).owner == owner && ((Key) o).index == index;
		}

		@Override
		public final int hashCode() {
			return System.identityHashCode(owner) * 31 + Long.hashCode(index);
		}
	}

	/** A reusable per-thread key for lookups, so a hit allocates nothing. */
	private static final class Probe extends Key {

		Probe() {
			super(null, 0);
		}

		void set(final Object o, final long i) {
			owner = o;
			index = i;
		}
	}
}

package org.cryoet.image;

import java.io.IOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

import org.cryoet.format.DataType;

/**
 * Decoded chunks, least recently used first out, bounded in bytes. Concurrent
 * requests for one chunk load it once.
 */
public final class ChunkCache {

	/** Loads a chunk (a primitive array, whose length the cache weighs). */
	public interface Loader {

		Object load() throws IOException;
	}

	private static final ChunkCache SHARED = new ChunkCache(defaultBudget());

	private final long budget;
	private long used;
	private final LinkedHashMap<Object, Entry> lru = new LinkedHashMap<>(64, 0.75f, true);
	private final ConcurrentHashMap<Object, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();

	private static final class Entry {

		final Object data;
		final long bytes;

		Entry(final Object data, final long bytes) {
			this.data = data;
			this.bytes = bytes;
		}
	}

	public ChunkCache(final long budgetBytes) {
		this.budget = budgetBytes;
	}

	/** One cache for the whole JVM: a quarter of the heap unless {@code cryoet.cache.bytes} says otherwise. */
	public static ChunkCache shared() {
		return SHARED;
	}

	private static long defaultBudget() {
		final String p = System.getProperty("cryoet.cache.bytes");
		if (p != null) return Long.parseLong(p);
		return Runtime.getRuntime().maxMemory() / 4;
	}

	public long budget() {
		return budget;
	}

	public synchronized long usedBytes() {
		return used;
	}

	public Object get(final Object key, final Loader loader) throws IOException {
		synchronized (this) {
			final Entry e = lru.get(key);
			if (e != null) return e.data;
		}
		final CompletableFuture<Object> mine = new CompletableFuture<>();
		final CompletableFuture<Object> theirs = loading.putIfAbsent(key, mine);
		if (theirs != null) return await(theirs);
		try {
			final Object data = loader.load();
			put(key, data);
			mine.complete(data);
			return data;
		}
		catch (final IOException | RuntimeException | Error e) {
			mine.completeExceptionally(e);
			throw e;
		}
		finally {
			loading.remove(key);
		}
	}

	private static Object await(final CompletableFuture<Object> f) throws IOException {
		try {
			return f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("interrupted while waiting for a chunk");
		}
		catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof IOException) throw (IOException) c;
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			throw new IOException(c);
		}
	}

	private synchronized void put(final Object key, final Object data) {
		final long bytes = bytes(data);
		if (bytes > budget) return;
		final Entry old = lru.put(key, new Entry(data, bytes));
		if (old != null) used -= old.bytes;
		used += bytes;
		final Iterator<Map.Entry<Object, Entry>> it = lru.entrySet().iterator();
		while (used > budget && it.hasNext()) {
			final Entry e = it.next().getValue();
			it.remove();
			used -= e.bytes;
		}
	}

	public synchronized void clear() {
		lru.clear();
		used = 0;
	}

	private static long bytes(final Object a) {
		final int n = DataType.length(a);
		if (a instanceof byte[]) return n + 16L;
		if (a instanceof short[]) return 2L * n + 16;
		if (a instanceof int[] || a instanceof float[]) return 4L * n + 16;
		return 8L * n + 16;
	}
}

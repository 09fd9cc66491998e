package org.cryoet.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What HTTP and S3 stores share: every value fetched at most once at a time
 * (concurrent reads of one key wait for the same request), bulk fetches in
 * parallel, prefetched values kept until read, and the optional disk cache.
 */
abstract class RemoteStore implements Store {

	private interface Fetch {

		byte[] fetch() throws IOException;
	}

	protected final RemoteOptions options;
	protected final HttpFetcher fetcher;
	private final DiskCache disk;
	private final PrefetchBuffer prefetched;
	private final ConcurrentHashMap<String, CompletableFuture<byte[]>> inFlight = new ConcurrentHashMap<>();
	private volatile ThreadPoolExecutor pool;

	RemoteStore(final RemoteOptions options, final boolean plainHttp) {
		this.options = options;
		this.fetcher = new HttpFetcher(options, plainHttp);
		this.disk = options.diskCache == null ? null : new DiskCache(options.diskCache, options.diskCacheBytes);
		this.prefetched = new PrefetchBuffer(options.prefetchBytes);
	}

	/** The URL of {@code key} (already checked). */
	protected abstract URI uri(String key);

	public RemoteOptions options() {
		return options;
	}

	@Override
	public byte[] get(final String key) throws IOException {
		Keys.check(key);
		final byte[] p = prefetched.take(key);
		if (p != null) return p == PrefetchBuffer.ABSENT ? null : p;
		return shared(key, describe(key), () -> cached(uri(key).toString(), () -> whole(key)));
	}

	/**
	 * A buffer the caller owns, as the contract says: concurrent readers of a
	 * key share one fetched array, which a caller that pools its buffers must
	 * never get (it would hand the same array to two later reads).
	 */
	@Override
	public ByteBuffer get(final String key, final ByteBuffer reuse) throws IOException {
		final byte[] b = get(key);
		if (b == null) return null;
		final ByteBuffer out = reuse != null && reuse.hasArray() && reuse.capacity() >= b.length ? reuse : ByteBuffer
			.allocate(b.length);
		out.clear();
		System.arraycopy(b, 0, out.array(), 0, b.length);
		out.limit(b.length);
		return out;
	}

	private byte[] whole(final String key) throws IOException {
		final HttpFetcher.Answer a = fetcher.get(uri(key), describe(key), 0, -1, null);
		return a.status == 404 || a.status == 416 ? null : array(a.body);
	}

	@Override
	public byte[] getRange(final String key, final long offset, final int length) throws IOException {
		Keys.check(key);
		if (offset < 0 || length < 0) throw new IllegalArgumentException("range " + offset + "+" + length);
		if (length == 0) return exists(key) ? new byte[0] : null;
		final String id = uri(key) + "#bytes=" + offset + "+" + length;
		return shared(id, describe(key), () -> cached(id, () -> {
			final HttpFetcher.Answer a = fetcher.get(uri(key), describe(key), offset, length, null);
			if (a.status == 404) return null;
			if (a.status == 416) return new byte[0];
			return array(a.body);
		}));
	}

	@Override
	public long size(final String key) throws IOException {
		Keys.check(key);
		final HttpFetcher.Answer h = fetcher.head(uri(key), describe(key));
		if (h.status == 404) return -1;
		if (h.status / 100 == 2) {
			final long n = h.headers.firstValueAsLong("content-length").orElse(-1);
			if (n >= 0) return n;
		}
		// No HEAD (or no length): ask for the first byte and read the total from Content-Range.
		final HttpFetcher.Answer g = fetcher.get(uri(key), describe(key), 0, 1, null);
		if (g.status == 404) return -1;
		if (g.status == 416) return 0;
		final String cr = g.headers.firstValue("content-range").orElse("");
		final int slash = cr.lastIndexOf('/');
		if (g.status == 206 && slash >= 0 && !cr.endsWith("*")) return Long.parseLong(cr.substring(slash + 1).trim());
		final long n = g.headers.firstValueAsLong("content-length").orElse(-1);
		if (g.status == 200 && n >= 0) return n;
		throw new StoreException(describe(key) + ": the server tells no size");
	}

	@Override
	public Map<String, byte[]> getAll(final Collection<String> keys) throws IOException {
		final List<String> unique = new ArrayList<>(new LinkedHashSet<>(keys));
		for (final String k : unique)
			Keys.check(k);
		final Map<String, byte[]> out = new LinkedHashMap<>();
		final Map<String, Future<byte[]>> pending = new LinkedHashMap<>();
		for (final String k : unique)
			pending.put(k, pool().submit(() -> get(k)));
		await(pending.values(), "fetching " + unique.size() + " values from " + describe(""));
		for (final String k : keys)
			out.put(k, done(pending.get(k)));
		return out;
	}

	@Override
	public void fetchEach(final Collection<String> keys, final ValueConsumer consumer) throws IOException {
		final List<Future<?>> pending = new ArrayList<>();
		for (final String k : new LinkedHashSet<>(keys)) {
			Keys.check(k);
			pending.add(pool().submit(() -> {
				consumer.accept(k, get(k));
				return null;
			}));
		}
		await(pending, "fetching from " + describe(""));
		for (final Future<?> f : pending)
			done(f);
	}

	@Override
	public void prefetch(final Collection<String> keys) throws IOException {
		final List<Future<?>> pending = new ArrayList<>();
		for (final String k : new LinkedHashSet<>(keys)) {
			Keys.check(k);
			if (!prefetched.contains(k)) pending.add(pool().submit(() -> {
				prefetched.put(k, shared(k, describe(k), () -> cached(uri(k).toString(), () -> whole(k))));
				return null;
			}));
		}
		await(pending, "prefetching from " + describe(""));
		for (final Future<?> f : pending)
			done(f);
	}

	@Override
	public void put(final String key, final byte[] data) throws IOException {
		throw new StoreException(describe(key) + ": remote stores are read-only; write to a local folder");
	}

	@Override
	public void close() {
		final ThreadPoolExecutor p = pool;
		if (p != null) p.shutdownNow();
	}

	/** One fetch per id at a time: a second reader waits for the first one's result. */
	private byte[] shared(final String id, final String name, final Fetch fetch) throws IOException {
		while (true) {
			final CompletableFuture<byte[]> mine = new CompletableFuture<>();
			final CompletableFuture<byte[]> other = inFlight.putIfAbsent(id, mine);
			if (other == null) {
				try {
					final byte[] v = fetch.fetch();
					mine.complete(v);
					return v;
				}
				catch (final IOException | RuntimeException | Error e) {
					mine.completeExceptionally(e);
					throw e;
				}
				finally {
					inFlight.remove(id, mine);
				}
			}
			try {
				return waitFor(other, name);
			}
			catch (final InterruptedIOException e) {
				// The first reader was cancelled, not us: fetch it ourselves.
				if (Thread.currentThread().isInterrupted() || options.cancelled.getAsBoolean()) throw e;
			}
		}
	}

	private byte[] cached(final String id, final Fetch fetch) throws IOException {
		if (disk != null) {
			final byte[] hit = disk.get(id);
			if (hit != null) {
				options.listener.cacheHit(id, hit.length);
				return hit;
			}
		}
		final byte[] v = fetch.fetch();
		if (disk != null && v != null) disk.put(id, v);
		return v;
	}

	private <T> T waitFor(final Future<T> f, final String name) throws IOException {
		try {
			while (true) {
				try {
					return f.get(50, TimeUnit.MILLISECONDS);
				}
				catch (final TimeoutException e) {
					if (options.cancelled.getAsBoolean()) throw new InterruptedIOException(name + ": cancelled");
				}
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException(name + ": interrupted");
		}
		catch (final CancellationException e) {
			throw new InterruptedIOException(name + ": cancelled");
		}
		catch (final ExecutionException e) {
			throw rethrow(e.getCause());
		}
	}

	/** Waits for all; on a cancel, an interrupt or a failure, stops the others. */
	private void await(final Collection<? extends Future<?>> all, final String what) throws IOException {
		try {
			for (final Future<?> f : all)
				waitFor(f, what);
		}
		catch (final IOException | RuntimeException e) {
			for (final Future<?> f : all)
				f.cancel(true);
			throw e;
		}
	}

	private static <T> T done(final Future<T> f) throws IOException {
		try {
			return f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted");
		}
		catch (final ExecutionException e) {
			throw rethrow(e.getCause());
		}
	}

	private static IOException rethrow(final Throwable t) {
		if (t instanceof IOException) return (IOException) t;
		if (t instanceof RuntimeException) throw (RuntimeException) t;
		if (t instanceof Error) throw (Error) t;
		return new IOException(t);
	}

	private ThreadPoolExecutor pool() {
		ThreadPoolExecutor p = pool;
		if (p == null) synchronized (this) {
			p = pool;
			if (p == null) {
				p = new ThreadPoolExecutor(options.connections, options.connections, 30, TimeUnit.SECONDS,
					new LinkedBlockingQueue<>(), r -> {
						final Thread t = new Thread(r, "cryoet-fetch");
						t.setDaemon(true);
						return t;
					});
				p.allowCoreThreadTimeOut(true);
				pool = p;
			}
		}
		return p;
	}

	private static byte[] array(final ByteBuffer b) {
		if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.array().length == b.limit()) return b.array();
		final byte[] out = new byte[b.remaining()];
		b.duplicate().get(out);
		return out;
	}

	@Override
	public String toString() {
		return describe("");
	}

	static String percentEncode(final String s, final boolean keepSlash) {
		final StringBuilder sb = new StringBuilder();
		for (final byte b : s.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			final char c = (char) (b & 0xff);
			if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' ||
				c == '~' || keepSlash && c == '/') sb.append(c);
			else sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 15, 16))).append(Character
				.toUpperCase(Character.forDigit(b & 15, 16)));
		}
		return sb.toString();
	}

}

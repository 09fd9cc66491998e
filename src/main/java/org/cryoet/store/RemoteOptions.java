package org.cryoet.store;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;

/**
 * How remote stores behave: timeouts, retries, concurrency, the optional disk
 * cache, who hears about progress and what cancels. Immutable; the
 * {@code with...} methods return a changed copy. {@link #fromSystemProperties()}
 * reads the {@code cryoet.remote.*} properties documented in the README.
 */
public final class RemoteOptions {

	public final int connectTimeoutMillis;
	/** The longest wait for the next bytes of a response (headers or body) before the try is abandoned. */
	public final int readTimeoutMillis;
	/** Tries after the first one, on 5xx, 429, 408 and connection faults. */
	public final int retries;
	public final int backoffBaseMillis;
	public final int backoffMaxMillis;
	/** Requests in flight at once per store. */
	public final int connections;
	/** Folder of the on-disk cache, or null for none. */
	public final Path diskCache;
	public final long diskCacheBytes;
	/**
	 * Bytes of prefetched values kept until they are read; a wave larger than
	 * this should go through {@link Store#fetchEach} instead.
	 */
	public final long prefetchBytes;
	public final TransferListener listener;
	/** Checked while waiting: true stops every fetch of the store with an {@link java.io.InterruptedIOException}. */
	public final BooleanSupplier cancelled;

	private RemoteOptions(final int connectTimeoutMillis, final int readTimeoutMillis, final int retries,
		final int backoffBaseMillis, final int backoffMaxMillis, final int connections, final Path diskCache,
		final long diskCacheBytes, final long prefetchBytes, final TransferListener listener,
		final BooleanSupplier cancelled)
	{
		if (connections < 1) throw new IllegalArgumentException("connections must be at least 1");
		if (retries < 0) throw new IllegalArgumentException("retries must not be negative");
		this.connectTimeoutMillis = connectTimeoutMillis;
		this.readTimeoutMillis = readTimeoutMillis;
		this.retries = retries;
		this.backoffBaseMillis = backoffBaseMillis;
		this.backoffMaxMillis = backoffMaxMillis;
		this.connections = connections;
		this.diskCache = diskCache;
		this.diskCacheBytes = diskCacheBytes;
		this.prefetchBytes = prefetchBytes;
		this.listener = listener;
		this.cancelled = cancelled;
	}

	public static RemoteOptions defaults() {
		return new RemoteOptions(10_000, 30_000, 5, 250, 8_000, 16, null, 4L << 30, 256L << 20, TransferListener.NONE,
			() -> false);
	}

	/** What the command running on this thread hears of transfers, and whether it was cancelled (stores are opened on it). */
	private static final ThreadLocal<RemoteOptions> DURING = new ThreadLocal<>();

	/**
	 * While the calling thread runs a command, the stores it opens report
	 * their transfers to {@code listener} (the command's progress display)
	 * and stop fetching once {@code cancelled} says so. Close the answer when
	 * the command ends.
	 */
	public static Scope during(final TransferListener listener, final BooleanSupplier cancelled) {
		final RemoteOptions before = DURING.get();
		DURING.set(defaults().withListener(listener).withCancel(cancelled));
		return () -> {
			if (before == null) DURING.remove();
			else DURING.set(before);
		};
	}

	/** The end of {@link #during}. */
	public interface Scope extends AutoCloseable {

		@Override
		void close();
	}

	/**
	 * The defaults changed by {@code cryoet.remote.connections},
	 * {@code .retries}, {@code .connect.timeout.ms}, {@code .read.timeout.ms},
	 * {@code .diskcache} (a folder) and {@code .diskcache.bytes}, with the progress
	 * listener and cancel of the command running on this thread ({@link #during}).
	 */
	public static RemoteOptions fromSystemProperties() {
		final RemoteOptions d = DURING.get() != null ? DURING.get() : defaults();
		final String cache = System.getProperty("cryoet.remote.diskcache", "").trim();
		return new RemoteOptions(intProperty("cryoet.remote.connect.timeout.ms", d.connectTimeoutMillis), intProperty(
			"cryoet.remote.read.timeout.ms", d.readTimeoutMillis), intProperty("cryoet.remote.retries", d.retries),
			d.backoffBaseMillis, d.backoffMaxMillis, Math.max(1, intProperty("cryoet.remote.connections", d.connections)),
			cache.isEmpty() ? null : Path.of(cache), longProperty("cryoet.remote.diskcache.bytes", d.diskCacheBytes),
			d.prefetchBytes, d.listener, d.cancelled);
	}

	private static int intProperty(final String name, final int dflt) {
		return (int) longProperty(name, dflt);
	}

	private static long longProperty(final String name, final long dflt) {
		final String v = System.getProperty(name);
		if (v == null || v.trim().isEmpty()) return dflt;
		try {
			return Long.parseLong(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("-D" + name + "=" + v + ": not a whole number");
		}
	}

	public RemoteOptions withTimeouts(final int connectMillis, final int readMillis) {
		return new RemoteOptions(connectMillis, readMillis, retries, backoffBaseMillis, backoffMaxMillis, connections,
			diskCache, diskCacheBytes, prefetchBytes, listener, cancelled);
	}

	public RemoteOptions withRetries(final int count, final int baseMillis, final int maxMillis) {
		return new RemoteOptions(connectTimeoutMillis, readTimeoutMillis, count, baseMillis, maxMillis, connections,
			diskCache, diskCacheBytes, prefetchBytes, listener, cancelled);
	}

	public RemoteOptions withConnections(final int n) {
		return new RemoteOptions(connectTimeoutMillis, readTimeoutMillis, retries, backoffBaseMillis, backoffMaxMillis, n,
			diskCache, diskCacheBytes, prefetchBytes, listener, cancelled);
	}

	public RemoteOptions withDiskCache(final Path folder, final long maxBytes) {
		return new RemoteOptions(connectTimeoutMillis, readTimeoutMillis, retries, backoffBaseMillis, backoffMaxMillis,
			connections, folder, maxBytes, prefetchBytes, listener, cancelled);
	}

	public RemoteOptions withListener(final TransferListener l) {
		return new RemoteOptions(connectTimeoutMillis, readTimeoutMillis, retries, backoffBaseMillis, backoffMaxMillis,
			connections, diskCache, diskCacheBytes, prefetchBytes, l, cancelled);
	}

	public RemoteOptions withCancel(final BooleanSupplier c) {
		return new RemoteOptions(connectTimeoutMillis, readTimeoutMillis, retries, backoffBaseMillis, backoffMaxMillis,
			connections, diskCache, diskCacheBytes, prefetchBytes, listener, c);
	}
}

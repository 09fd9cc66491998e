package org.cryoet.store;

/**
 * Hears about remote requests as they finish, for progress displays (Fiji's
 * status bar, a line on stderr) and for counting requests in tests and
 * benchmarks. Called from fetching threads: implementations must be thread-safe and quick.
 */
public interface TransferListener {

	TransferListener NONE = new TransferListener() {};

	/** A request finished with {@code bytes} of body (a listing page, a value or a range). */
	default void requestDone(final String url, final long bytes) {}

	/** A request failed ({@code why}) and will be tried again after {@code delayMillis}. */
	default void retrying(final String url, final String why, final int attempt, final long delayMillis) {}

	/** Values served from the on-disk cache without a request. */
	default void cacheHit(final String url, final long bytes) {}

	/** Both listeners hear every event. */
	static TransferListener both(final TransferListener a, final TransferListener b) {
		if (a == NONE) return b;
		if (b == NONE) return a;
		return new TransferListener() {

			@Override
			public void requestDone(final String url, final long bytes) {
				a.requestDone(url, bytes);
				b.requestDone(url, bytes);
			}

			@Override
			public void retrying(final String url, final String why, final int attempt, final long delayMillis) {
				a.retrying(url, why, attempt, delayMillis);
				b.retrying(url, why, attempt, delayMillis);
			}

			@Override
			public void cacheHit(final String url, final long bytes) {
				a.cacheHit(url, bytes);
				b.cacheHit(url, bytes);
			}
		};
	}
}

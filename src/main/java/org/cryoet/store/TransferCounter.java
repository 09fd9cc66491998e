package org.cryoet.store;

import java.util.concurrent.atomic.AtomicLong;

/** Counts requests, bytes, retries and cache hits; progress lines read it. */
public final class TransferCounter implements TransferListener {

	private final AtomicLong requests = new AtomicLong(), bytes = new AtomicLong(), retries = new AtomicLong(),
		cacheHits = new AtomicLong();

	@Override
	public void requestDone(final String url, final long n) {
		requests.incrementAndGet();
		bytes.addAndGet(n);
	}

	@Override
	public void retrying(final String url, final String why, final int attempt, final long delayMillis) {
		retries.incrementAndGet();
	}

	@Override
	public void cacheHit(final String url, final long n) {
		cacheHits.incrementAndGet();
	}

	public long requests() {
		return requests.get();
	}

	public long bytes() {
		return bytes.get();
	}

	public long retries() {
		return retries.get();
	}

	public long cacheHits() {
		return cacheHits.get();
	}

	public void reset() {
		requests.set(0);
		bytes.set(0);
		retries.set(0);
		cacheHits.set(0);
	}

	/** "12 requests, 3.4 MB" */
	@Override
	public String toString() {
		return requests() + " requests, " + String.format(java.util.Locale.ROOT, "%.1f MB", bytes() / 1e6) +
			(retries() > 0 ? ", " + retries() + " retries" : "") + (cacheHits() > 0 ? ", " + cacheHits() +
				" from the disk cache" : "");
	}
}

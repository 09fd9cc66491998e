package org.cryoet.store;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Turns transfer events into short progress lines ("remote: 12 requests,
 * 3.4 MB"), at most one per interval, for Fiji's status bar or a line on
 * stderr. Retries are always reported, so a user waiting on a slow server
 * sees why.
 */
public final class TransferReporter implements TransferListener {

	private final TransferCounter counter = new TransferCounter();
	private final Consumer<String> sink;
	private final long intervalNanos;
	private final AtomicLong last = new AtomicLong(System.nanoTime());

	public TransferReporter(final Consumer<String> sink, final long intervalMillis) {
		this.sink = sink;
		this.intervalNanos = intervalMillis * 1_000_000L;
	}

	public TransferCounter counter() {
		return counter;
	}

	@Override
	public void requestDone(final String url, final long bytes) {
		counter.requestDone(url, bytes);
		maybeReport();
	}

	@Override
	public void cacheHit(final String url, final long bytes) {
		counter.cacheHit(url, bytes);
		maybeReport();
	}

	@Override
	public void retrying(final String url, final String why, final int attempt, final long delayMillis) {
		counter.retrying(url, why, attempt, delayMillis);
		sink.accept(String.format(Locale.ROOT, "remote: %s: %s; try %d in %.1f s", url, why, attempt + 1, delayMillis /
			1000.0));
	}

	private void maybeReport() {
		final long now = System.nanoTime(), then = last.get();
		if (now - then >= intervalNanos && last.compareAndSet(then, now)) sink.accept("remote: " + counter);
	}

	/** The totals, once the work is done. */
	public void finish() {
		if (counter.requests() > 0 || counter.cacheHits() > 0) sink.accept("remote: " + counter);
	}
}

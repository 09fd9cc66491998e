package org.cryoet.store;

import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into one array, checking it against its
 * Content-Length: a body that ends early is a {@link TransientFault}, never
 * data. When a server ignored a Range header it skips to the wanted bytes and
 * stops reading (closing the connection) as soon as it has them.
 */
final class BodyCollector implements BodySubscriber<ByteBuffer> {

	/** Marks the time of the last bytes received, for the read timeout. */
	static final class Watch {

		volatile long lastNanos = System.nanoTime();

		void touch() {
			lastNanos = System.nanoTime();
		}
	}

	static final int INITIAL_MAX = 16 << 20;

	private final CompletableFuture<ByteBuffer> result = new CompletableFuture<>();
	private final Watch watch;
	private final long declared;
	private long skip;
	private final long want;
	private byte[] buf;
	private int count;
	private long seen;
	private volatile boolean stopped;
	private Flow.Subscription subscription;

	/**
	 * @param declared the Content-Length, or -1
	 * @param skip bytes to drop first (a ranged request answered with the whole value)
	 * @param want bytes to keep, or -1 for all
	 * @param reuse an array to fill when the value fits, or null
	 */
	BodyCollector(final Watch watch, final long declared, final long skip, final long want, final byte[] reuse) {
		this.watch = watch;
		this.declared = declared;
		this.skip = skip;
		this.want = want;
		long expect = declared >= 0 ? declared - skip : 1 << 16;
		if (want >= 0) expect = Math.min(expect, want);
		// A Content-Length is the server's claim: start at most 16 MiB and grow as bytes really arrive.
		expect = Math.max(0, Math.min(expect, INITIAL_MAX));
		this.buf = reuse != null && reuse.length >= expect ? reuse : new byte[(int) expect];
	}

	@Override
	public void onSubscribe(final Flow.Subscription s) {
		subscription = s;
		// The client buffers and paces delivery itself; asking per piece only adds hand-offs.
		s.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(final List<ByteBuffer> items) {
		watch.touch();
		if (stopped) return;
		for (final ByteBuffer b : items) {
			seen += b.remaining();
			if (skip > 0) {
				final int drop = (int) Math.min(skip, b.remaining());
				b.position(b.position() + drop);
				skip -= drop;
			}
			int n = b.remaining();
			if (want >= 0) n = (int) Math.min(n, want - count);
			if (n > 0) {
				if (count + (long) n > Integer.MAX_VALUE - 16) {
					fail(new StoreException("value larger than 2 GiB"));
					return;
				}
				if (count + n > buf.length) buf = Arrays.copyOf(buf, grown(count + n));
				b.get(buf, count, n);
				count += n;
			}
			if (want >= 0 && count == want) {
				// The server sends more than we asked for: stop here.
				stopped = true;
				subscription.cancel();
				result.complete(ByteBuffer.wrap(buf, 0, count).slice());
				return;
			}
		}
	}

	/**
	 * The next capacity, at least {@code needed}: doubling, but no further
	 * than the bytes still claimed, so that a body whose Content-Length was
	 * trusted only in part ends in an array of exactly its length (a copy per
	 * growth, none at the end). A claim only caps a growth that arriving bytes
	 * pay for: past the first 16 MiB the array never exceeds twice what came.
	 */
	private int grown(final int needed) {
		long size = Math.min(Integer.MAX_VALUE - 16, 2L * buf.length);
		// seen - needed: the bytes skipped so far (and any of this piece past want); skip is 0 here, as a
		// piece is kept only once the skipping is over
		long claimed = declared < 0 ? -1 : declared - (seen - needed);
		if (want >= 0) claimed = claimed < 0 ? want : Math.min(claimed, want);
		if (claimed >= needed) size = Math.min(size, claimed);
		return (int) Math.max(needed, size);
	}

	private void fail(final Throwable t) {
		stopped = true;
		subscription.cancel();
		result.completeExceptionally(t);
	}

	@Override
	public void onError(final Throwable t) {
		if (!stopped) result.completeExceptionally(t);
	}

	@Override
	public void onComplete() {
		if (stopped) return;
		if (declared >= 0 && seen != declared) result.completeExceptionally(new TransientFault("the body ended after " +
			seen + " of its " + declared + " bytes"));
		else result.complete(ByteBuffer.wrap(buf, 0, count).slice());
	}

	@Override
	public CompletionStage<ByteBuffer> getBody() {
		return result;
	}

	/** The array's size now (for tests: it never runs ahead of the bytes that came). */
	int capacity() {
		return buf.length;
	}

	/** Stops the transfer (a cancel or a read timeout). */
	void abandon() {
		stopped = true;
		final Flow.Subscription s = subscription;
		if (s != null) s.cancel();
	}
}

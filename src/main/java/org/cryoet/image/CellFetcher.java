package org.cryoet.image;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Loads cells on background threads for a viewer that must never wait: the
 * most urgent first (coarser levels before finer, then the newest request),
 * each cell queued once. Requests the viewer no longer needs are dropped with
 * {@link #clear()}; it asks again for what it still shows.
 */
final class CellFetcher implements AutoCloseable {

	interface Load {

		void run() throws Exception;
	}

	interface Failure {

		void failed(Object key, Exception e);
	}

	private static final class Request implements Comparable<Request> {

		final Object key;
		final int priority;
		final long sequence;
		final Load load;

		Request(final Object key, final int priority, final long sequence, final Load load) {
			this.key = key;
			this.priority = priority;
			this.sequence = sequence;
			this.load = load;
		}

		@Override
		public int compareTo(final Request o) {
			if (priority != o.priority) return Integer.compare(o.priority, priority);
			return Long.compare(o.sequence, sequence);
		}
	}

	private final PriorityBlockingQueue<Request> queue = new PriorityBlockingQueue<>();
	private final Set<Object> queued = ConcurrentHashMap.newKeySet();
	private final AtomicLong sequence = new AtomicLong();
	private final Failure failure;
	private final Thread[] workers;
	private volatile boolean closed;

	CellFetcher(final String name, final int threads, final Failure failure) {
		this.failure = failure;
		workers = new Thread[threads];
		for (int i = 0; i < threads; i++) {
			workers[i] = new Thread(this::work, name + " loader " + (i + 1));
			workers[i].setDaemon(true);
			workers[i].setPriority(Thread.NORM_PRIORITY - 1);
			workers[i].start();
		}
	}

	/** Queues a load unless the same key is queued or loading already. */
	void request(final Object key, final int priority, final Load load) {
		if (closed || !queued.add(key)) return;
		queue.add(new Request(key, priority, sequence.incrementAndGet(), load));
	}

	/** Forgets the requests that have not started. */
	void clear() {
		Request r;
		while ((r = queue.poll()) != null)
			queued.remove(r.key);
	}

	int pending() {
		return queue.size();
	}

	private void work() {
		while (!closed) {
			final Request r;
			try {
				r = queue.take();
			}
			catch (final InterruptedException e) {
				return;
			}
			try {
				r.load.run();
			}
			catch (final Exception e) {
				if (!closed) failure.failed(r.key, e);
			}
			finally {
				queued.remove(r.key);
			}
		}
	}

	@Override
	public void close() {
		closed = true;
		clear();
		for (final Thread t : workers)
			t.interrupt();
	}
}

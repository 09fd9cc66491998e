package org.cryoet.image;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one piece of I/O work per item on a few threads, and rethrows the
 * first failure as it was. It returns only once none of its workers runs,
 * so no item writes into the caller's arrays after it returned or threw.
 */
public final class Parallel {

	public interface Work<T> {

		void run(T item) throws IOException;
	}

	/**
	 * Worker threads shared by all calls and kept a while between them: an
	 * export reads plane by plane, and fresh threads per call meant fresh
	 * per-thread buffers (a 1 MiB native one for file reads among them), whose
	 * page faults a VM charges dearly. Unbounded, so work that itself runs in
	 * parallel never waits for a thread held by its caller.
	 */
	private static final ExecutorService WORKERS = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
		new SynchronousQueue<>(), r -> {
			final Thread t = new Thread(r, "cryoet-worker");
			t.setDaemon(true);
			return t;
		});

	private Parallel() {}

	/**
	 * @param name the workers' thread name while they run this work
	 * @param done called on this thread after each finished item, in order (for progress)
	 */
	public static <T> void forEach(final List<T> items, final int threads, final String name, final Work<T> work,
		final Runnable done) throws IOException
	{
		if (threads <= 1 || items.size() <= 1) {
			for (final T item : items) {
				work.run(item);
				done.run();
			}
			return;
		}
		final Call<T> call = new Call<>(items, name, work);
		final int workers = Math.min(threads, items.size());
		final CountDownLatch ended = new CountDownLatch(workers);
		int started = 0;
		boolean interrupted = false;
		try {
			for (; started < workers; started++)
				WORKERS.execute(() -> {
					try {
						call.work();
					}
					finally {
						ended.countDown();
					}
				});
			for (final CompletableFuture<Void> f : call.finished) {
				try {
					f.get();
				}
				catch (final ExecutionException | CancellationException e) {
					throw call.failure();
				}
				done.run();
			}
		}
		catch (final InterruptedException e) {
			interrupted = true;
			call.interrupt();
			throw new InterruptedIOException("interrupted");
		}
		finally {
			// After a failure, a cancel or an interrupt the workers take no more items; wait for their last.
			call.stop.set(true);
			for (int w = started; w < workers; w++)
				ended.countDown(); // no thread could be started for it
			while (true) {
				try {
					ended.await();
					break;
				}
				catch (final InterruptedException e) {
					interrupted = true;
				}
			}
			if (interrupted) Thread.currentThread().interrupt();
		}
	}

	/** One call's items, shared by its workers. */
	private static final class Call<T> {

		final List<T> items;
		final String name;
		final Work<T> work;
		final List<CompletableFuture<Void>> finished = new ArrayList<>();
		final AtomicInteger next = new AtomicInteger();
		final AtomicBoolean stop = new AtomicBoolean();
		final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
		/** This call's workers while they work for it; interrupted under this lock only, so never once they left. */
		private final Set<Thread> running = new HashSet<>();

		Call(final List<T> items, final String name, final Work<T> work) {
			this.items = items;
			this.name = name;
			this.work = work;
			for (int i = 0; i < items.size(); i++)
				finished.add(new CompletableFuture<>());
		}

		/** A worker: takes the next item until none is left or one failed; a failure cancels the items not done. */
		void work() {
			final Thread me = Thread.currentThread();
			final String was = me.getName();
			me.setName(name);
			synchronized (running) {
				running.add(me);
			}
			try {
				for (int i; !stop.get() && (i = next.getAndIncrement()) < items.size();) {
					try {
						work.run(items.get(i));
						finished.get(i).complete(null);
					}
					catch (final Throwable e) {
						firstFailure.compareAndSet(null, e);
						stop.set(true);
						finished.get(i).completeExceptionally(e);
						for (final CompletableFuture<Void> f : finished)
							f.cancel(false);
					}
				}
			}
			finally {
				synchronized (running) {
					running.remove(me);
					Thread.interrupted(); // an interrupt meant for this call never reaches the thread's next task
				}
				me.setName(was);
			}
		}

		void interrupt() {
			stop.set(true);
			synchronized (running) {
				for (final Thread t : running)
					t.interrupt();
			}
		}

		/** The failure that came first, to throw as it was. */
		IOException failure() {
			final Throwable c = firstFailure.get();
			if (c instanceof IOException) return (IOException) c;
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			return new IOException(c);
		}
	}
}

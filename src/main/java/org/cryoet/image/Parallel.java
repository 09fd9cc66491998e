package org.cryoet.image;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Runs one piece of I/O work per item on a few threads, and rethrows the first failure as it was. */
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
		final List<CompletableFuture<Void>> finished = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++)
			finished.add(new CompletableFuture<>());
		final AtomicInteger next = new AtomicInteger();
		final AtomicBoolean stop = new AtomicBoolean();
		final AtomicReference<Throwable> failure = new AtomicReference<>();
		// Each worker takes the next item until none is left or one failed; a failure cancels the items not done.
		final Runnable worker = () -> {
			final Thread me = Thread.currentThread();
			final String was = me.getName();
			me.setName(name);
			try {
				for (int i; !stop.get() && (i = next.getAndIncrement()) < items.size();) {
					try {
						work.run(items.get(i));
						finished.get(i).complete(null);
					}
					catch (final Throwable e) {
						failure.compareAndSet(null, e);
						stop.set(true);
						finished.get(i).completeExceptionally(e);
						for (final CompletableFuture<Void> f : finished)
							f.cancel(false);
					}
				}
			}
			finally {
				me.setName(was);
			}
		};
		final List<Future<?>> workers = new ArrayList<>();
		for (int w = Math.min(threads, items.size()); w > 0; w--)
			workers.add(WORKERS.submit(worker));
		boolean ended = false;
		try {
			for (final CompletableFuture<Void> f : finished) {
				f.get();
				done.run();
			}
			ended = true;
		}
		catch (final InterruptedException e) {
			stop.set(true);
			for (final Future<?> w : workers)
				w.cancel(true);
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted");
		}
		catch (final ExecutionException | CancellationException e) {
			// Return only when no worker writes any more, and throw the failure that came first.
			stop.set(true);
			for (final Future<?> w : workers)
				awaitQuietly(w);
			final Throwable c = failure.get();
			if (c instanceof IOException) throw (IOException) c;
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IOException(c);
		}
		finally {
			// done.run() threw (a cancel): the workers finish their items and take no more
			if (!ended) stop.set(true);
		}
	}

	/** Waits for a worker that will stop at its current item; an interrupt is kept for the caller. */
	private static void awaitQuietly(final Future<?> w) {
		boolean interrupted = false;
		while (true) {
			try {
				w.get();
				break;
			}
			catch (final InterruptedException e) {
				interrupted = true;
			}
			catch (final ExecutionException e) {
				break;
			}
		}
		if (interrupted) Thread.currentThread().interrupt();
	}
}

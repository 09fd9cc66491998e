package org.cryoet.image;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs one piece of I/O work per item on a few threads, and rethrows the first failure as it was. */
public final class Parallel {

	public interface Work<T> {

		void run(T item) throws IOException;
	}

	private Parallel() {}

	/** @param done called on this thread after each finished item, in order (for progress) */
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
		final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
			final Thread t = new Thread(r, name);
			t.setDaemon(true);
			return t;
		});
		try {
			final List<Future<?>> futures = new ArrayList<>(items.size());
			for (final T item : items)
				futures.add(pool.submit(() -> {
					work.run(item);
					return null;
				}));
			for (final Future<?> f : futures) {
				f.get();
				done.run();
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException("interrupted");
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof IOException) throw (IOException) e.getCause();
			if (e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw new IOException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
	}
}

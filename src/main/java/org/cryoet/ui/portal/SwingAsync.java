package org.cryoet.ui.portal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import javax.swing.SwingWorker;

/** {@link Async} on a SwingWorker: the work off the event thread, the result back on it. */
final class SwingAsync implements Async {

	@Override
	public <T> void run(final Callable<T> work, final Consumer<T> done, final Consumer<Exception> failed) {
		new SwingWorker<T, Void>() {

			@Override
			protected T doInBackground() throws Exception {
				return work.call();
			}

			@Override
			protected void done() {
				try {
					done.accept(get());
				}
				catch (final ExecutionException e) {
					failed.accept(e.getCause() instanceof Exception ? (Exception) e.getCause() : e);
				}
				catch (final InterruptedException e) {
					Thread.currentThread().interrupt();
				}
			}
		}.execute();
	}
}

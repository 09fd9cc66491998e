package org.cryoet.ui.portal;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs work away from the user interface and hands its result (or failure) back to it. */
public interface Async {

	<T> void run(Callable<T> work, Consumer<T> done, Consumer<Exception> failed);

	/** Everything on the calling thread: for tests. */
	Async INLINE = new Async() {

		@Override
		public <T> void run(final Callable<T> work, final Consumer<T> done, final Consumer<Exception> failed) {
			final T result;
			try {
				result = work.call();
			}
			catch (final Exception e) {
				failed.accept(e);
				return;
			}
			done.accept(result);
		}
	};
}

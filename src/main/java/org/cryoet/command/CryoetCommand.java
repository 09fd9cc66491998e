package org.cryoet.command;

import java.util.concurrent.CancellationException;

import org.cryoet.image.Progress;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

/**
 * What every CryoET command shares: progress to the status bar, real
 * cancellation, and failures reported as one line (to the log and as the
 * cancel reason, which the headless launcher prints and exits on).
 */
public abstract class CryoetCommand implements Command, Cancelable {

	@Parameter
	protected LogService log;

	@Parameter(required = false)
	protected StatusService status;

	/** Set by {@code scripts/cryoet}'s launcher. */
	public static final String LAUNCHER_PROPERTY = "cryoet.launcher";

	private volatile String cancelReason;

	/** The work; throw anything, it is turned into one line. */
	protected abstract void execute() throws Exception;

	@Override
	public final void run() {
		try {
			execute();
		}
		catch (final CancellationException e) {
			if (cancelReason == null) cancel("cancelled");
		}
		catch (final Exception e) {
			final String msg = oneLine(e);
			log.debug(e);
			// Our headless launcher prints the cancel reason itself: one line, not two.
			if (!Boolean.getBoolean(LAUNCHER_PROPERTY)) log.error(msg);
			cancel(msg);
		}
	}

	static String oneLine(final Throwable e) {
		Throwable t = e;
		while ((t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException) && t.getCause() != null)
			t = t.getCause();
		final String m = t.getMessage();
		if (m == null) return t.getClass().getSimpleName();
		if (t instanceof java.nio.file.NoSuchFileException) return m + ": not found";
		if (t instanceof java.nio.file.AccessDeniedException) return m + ": permission denied";
		if (t instanceof OutOfMemoryError) return "out of memory: " + m + " (give Java more memory, or use a coarser level)";
		return m.replace('\n', ' ');
	}

	/** Progress for the core: to the status bar, cancellable from the UI. */
	protected Progress progress() {
		return new Progress() {

			@Override
			public void report(final String message, final double fraction) {
				if (status != null) status.showStatus((int) Math.round(fraction * 1000), 1000, message);
			}

			@Override
			public boolean isCancelled() {
				return CryoetCommand.this.isCanceled();
			}
		};
	}

	@Override
	public boolean isCanceled() {
		return cancelReason != null;
	}

	@Override
	public void cancel(final String reason) {
		cancelReason = reason == null ? "cancelled" : reason;
	}

	@Override
	public String getCancelReason() {
		return cancelReason;
	}
}

package org.cryoet.command;

import java.util.concurrent.CancellationException;

import org.cryoet.image.Progress;
import org.cryoet.store.RemoteOptions;
import org.cryoet.store.TransferReporter;
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

	@Parameter(required = false)
	private CommandReportingService reporting;

	private volatile String cancelReason;
	private volatile Throwable failure;

	/** The work; throw anything, it is turned into one line. */
	protected abstract void execute() throws Exception;

	@Override
	public final void run() {
		// Remote stores opened by the command show their requests in the status bar, and stop when it is cancelled.
		final TransferReporter transfers = new TransferReporter(m -> {
			if (status != null) status.showStatus(m);
		}, 500);
		try (RemoteOptions.Scope s = RemoteOptions.during(transfers, this::isCanceled)) {
			execute();
			transfers.finish(); // the totals, in place of the last interim count
		}
		catch (final CancellationException e) {
			if (cancelReason == null) cancel("cancelled");
		}
		// Errors too: out of memory, or a library of this Fiji too old, is one line like any failure.
		catch (final Exception | OutOfMemoryError | LinkageError e) {
			failure = e;
			final String msg = oneLine(e);
			log.debug(e);
			// Our headless launcher prints the cancel reason itself: one line, not two.
			if (!launcherReports()) log.error(msg);
			cancel(msg);
		}
	}

	/**
	 * The command's text answer: returned as its output where there is no
	 * display (the launcher and Fiji's headless mode print it); with a display
	 * it goes to the log, since a text output would open a window of its own.
	 */
	protected String answer(final String text) {
		if (java.awt.GraphicsEnvironment.isHeadless()) return text;
		for (final String line : text.split("\\n"))
			log.info(line);
		return null;
	}

	/** True when {@code scripts/cryoet} shows the outputs and the failure line; Fiji shows neither for a failed command. */
	protected boolean launcherReports() {
		return reporting != null && reporting.launcherReports();
	}

	/** What made the command fail (for {@code --debug}), or null. */
	public Throwable failure() {
		return failure;
	}

	public static String oneLine(final Throwable e) {
		Throwable t = e;
		while ((t.getMessage() == null || t instanceof java.util.concurrent.ExecutionException ||
			t instanceof ExceptionInInitializerError) && t.getCause() != null)
			t = t.getCause();
		if (t instanceof OutOfMemoryError) return outOfMemory();
		if (t instanceof LinkageError) return "a library is missing or too old in this Java/Fiji (" + t + "): update " +
			"Fiji (Help > Update...) or reinstall the CryoET suite";
		final String m = t.getMessage();
		if (m == null) return t.getClass().getSimpleName();
		if (t instanceof java.nio.file.NoSuchFileException) return m + ": not found";
		if (t instanceof java.nio.file.AccessDeniedException) return m + ": permission denied";
		if (t instanceof java.nio.file.InvalidPathException && m.contains("unmappable")) return m.replace('\n', ' ') +
			" (this Java reads file names as " + System.getProperty("sun.jnu.encoding") + ", which cannot hold this one: " +
			"run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8; scripts/cryoet picks one itself)";
		return m.replace('\n', ' ');
	}

	private static String outOfMemory() {
		final long mb = Runtime.getRuntime().maxMemory() >> 20;
		return "out of memory (Java may use " + mb + " MB): give Java more, e.g. CRYOET_JAVA_OPTS=-Xmx" + Math.max(2,
			2 * ((mb + 1023) / 1024)) + "g for scripts/cryoet or Edit > Options > Memory & Threads in Fiji, " +
			"or choose a coarser level";
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

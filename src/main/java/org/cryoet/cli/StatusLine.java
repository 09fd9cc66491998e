package org.cryoet.cli;

import java.io.PrintStream;

import org.scijava.app.event.StatusEvent;
import org.scijava.event.EventHandler;

/**
 * A command's progress (its status messages: conversion fractions, remote
 * requests, retries) as one line on a terminal, rewritten in place and
 * cleared at the end. Not used when the output goes to a file or a pipe,
 * where the headless contract keeps stderr for the one failure line.
 */
final class StatusLine {

	private static final int WIDTH = 100;

	private final PrintStream err;
	private int shown;
	private boolean closed;

	StatusLine(final PrintStream err) {
		this.err = err;
	}

	@EventHandler
	public synchronized void onEvent(final StatusEvent e) {
		final String m = e.getStatusMessage();
		// events are delivered later on another thread: none may print after the line is cleared
		if (closed || m == null || m.isEmpty()) return;
		String line = m;
		if (e.getProgressMaximum() > 0 && e.getProgressValue() >= 0) line += String.format(java.util.Locale.ROOT,
			" %d%%", Math.round(100.0 * e.getProgressValue() / e.getProgressMaximum()));
		if (line.length() > WIDTH) line = line.substring(0, WIDTH - 3) + "...";
		err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
		err.flush();
		shown = line.length();
	}

	/** Clears the line for good, so the answer or the failure line starts clean. */
	synchronized void clear() {
		closed = true;
		if (shown == 0) return;
		err.print("\r" + " ".repeat(shown) + "\r");
		err.flush();
		shown = 0;
	}
}

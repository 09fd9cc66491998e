package org.cryoet.command;

/** A command's user-facing failure: its message is the one line the user sees. */
public final class CommandFailure extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CommandFailure(final String message, final Throwable cause) {
		super(message, cause);
	}
}

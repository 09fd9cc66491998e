package org.cryoet.format;

import java.io.IOException;

/** A file or key that is not what our reader accepts; the message names it and says why. */
public class FormatException extends IOException {

	private static final long serialVersionUID = 1L;

	public FormatException(final String message) {
		super(message);
	}

	public FormatException(final String message, final Throwable cause) {
		super(message, cause);
	}
}

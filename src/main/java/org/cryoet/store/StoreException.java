package org.cryoet.store;

import java.io.IOException;

/**
 * A store could not give what was asked: the message is one line naming the
 * file or URL and the problem (the HTTP status after the last retry, a
 * truncated body, a key that would leave the store).
 */
public class StoreException extends IOException {

	private static final long serialVersionUID = 1L;

	public StoreException(final String message) {
		super(message);
	}

	public StoreException(final String message, final Throwable cause) {
		super(message, cause);
	}
}

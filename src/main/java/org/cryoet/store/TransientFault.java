package org.cryoet.store;

import java.io.IOException;

/** A try went wrong in a way another try may not (a short body, a dropped connection): retried. */
final class TransientFault extends IOException {

	private static final long serialVersionUID = 1L;

	TransientFault(final String message) {
		super(message);
	}
}

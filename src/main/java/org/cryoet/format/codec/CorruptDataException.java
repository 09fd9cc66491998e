package org.cryoet.format.codec;

import org.cryoet.format.FormatException;

/** Compressed or stored bytes that cannot be what their header or metadata claims. */
public class CorruptDataException extends FormatException {

	private static final long serialVersionUID = 1L;

	public CorruptDataException(final String message) {
		super(message);
	}

	public CorruptDataException(final String message, final Throwable cause) {
		super(message, cause);
	}
}

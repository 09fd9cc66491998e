package org.cryoet.portal.api;

import org.cryoet.format.FormatException;

/** A failure of the portal's API, said in one line that names the endpoint or query and the problem. */
public class PortalApiException extends FormatException {

	private static final long serialVersionUID = 1L;

	public PortalApiException(final String message) {
		super(message);
	}

	public PortalApiException(final String message, final Throwable cause) {
		super(message, cause);
	}
}

package org.cryoet.portal.api;

/** The API did not answer after every retry (502, 503, 504, timeouts, refused connections): perhaps a lighter request will do. */
public class PortalUnavailableException extends PortalApiException {

	private static final long serialVersionUID = 1L;

	public PortalUnavailableException(final String message) {
		super(message);
	}
}

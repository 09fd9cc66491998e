package org.cryoet.portal.api;

/** Browse CryoET Data on a portal page URL: the page's dataset or run through the API, in the Browse contract. */
public final class PortalBrowse {

	private PortalBrowse() {}

	/**
	 * @param input what the user gave (a path or a URL)
	 * @return the listing, or null when the input is not a portal page URL (a local path, say)
	 * @throws PortalApiException when it is a portal URL but not a dataset or run page, or the API fails
	 */
	public static String browse(final String input, final String format) throws PortalApiException {
		final PortalPageUrl page = PortalPageUrl.parse(input);
		if (page == null) {
			if (PortalPageUrl.looksLikePortalPage(input)) throw new PortalApiException(input +
				": not a dataset or run page of the portal (give https://cryoetdataportal.czscience.com/datasets/<id> " +
				"or /runs/<id>)");
			return null;
		}
		final PortalDataset d = PortalClient.configured().open(page);
		return "json".equals(format) ? PortalApiTreeWriter.json(d) : PortalApiTreeWriter.text(d).trim();
	}
}

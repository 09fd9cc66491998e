package org.cryoet.portal.api;

/** What a user searches for: free text, optionally an organism and an annotated object, and how many datasets. */
public final class SearchRequest {

	public final String text;
	public final String organism;
	public final String object;
	public final int limit;

	public SearchRequest(final String text, final String organism, final String object, final int limit) {
		this.text = blankToNull(text);
		this.organism = blankToNull(organism);
		this.object = blankToNull(object);
		this.limit = limit;
	}

	private static String blankToNull(final String s) {
		return s == null || s.trim().isEmpty() ? null : s.trim();
	}
}

package org.cryoet.portal.api;

import java.util.Collections;
import java.util.List;

/** A dataset a search found, and the fields its text matched in (empty when there was no text). */
public final class SearchHit {

	public final PortalDataset dataset;
	public final List<String> matchedIn;

	public SearchHit(final PortalDataset dataset, final List<String> matchedIn) {
		this.dataset = dataset;
		this.matchedIn = Collections.unmodifiableList(matchedIn);
	}
}

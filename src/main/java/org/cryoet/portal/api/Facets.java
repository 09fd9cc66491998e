package org.cryoet.portal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The values a user can filter datasets by: organisms and annotated objects, most frequent first. */
public final class Facets {

	public final List<String> organisms;
	public final List<String> objects;

	public Facets(final List<String> organisms, final List<String> objects) {
		this.organisms = Collections.unmodifiableList(new ArrayList<>(organisms));
		this.objects = Collections.unmodifiableList(new ArrayList<>(objects));
	}
}

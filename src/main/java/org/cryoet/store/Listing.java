package org.cryoet.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a store holds under a prefix: with a delimiter ("/"), the keys directly
 * under it and the common prefixes ("sub-folders", each ending in the
 * delimiter); without one, every key below it. Both lists are sorted.
 */
public final class Listing {

	public final List<String> keys;
	public final List<String> prefixes;

	public Listing(final List<String> keys, final List<String> prefixes) {
		final List<String> k = new ArrayList<>(keys), p = new ArrayList<>(prefixes);
		Collections.sort(k);
		Collections.sort(p);
		this.keys = Collections.unmodifiableList(k);
		this.prefixes = Collections.unmodifiableList(p);
	}

	public boolean isEmpty() {
		return keys.isEmpty() && prefixes.isEmpty();
	}

	@Override
	public String toString() {
		return "keys " + keys + ", prefixes " + prefixes;
	}
}

package org.cryoet.portal.validation;

import com.google.gson.JsonElement;

import java.util.List;

/** A constraint on one JSON value; reports what it finds wrong at {@code path}. */
public interface Rule {

	void check(JsonElement value, String path, List<Problem> problems);

	/** What the rule wants, for messages ("a string", "one of manual, automated"). */
	String expected();

	/** Whether {@code value} satisfies the rule (used by anyOf). */
	default boolean accepts(final JsonElement value) {
		final List<Problem> p = new java.util.ArrayList<>();
		check(value, "", p);
		return p.isEmpty();
	}
}

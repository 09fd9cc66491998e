package org.cryoet.portal.validation;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** A JSON object: its fields' rules and which are required; other fields are not allowed, as in the portal's schemas. */
public final class ObjectRule implements Rule {

	private final String name;
	private final Map<String, Rule> fields = new LinkedHashMap<>();
	private final Set<String> required = new LinkedHashSet<>();

	public ObjectRule(final String name) {
		this.name = name;
	}

	public ObjectRule req(final String field, final Rule rule) {
		fields.put(field, rule);
		required.add(field);
		return this;
	}

	public ObjectRule opt(final String field, final Rule rule) {
		fields.put(field, rule);
		required.remove(field);
		return this;
	}

	/** Optional and nullable, as most schema slots are in JSON. */
	public ObjectRule optNull(final String field, final Rule rule) {
		return opt(field, Rules.nullable(rule));
	}

	@Override
	public void check(final JsonElement v, final String path, final List<Problem> problems) {
		if (v == null || !v.isJsonObject()) {
			problems.add(new Problem(path, "expected " + expected() + ", found " + Rules.describe(v)));
			return;
		}
		final JsonObject o = v.getAsJsonObject();
		for (final String r : required)
			if (!o.has(r)) problems.add(new Problem(path, "required field \"" + r + "\" is missing"));
		for (final Map.Entry<String, JsonElement> e : o.entrySet()) {
			final Rule rule = fields.get(e.getKey());
			final String p = path + Rules.member(e.getKey());
			if (rule != null) rule.check(e.getValue(), p, problems);
			else problems.add(new Problem(p, "field is not allowed in " + name));
		}
	}

	@Override
	public String expected() {
		return "an object (" + name + ")";
	}
}

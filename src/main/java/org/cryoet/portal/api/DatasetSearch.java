package org.cryoet.portal.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Free-text search over datasets in one round trip. The API has no
 * {@code _or}, so each searched field is its own aliased root list with the
 * same card fields; the answer is their union, each dataset tagged with the
 * fields that matched. The organism and object filters are ANDed into every
 * alias; the object filter goes through {@code runsAggregate} so that it
 * never merges with a text criterion on the same relation.
 */
final class DatasetSearch {

	/** alias → (label, where-builder path) */
	private static final String[][] FIELDS = { { "byTitle", "title", "title" }, { "byDescription", "description",
		"description" }, { "byOrganism", "organism", "organismName" }, { "byCell", "cell", "cellName" }, { "byTissue",
			"tissue", "tissueName" }, { "byAnnotatedObject", "annotated object", "runs.annotations.objectName" }, {
				"byIdentifiedObject", "identified object", "runs.identifiedObjects.objectName" }, { "byRunName", "run name",
					"runs.name" }, { "byAuthor", "author", "authors.name" } };

	private DatasetSearch() {}

	static List<SearchHit> run(final GraphQLHttp http, final TreeReader reader, final SearchRequest req)
		throws PortalApiException
	{
		final Map<String, JsonObject> wheres = new LinkedHashMap<>();
		final Map<String, String> labels = new LinkedHashMap<>();
		if (req.text == null) {
			wheres.put("all", facets(req));
			labels.put("all", null);
		}
		else for (final String[] f : FIELDS) {
			final JsonObject w = facets(req);
			put(w, f[2].split("\\."), ilike(req.text));
			wheres.put(f[0], w);
			labels.put(f[0], f[1]);
		}
		final String query = Queries.search(wheres.keySet());
		final JsonObject vars = new JsonObject();
		wheres.forEach(vars::add);
		vars.addProperty("limit", Math.max(1, req.limit));
		final JsonObject data = http.query("SearchDatasets", query, vars);
		final TreeMap<Integer, PortalDataset> found = new TreeMap<>(java.util.Collections.reverseOrder());
		final Map<Integer, List<String>> matched = new LinkedHashMap<>();
		for (final String alias : wheres.keySet())
			for (final JsonElement e : Json.array(data, alias)) {
				final PortalDataset d = reader.dataset(e.getAsJsonObject(), new ArrayList<>());
				found.putIfAbsent(d.id, d);
				final List<String> m = matched.computeIfAbsent(d.id, k -> new ArrayList<>());
				if (labels.get(alias) != null) m.add(labels.get(alias));
			}
		final List<SearchHit> hits = new ArrayList<>();
		for (final PortalDataset d : found.values()) {
			if (hits.size() >= req.limit) break;
			hits.add(new SearchHit(d, matched.get(d.id)));
		}
		return hits;
	}

	private static JsonObject facets(final SearchRequest req) {
		final JsonObject w = new JsonObject();
		// _iregex, not _ilike: the text alias on organismName adds its own _ilike to the same comparator object
		if (req.organism != null) put(w, new String[] { "organismName" }, iregex(req.organism));
		if (req.object != null) {
			final JsonObject filter = new JsonObject();
			put(filter, new String[] { "annotations", "objectName" }, ilike(req.object));
			final JsonObject predicate = new JsonObject();
			predicate.addProperty("_gt", 0);
			final JsonObject count = new JsonObject();
			count.add("filter", filter);
			count.add("predicate", predicate);
			final JsonObject agg = new JsonObject();
			agg.add("count", count);
			w.add("runsAggregate", agg);
		}
		return w;
	}

	private static JsonObject ilike(final String text) {
		final JsonObject c = new JsonObject();
		c.addProperty("_ilike", "%" + escapeLike(text) + "%");
		return c;
	}

	private static JsonObject iregex(final String text) {
		final JsonObject c = new JsonObject();
		c.addProperty("_iregex", escapeRegex(text));
		return c;
	}

	/** A literal in a regex: every character but letters and digits escaped (the same in Postgres and Java). */
	static String escapeRegex(final String s) {
		final StringBuilder sb = new StringBuilder();
		s.codePoints().forEach(c -> {
			if (!Character.isLetterOrDigit(c)) sb.append('\\');
			sb.appendCodePoint(c);
		});
		return sb.toString();
	}

	/** LIKE treats % and _ as wildcards and \ as the escape: a user's text means itself. */
	static String escapeLike(final String s) {
		return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	/** Adds a comparator at a path, merging with what is there (all of a where clause's keys are ANDed). */
	private static void put(final JsonObject where, final String[] path, final JsonObject comparator) {
		JsonObject o = where;
		for (final String key : path) {
			if (!o.has(key)) o.add(key, new JsonObject());
			o = o.getAsJsonObject(key);
		}
		for (final String k : comparator.keySet())
			o.add(k, comparator.get(k));
	}
}

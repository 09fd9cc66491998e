package org.cryoet.portal.api;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/** A search's datasets as lines to read or as JSON to parse. */
public final class SearchResultWriter {

	public static final String PORTAL_PAGE = "https://cryoetdataportal.czscience.com/datasets/";

	private SearchResultWriter() {}

	public static String text(final SearchRequest req, final List<SearchHit> hits) {
		final StringBuilder sb = new StringBuilder();
		sb.append(hits.size()).append(hits.size() == 1 ? " dataset" : " datasets").append(describe(req)).append(
			hits.size() == req.limit ? " (the first " + req.limit + "; raise limit for more)" : "").append('\n');
		for (final SearchHit h : hits) {
			final PortalDataset d = h.dataset;
			sb.append(d.id).append("  ").append(d.title).append("  [").append(d.organism == null ? "organism not given"
				: d.organism).append("]  ").append(d.runCount).append(d.runCount == 1 ? " run" : " runs");
			if (!h.matchedIn.isEmpty()) sb.append("  matched: ").append(String.join(", ", h.matchedIn));
			sb.append("  ").append(PORTAL_PAGE).append(d.id).append('\n');
		}
		return sb.toString().trim();
	}

	private static String describe(final SearchRequest req) {
		final StringBuilder sb = new StringBuilder();
		if (req.text != null) sb.append(" matching \"").append(req.text).append('"');
		if (req.organism != null) sb.append(sb.length() == 0 ? "" : ",").append(" organism like \"").append(req.organism)
			.append('"');
		if (req.object != null) sb.append(sb.length() == 0 ? "" : ",").append(" with annotated object like \"").append(
			req.object).append('"');
		return sb.toString();
	}

	public static String json(final SearchRequest req, final List<SearchHit> hits) {
		final JsonObject root = new JsonObject();
		root.addProperty("query", req.text);
		root.addProperty("organism", req.organism);
		root.addProperty("object", req.object);
		root.addProperty("limit", req.limit);
		final JsonArray ds = new JsonArray();
		for (final SearchHit h : hits) {
			final PortalDataset d = h.dataset;
			final JsonObject o = new JsonObject();
			o.addProperty("id", d.id);
			o.addProperty("title", d.title);
			o.addProperty("organism", d.organism);
			o.addProperty("run_count", d.runCount);
			final JsonArray m = new JsonArray();
			h.matchedIn.forEach(m::add);
			o.add("matched_in", m);
			o.addProperty("portal_url", PORTAL_PAGE + d.id);
			o.addProperty("s3_prefix", d.location == null ? null : d.location.s3);
			o.addProperty("https_prefix", d.location == null ? null : d.location.https);
			o.addProperty("thumbnail_url", d.thumbnailUrl);
			ds.add(o);
		}
		root.add("datasets", ds);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
	}
}

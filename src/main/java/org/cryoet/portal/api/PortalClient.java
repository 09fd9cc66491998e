package org.cryoet.portal.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The portal's GraphQL API, one request per tree level: a search is one
 * request; a run's whole tree is one; a dataset's runs come a page at a time,
 * one request per page (with their tomograms, or with their whole trees).
 * Nested lists longer than the server's cap of 100 cost one more request per
 * 100 items. No ImageJ here; thread-safe.
 */
public final class PortalClient {

	/** Runs per page of a dataset listing. */
	public static final int DEFAULT_PAGE = 100;
	/** Runs per page when each comes with its whole tree (heavier rows: smaller pages). */
	public static final int DEFAULT_TREE_PAGE = 50;

	private final GraphQLHttp http;
	private final TreeReader reader;

	public PortalClient(final GraphQLHttp http) {
		this.http = http;
		this.reader = new TreeReader(http);
	}

	/** A client for the configured endpoint ({@link PortalEndpoint}) and cache ({@link ResponseCache}). */
	public static PortalClient configured() throws PortalApiException {
		return new PortalClient(GraphQLHttp.configured());
	}

	public GraphQLHttp transport() {
		return http;
	}

	/** Datasets by text, organism and object, newest first, in one request. */
	public List<SearchHit> search(final SearchRequest request) throws PortalApiException {
		return DatasetSearch.run(http, reader, request);
	}

	/**
	 * The organisms of all datasets and the objects of all annotations, most
	 * frequent first: one request ({@code groupBy} aggregates).
	 */
	public Facets facets() throws PortalApiException {
		final JsonObject data = http.query("Facets", Queries.FACETS, null);
		return new Facets(values(data, "organisms", "organismName"), values(data, "objects", "objectName"));
	}

	private static List<String> values(final JsonObject data, final String alias, final String field) {
		final List<JsonObject> groups = new ArrayList<>();
		for (final JsonElement e : Json.array(Json.object(data, alias), "aggregate"))
			if (e.isJsonObject() && Json.string(Json.object(e.getAsJsonObject(), "groupBy"), field) != null) groups.add(e
				.getAsJsonObject());
		groups.sort(Comparator.comparingInt((JsonObject g) -> -Json.integer(g, "count", 0)).thenComparing(g -> Json.string(
			Json.object(g, "groupBy"), field)));
		final List<String> out = new ArrayList<>();
		groups.forEach(g -> out.add(Json.string(Json.object(g, "groupBy"), field)));
		return out;
	}

	/** A run's whole tree and its dataset (holding only that run), in one request. */
	public PortalDataset runTree(final int runId) throws PortalApiException {
		final JsonObject vars = new JsonObject();
		vars.addProperty("id", runId);
		final JsonArray runs = Json.array(http.query("RunTree", Queries.RUN_TREE, vars), "runs");
		if (runs.size() == 0) throw new PortalApiException("portal API " + http.endpoint() + ": there is no run " +
			runId);
		final JsonObject r = runs.get(0).getAsJsonObject();
		final List<PortalRun> one = new ArrayList<>();
		one.add(reader.runTree(r));
		return reader.dataset(Json.object(r, "dataset"), one);
	}

	/** A dataset's own fields, without its runs: one request. */
	public PortalDataset dataset(final int datasetId) throws PortalApiException {
		final JsonObject vars = new JsonObject();
		vars.addProperty("id", datasetId);
		final JsonArray ds = Json.array(http.query("Dataset", Queries.DATASET, vars), "datasets");
		if (ds.size() == 0) throw new PortalApiException("portal API " + http.endpoint() + ": there is no dataset " +
			datasetId);
		return reader.dataset(ds.get(0).getAsJsonObject(), new ArrayList<>());
	}

	/** A dataset with every run's whole tree: one request per page of runs. */
	public PortalDataset datasetTree(final int datasetId, final int pageSize) throws PortalApiException {
		final List<PortalRun> runs = new ArrayList<>();
		final JsonObject[] dataset = new JsonObject[1];
		pages("DatasetTree", Queries.DATASET_TREE, datasetId, pageSize, data -> {
			final JsonArray ds = Json.array(data, "datasets");
			if (ds.size() == 0) throw new PortalApiException("portal API " + http.endpoint() + ": there is no dataset " +
				datasetId);
			dataset[0] = ds.get(0).getAsJsonObject();
			for (final JsonElement r : Json.array(data, "runs"))
				runs.add(reader.runTree(r.getAsJsonObject()));
		});
		runs.sort(Comparator.comparing(r -> r.name));
		return reader.dataset(dataset[0], runs);
	}

	/** A dataset's runs with their tomograms and annotation counts: one request per page. */
	public List<PortalRun> listRuns(final int datasetId, final int pageSize) throws PortalApiException {
		final List<PortalRun> runs = new ArrayList<>();
		pages("DatasetRuns", Queries.DATASET_RUNS, datasetId, pageSize, data -> {
			for (final JsonElement r : Json.array(data, "runs"))
				runs.add(reader.runListing(r.getAsJsonObject()));
		});
		return runs;
	}

	private interface PageHandler {

		void accept(JsonObject data) throws PortalApiException;
	}

	/**
	 * A dataset's runs page by page, until {@code runsAggregate}'s count. A page
	 * the server cannot serve even after its retries (the heavy pages of a
	 * dataset with many annotations can time out) is asked for again at half
	 * the size, and the rest follows at that size.
	 */
	private void pages(final String operation, final String query, final int datasetId, final int pageSize,
		final PageHandler handler) throws PortalApiException
	{
		int size = pageSize, offset = 0, total = Integer.MAX_VALUE;
		while (offset < total) {
			final JsonObject data;
			try {
				data = http.query(operation, query, pageVars(datasetId, size, offset));
			}
			catch (final PortalUnavailableException e) {
				if (size == 1) throw e;
				size = Math.max(1, size / 2);
				continue;
			}
			total = Json.count(data, "runsAggregate");
			handler.accept(data);
			final int got = Json.array(data, "runs").size();
			offset += got;
			if (got < size) break;
		}
	}

	/** What a portal page shows: a dataset's whole tree, or a run's. */
	public PortalDataset open(final PortalPageUrl page) throws PortalApiException {
		return page.kind == PortalPageUrl.Kind.RUN ? runTree(page.id) : datasetTree(page.id, DEFAULT_TREE_PAGE);
	}

	private static JsonObject pageVars(final int id, final int limit, final int offset) {
		if (limit < 1) throw new IllegalArgumentException("page size must be at least 1");
		final JsonObject v = new JsonObject();
		v.addProperty("id", id);
		v.addProperty("limit", limit);
		v.addProperty("offset", offset);
		return v;
	}
}

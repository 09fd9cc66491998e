package org.cryoet.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.PortalTreeWriter;
import org.cryoet.testutil.OwnPortalTree;
import org.cryoet.testutil.graphql.TreeRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the portal's schema on a loopback server: contents, paging, requests per operation, faults. */
class PortalClientTest {

	@TempDir
	static Path tmp;

	static PortalApiFixture f;

	@BeforeAll
	static void start() throws Exception {
		f = new PortalApiFixture(tmp);
	}

	@AfterAll
	static void stop() {
		if (f != null) f.close();
	}

	@BeforeEach
	void reset() {
		f.server.resetCounts();
		f.server.latency(0);
		f.server.fail(0, 503);
		f.server.drop(0);
	}

	/** The local contract with every HTTPS URL turned back into a path relative to {@code base}, as locally. */
	static JsonElement relativized(final JsonElement e, final String baseUrl) {
		if (e.isJsonObject()) {
			final JsonObject o = new JsonObject();
			for (final Map.Entry<String, JsonElement> x : e.getAsJsonObject().entrySet())
				o.add(x.getKey(), relativized(x.getValue(), baseUrl));
			return o;
		}
		if (e.isJsonArray()) {
			final JsonArray a = new JsonArray();
			e.getAsJsonArray().forEach(x -> a.add(relativized(x, baseUrl)));
			return a;
		}
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() && e.getAsString().startsWith(TreeRows.HTTPS)) {
			final Path base = Path.of("/" + baseUrl.substring(TreeRows.HTTPS.length()));
			final String rel = base.relativize(Path.of("/" + e.getAsString().substring(TreeRows.HTTPS.length()))).toString();
			return new JsonPrimitive(rel.isEmpty() ? "." : rel);
		}
		return e;
	}

	private static void browseEqualsLocal(final Path bucket, final int datasetId, final String runName)
		throws Exception
	{
		final PortalClient c = f.client();
		final Path dsDir = bucket.resolve(Integer.toString(datasetId));
		final JsonElement local = JsonParser.parseString(PortalTreeWriter.json(PortalDiscovery.discover(dsDir)));
		final PortalDataset d = c.datasetTree(datasetId, PortalClient.DEFAULT_TREE_PAGE);
		final JsonElement api = JsonParser.parseString(PortalApiTreeWriter.json(d));
		assertEquals(local, relativized(api, d.location.https), "Browse of dataset " + datasetId + " via the API");
		assertEquals(1, f.server.requests(), "a dataset of a few runs is one page: one request");
		// a run: its tree in one request, the same as browsing the run folder
		f.server.resetCounts();
		final Path runDir = dsDir.resolve(runName);
		final PortalDataset r = c.runTree(f.runId(datasetId, runName));
		assertEquals(1, f.server.requests(), "a run's tree is one request");
		final JsonElement localRun = JsonParser.parseString(PortalTreeWriter.json(PortalDiscovery.discover(runDir)));
		assertEquals(localRun, relativized(JsonParser.parseString(PortalApiTreeWriter.json(r)), r.runs.get(0).location.https));
	}

	@Test
	void browseThroughTheApiEqualsTheLocalBrowseOfOurTree() throws Exception {
		browseEqualsLocal(f.ownRoot, PortalApiFixture.OWN, OwnPortalTree.RUN);
	}

	@Test
	void browseThroughTheApiEqualsTheLocalBrowseOfTheSharedFixture() throws Exception {
		assumeTrue(f.fixtureRoot != null, "no ../shared/fixtures/portal_new_layout");
		browseEqualsLocal(f.fixtureRoot, PortalApiFixture.FIXTURE, "TS_101");
	}

	@Test
	void theBrowseContractCarriesUrlsInBothSchemes() throws Exception {
		final PortalDataset d = f.client().runTree(f.runId(PortalApiFixture.OWN, OwnPortalTree.RUN));
		final PortalTomogram t = d.runs.get(0).defaultTomogram();
		assertEquals(TreeRows.BUCKET + "70001/RUN_1/Reconstructions/VoxelSpacing10.000/Tomograms/100/RUN_1.zarr",
			t.omezarr.s3);
		assertEquals(TreeRows.HTTPS + "70001/RUN_1/Reconstructions/VoxelSpacing10.000/Tomograms/100/RUN_1.zarr",
			t.omezarr.https);
		final List<String> objects = d.runs.get(0).annotations().stream().map(a -> a.objectName).sorted().collect(
			Collectors.toList());
		assertEquals(List.of("membrane", "ribosome", "thermosome", "vesicle"), objects);
		assertTrue(PortalApiTreeWriter.text(d).contains(TreeRows.BUCKET +
			"70001/RUN_1/Reconstructions/VoxelSpacing10.000/Tomograms/100/RUN_1.mrc"));
	}

	@Test
	void listingADatasetCostsOneRequestPerPage() throws Exception {
		for (final int page : new int[] { 100, 128, 500, 37 }) {
			f.server.resetCounts();
			final List<PortalRun> runs = f.client().listRuns(PortalApiFixture.BIG, page);
			assertEquals(PortalApiFixture.BIG_RUNS, runs.size());
			assertEquals((PortalApiFixture.BIG_RUNS + page - 1) / page, f.server.requests(), "page " + page);
			final List<String> names = runs.stream().map(r -> r.name).collect(Collectors.toList());
			assertEquals(names.stream().sorted().collect(Collectors.toList()), names, "runs in name order");
			assertEquals(PortalApiFixture.BIG_RUNS, names.stream().distinct().count());
			for (final PortalRun r : runs)
				assertEquals(1, r.tomograms().size(), r.name);
			assertEquals(2 + PortalApiFixture.EXTRA_ANNOTATIONS, runs.get(0).annotationCount);
		}
	}

	@Test
	void aPageTheServerCannotServeIsAskedForInHalves() throws Exception {
		f.server.fail(4, 502);
		final List<PortalRun> runs = f.client().listRuns(PortalApiFixture.BIG, 100);
		assertEquals(PortalApiFixture.BIG_RUNS, runs.stream().map(r -> r.name).distinct().count());
		assertEquals(4 + 10, f.server.requests(), "4 failed attempts at 100, then 10 pages of 50");
	}

	@Test
	void aDatasetPastTheNestedCapIsPagedByItsRootList() throws Exception {
		final PortalDataset d = f.client().datasetTree(PortalApiFixture.BIG, 100);
		assertEquals(PortalApiFixture.BIG_RUNS, d.runs.size(), "not cut at 100");
		// 5 pages, and one continuation for run_0000's annotations past 100
		assertEquals(6, f.server.requests(), f.server.operations()::toString);
		assertEquals(152, d.runs.get(0).annotations().size());
	}

	@Test
	void aRunTreePastTheNestedCapFollowsTheCursor() throws Exception {
		final PortalDataset d = f.client().runTree(f.runId(PortalApiFixture.BIG, "run_0000"));
		final List<PortalAnnotation> all = d.runs.get(0).annotations();
		assertEquals(2 + PortalApiFixture.EXTRA_ANNOTATIONS, all.size());
		assertEquals(all.size(), all.stream().map(a -> a.id).distinct().count(), "no annotation twice");
		assertEquals(List.of("RunTree", "More_runs_annotations"), f.server.operations());
	}

	@Test
	void searchFindsByEachFieldInOneRequest() throws Exception {
		final String[][] cases = { { "Own test tree", "title", "70001" }, { "own writers", "description", "70001" }, {
			"paginata", "organism", "80001" }, { "test cell", "cell", "80001" }, { "test tissue", "tissue", "80001" }, {
				"thermosome", "annotated object", "70001" }, { "run_0042", "run name", "80001" }, { "Ada Tester", "author",
					"70001" } };
		for (final String[] c : cases) {
			f.server.resetCounts();
			final List<SearchHit> hits = f.client().search(new SearchRequest(c[0], null, null, 20));
			assertEquals(1, f.server.requests(), "search is one request");
			final SearchHit hit = hits.stream().filter(h -> Integer.toString(h.dataset.id).equals(c[2])).findFirst()
				.orElseThrow(() -> new AssertionError(c[0] + " did not find " + c[2]));
			assertTrue(hit.matchedIn.contains(c[1]), c[0] + ": " + hit.matchedIn);
		}
		final List<SearchHit> big = f.client().search(new SearchRequest("run_0042", null, null, 20));
		assertEquals(1, big.size(), "an underscore in the text is an underscore, not a wildcard");
		assertEquals(PortalApiFixture.BIG_RUNS, big.get(0).dataset.runCount);
	}

	@Test
	void searchFiltersByOrganismAndObject() throws Exception {
		final List<Integer> ribosome = ids(f.client().search(new SearchRequest(null, null, "ribosome", 20)));
		assertTrue(ribosome.contains(PortalApiFixture.OWN) && ribosome.contains(PortalApiFixture.BIG), ribosome
			.toString());
		assertEquals(List.of(PortalApiFixture.BIG), ids(f.client().search(new SearchRequest(null, "paginata", "ribosome",
			20))));
		assertEquals(List.of(), ids(f.client().search(new SearchRequest(null, "paginata", "thermosome", 20))));
		assertEquals(List.of(PortalApiFixture.OWN), ids(f.client().search(new SearchRequest("tree", null, "thermosome",
			20))), "text and object together: the object filter does not merge with the object text search");
		assertEquals(1, f.client().search(new SearchRequest(null, null, null, 1)).size(), "limit");
		assertEquals(List.of(), ids(f.client().search(new SearchRequest("Synthetica", "pombe", null, 20))),
			"text and organism on the same field: both hold");
		final List<SearchHit> both = f.client().search(new SearchRequest("Synthetica", "pagin", null, 20));
		assertEquals(List.of(PortalApiFixture.BIG), ids(both));
		assertEquals(List.of("organism"), both.get(0).matchedIn);
		assertEquals(List.of(PortalApiFixture.BIG), ids(f.client().search(new SearchRequest(null, "a pagin", null, 20))),
			"a space is literal in the organism filter");
	}

	private static List<Integer> ids(final List<SearchHit> hits) {
		final List<Integer> l = new ArrayList<>();
		hits.forEach(h -> l.add(h.dataset.id));
		return l;
	}

	@Test
	void retriesRecoverFromGatewayErrorsAndDroppedConnections() throws Exception {
		final int run = f.runId(PortalApiFixture.OWN, OwnPortalTree.RUN);
		f.server.fail(2, 503);
		assertEquals(OwnPortalTree.RUN, f.client().runTree(run).runs.get(0).name);
		assertEquals(3, f.server.requests());
		f.server.resetCounts();
		f.server.fail(3, 502);
		f.client().runTree(run);
		assertEquals(4, f.server.requests());
		f.server.resetCounts();
		f.server.drop(1);
		f.client().runTree(run);
		assertEquals(2, f.server.requests());
	}

	@Test
	void persistentErrorsAreOneLine() throws Exception {
		f.server.fail(100, 504);
		final PortalApiException e = assertThrows(PortalApiException.class, () -> f.client().runTree(1));
		assertEquals("portal API " + f.server.endpoint() + ", query RunTree: HTTP 504 after 4 attempts", e.getMessage());
		f.server.fail(0, 503);
		final PortalApiException first = assertThrows(PortalApiException.class, () -> f.http().query("TooMany",
			"query TooMany { runs(limitOffset: {limit: 1}) { annotations(first: 101) { edges { node { id } } } } }", null));
		assertTrue(first.getMessage().startsWith("portal API " + f.server.endpoint() + ", query TooMany: "), first
			.getMessage());
		assertTrue(first.getMessage().contains("Argument 'first' cannot be higher than 100."), first.getMessage());
		final PortalApiException offset = assertThrows(PortalApiException.class, () -> f.http().query("NoLimit",
			"query NoLimit { runs(limitOffset: {offset: 5}) { id } }", null));
		assertTrue(offset.getMessage().contains("offset without limit"), offset.getMessage());
		final PortalApiException none = assertThrows(PortalApiException.class, () -> f.client().runTree(-5));
		assertEquals("portal API " + f.server.endpoint() + ": there is no run -5", none.getMessage());
		for (final PortalApiException x : new PortalApiException[] { e, first, offset, none })
			assertFalse(x.getMessage().contains("\n"));
	}

	@Test
	void nestedListsWithoutFirstStopSilentlyAt100() throws Exception {
		final JsonObject data = f.http().query("Raw", "query Raw($id: Int!) { runs(where: {id: {_eq: $id}}) { " +
			"annotations { edges { node { id } } pageInfo { hasNextPage } } } }", idVar(f.runId(PortalApiFixture.BIG,
				"run_0000")));
		final JsonObject conn = data.getAsJsonArray("runs").get(0).getAsJsonObject().getAsJsonObject("annotations");
		assertEquals(100, conn.getAsJsonArray("edges").size(), "the server's cap, as the real one");
		assertTrue(conn.getAsJsonObject("pageInfo").get("hasNextPage").getAsBoolean());
	}

	private static JsonObject idVar(final int id) {
		final JsonObject v = new JsonObject();
		v.addProperty("id", id);
		return v;
	}

	@Test
	void theCacheAnswersRepeatsWithoutARequestUntilItExpires(@TempDir final Path cacheDir) throws Exception {
		final int run = f.runId(PortalApiFixture.OWN, OwnPortalTree.RUN);
		final ResponseCache cache = new ResponseCache(cacheDir, Duration.ofHours(1));
		final PortalClient c = new PortalClient(new GraphQLHttp(f.server.endpoint(), RetryPolicy.DEFAULT, cache, Duration
			.ofSeconds(30)));
		final String first = PortalApiTreeWriter.json(c.runTree(run));
		assertEquals(1, f.server.requests());
		assertEquals(first, PortalApiTreeWriter.json(c.runTree(run)));
		assertEquals(1, f.server.requests(), "answered from disk");
		assertEquals(1, java.nio.file.Files.list(cacheDir).count(), "one file, no temporary left behind");
		final PortalClient expired = new PortalClient(new GraphQLHttp(f.server.endpoint(), RetryPolicy.DEFAULT,
			new ResponseCache(cacheDir, Duration.ZERO), Duration.ofSeconds(30)));
		expired.runTree(run);
		assertEquals(2, f.server.requests(), "an expired entry is fetched again");
	}

	@Test
	void aRunPageStandsForItsDefaultTomogram() throws Exception {
		final int run = f.runId(PortalApiFixture.OWN, OwnPortalTree.RUN);
		assertEquals(TreeRows.HTTPS + "70001/RUN_1/Reconstructions/VoxelSpacing10.000/Tomograms/100/RUN_1.zarr",
			PortalPageInputs.defaultTomogram(f.client(), "https://cryoetdataportal.czscience.com/runs/" + run));
		assertEquals(1, f.server.requests());
		assertEquals(null, PortalPageInputs.defaultTomogram(f.client(), "/data/10000/TS_026"));
		final PortalApiException e = assertThrows(PortalApiException.class, () -> PortalPageInputs.defaultTomogram(f
			.client(), "https://cryoetdataportal.czscience.com/datasets/70001"));
		assertTrue(e.getMessage().contains("give a run page"), e.getMessage());
	}

	@Test
	void listsNeverAskForTheNeuroglancerConfig() {
		for (final String q : new String[] { Queries.RUN_TREE, Queries.DATASET_TREE, Queries.DATASET_RUNS, Queries.search(
			List.of("a", "b")), Queries.continuation("runs", "annotations", "AnnotationPage") })
			assertFalse(q.contains("neuroglancerConfig"), q);
	}
}

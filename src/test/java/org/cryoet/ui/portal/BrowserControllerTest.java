package org.cryoet.ui.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import javax.swing.tree.DefaultMutableTreeNode;

import org.cryoet.portal.api.Facets;
import org.cryoet.portal.api.GraphQLHttp;
import org.cryoet.portal.api.PortalAnnotationFile;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalDataset;
import org.cryoet.portal.api.PortalRun;
import org.cryoet.portal.api.RetryPolicy;
import org.cryoet.portal.api.SearchHit;
import org.cryoet.testutil.OwnPortalTree;
import org.cryoet.testutil.graphql.PortalGraphQLServer;
import org.cryoet.testutil.graphql.PortalTables;
import org.cryoet.testutil.graphql.SyntheticRows;
import org.cryoet.testutil.graphql.TreeRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser's controller without a display: what it shows, what it runs, in how many requests, and its errors. */
class BrowserControllerTest {

	@TempDir
	static Path tmp;

	static PortalTables tables = new PortalTables();
	static PortalGraphQLServer server;

	@BeforeAll
	static void start() throws Exception {
		PortalGraphQLServer.schemaFile();
		OwnPortalTree.write(tmp, false);
		TreeRows.add(tables, tmp, OwnPortalTree.DATASET);
		SyntheticRows.add(tables, 80001, 500, 0);
		server = new PortalGraphQLServer(tables.freeze());
	}

	@AfterAll
	static void stop() {
		if (server != null) server.close();
	}

	/** Records what the controller tells the window. */
	static final class RecordingView implements BrowserController.View {

		Facets facets;
		List<SearchHit> hits;
		List<PortalRun> runs;
		PortalRun run;
		final List<String> statuses = new ArrayList<>();
		String lastError;

		@Override
		public void showFacets(final Facets f) {
			facets = f;
		}

		@Override
		public void showDatasets(final List<SearchHit> h) {
			hits = h;
		}

		@Override
		public void showRuns(final PortalDataset d, final List<PortalRun> r) {
			runs = r;
		}

		@Override
		public void showRun(final PortalRun r) {
			run = r;
		}

		@Override
		public void status(final String message, final boolean error) {
			statuses.add(message);
			if (error) lastError = message;
		}
	}

	final RecordingView view = new RecordingView();
	final List<String> launched = new ArrayList<>();

	PortalClient client() {
		return new PortalClient(new GraphQLHttp(server.endpoint(), new RetryPolicy(2, 1, 5), null, Duration.ofSeconds(
			30)));
	}

	BrowserController controller(final Async async) {
		return new BrowserController(client(), async, (label, input) -> launched.add(label + " " + input), view);
	}

	@BeforeEach
	void reset() {
		server.resetCounts();
		server.fail(0, 503);
	}

	@Test
	void aNewSearchForgetsTheRunShown() {
		final BrowserController c = controller(Async.INLINE);
		c.search("tree", "", "");
		c.selectDataset(view.hits.get(0).dataset);
		c.selectRun(view.runs.get(0));
		assertEquals(OwnPortalTree.RUN, c.currentRun().name);
		c.search("nothing matches this", "", "");
		assertEquals(null, c.currentRun(), "the buttons would still open the last search's run");
	}

	@Test
	void searchListSelectAndOpen() {
		final BrowserController c = controller(Async.INLINE);
		c.search("tree", "", "");
		assertEquals(1, server.requests());
		assertEquals(List.of(70001), view.hits.stream().map(h -> h.dataset.id).collect(Collectors.toList()));
		server.resetCounts();
		c.selectDataset(view.hits.get(0).dataset);
		assertEquals(1, server.requests());
		assertEquals(1, view.runs.size());
		server.resetCounts();
		c.selectRun(view.runs.get(0));
		assertEquals(1, server.requests(), "a run's tree in one request");
		assertEquals(OwnPortalTree.RUN, view.run.name);
		assertEquals(4, view.run.annotations().size());
		assertEquals(OwnPortalTree.RUN, c.currentRun().name);

		final String vs = TreeRows.HTTPS + "70001/RUN_1/Reconstructions/VoxelSpacing10.000/";
		c.openTomogram(null);
		c.openMasks(null);
		c.importPoints(null);
		assertEquals(List.of(BrowserController.OPEN_TOMOGRAM + " " + vs + "Tomograms/100/RUN_1.zarr",
			BrowserController.OPEN_MASK + " " + vs + "Annotations/103/membrane-1.0_segmentationmask.zarr",
			BrowserController.IMPORT_POINTS + " " + vs + "Annotations/100/ribosome-1.0_point.ndjson",
			BrowserController.IMPORT_POINTS + " " + vs + "Annotations/101/thermosome-1.0_orientedpoint.ndjson",
			BrowserController.IMPORT_POINTS + " " + vs + "Annotations/102/vesicle-1.0_instancesegmentation.ndjson"),
			launched);
		assertNull(view.lastError);

		// a selected mask file is no point file: said in the window, nothing run
		launched.clear();
		final PortalAnnotationFile mask = view.run.annotations().stream().flatMap(a -> a.files.stream()).filter(
			f -> f.format.equals("mrc")).findFirst().orElseThrow();
		c.importPoints(mask);
		assertTrue(launched.isEmpty());
		assertEquals("Import CryoET Points: the selected file is a SegmentationMask, not a point annotation",
			view.lastError);
		c.openMasks(mask);
		assertEquals(List.of(BrowserController.OPEN_MASK + " " + vs + "Annotations/103/membrane-1.0_segmentationmask.mrc"),
			launched);
		assertEquals(TreeRows.BUCKET + "70001/RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/103/" +
			"membrane-1.0_segmentationmask.mrc", OpenActions.urls(mask, true));
	}

	@Test
	void aBigDatasetIsListedInPagesAndFacetsComeInOneRequest() {
		final BrowserController c = controller(Async.INLINE);
		c.search("", "paginata", "");
		assertEquals(1, view.hits.size());
		assertEquals(500, view.hits.get(0).dataset.runCount);
		server.resetCounts();
		c.selectDataset(view.hits.get(0).dataset);
		assertEquals(500, view.runs.size());
		assertEquals(5, server.requests(), "500 runs, pages of 100");
		server.resetCounts();
		c.loadFacets();
		assertEquals(1, server.requests());
		assertTrue(view.facets.organisms.contains("Synthetica paginata"), view.facets.organisms::toString);
		assertEquals(List.of("membrane", "ribosome"), view.facets.objects.subList(0, 2),
			"most frequent first (501 each), ties by name");
		assertTrue(view.facets.objects.contains("thermosome"));
	}

	@Test
	void failuresAppearInTheWindowAsOneLine() {
		final BrowserController c = new BrowserController(client(), Async.INLINE, (label, input) -> {
			throw new IllegalStateException("\"" + label + "\" is not installed in this Fiji");
		}, view);
		server.fail(10, 502);
		c.search("x", "", "");
		assertEquals("portal API " + server.endpoint() + ", query SearchDatasets: HTTP 502 after 2 attempts",
			view.lastError);
		assertNull(view.hits);
		server.fail(0, 502);
		c.openTomogram(null);
		assertEquals("Open CryoET Tomogram: this run has no tomogram", view.lastError, "nothing chosen yet");
		c.search("tree", "", "");
		c.selectDataset(view.hits.get(0).dataset);
		c.selectRun(view.runs.get(0));
		c.openTomogram(null);
		assertEquals("Open CryoET Tomogram: \"Open CryoET Tomogram\" is not installed in this Fiji", view.lastError);
	}

	/** Holds work until released, in any order: a slow search answered after a later one. */
	static final class ManualAsync implements Async {

		final List<Runnable> pending = new ArrayList<>();

		@Override
		public <T> void run(final Callable<T> work, final Consumer<T> done, final Consumer<Exception> failed) {
			pending.add(() -> Async.INLINE.run(work, done, failed));
		}
	}

	@Test
	void aLateAnswerNeverReplacesANewerOne() {
		final ManualAsync async = new ManualAsync();
		final BrowserController c = controller(async);
		c.search("paginata", "", "");
		c.search("tree", "", "");
		async.pending.get(1).run();
		async.pending.get(0).run();
		assertEquals(List.of(70001), view.hits.stream().map(h -> h.dataset.id).collect(Collectors.toList()));
		assertFalse(view.statuses.isEmpty());
	}

	@Test
	void theRunTreeShowsEveryEntity() throws Exception {
		final PortalRun run = client().runTree(tables.all("Run").stream().filter(r -> r.get("name").equals(
			OwnPortalTree.RUN)).map(r -> (Integer) r.get("id")).findFirst().orElseThrow()).runs.get(0);
		final DefaultMutableTreeNode root = RunTreeBuilder.build(run);
		final List<String> labels = new ArrayList<>();
		for (final java.util.Enumeration<?> e = root.preorderEnumeration(); e.hasMoreElements();)
			labels.add(e.nextElement().toString());
		assertTrue(labels.contains("Voxel spacing 10.000 \u00c5"), labels::toString);
		assertTrue(labels.contains("Tomogram " + run.tomograms().get(0).id + " (raw), 10 x 12 x 8, default"),
			labels::toString);
		assertTrue(labels.contains("SegmentationMask zarr"), labels::toString);
		assertEquals(1 + 1 + 1 + 1 + 4 + 5, labels.size(), labels::toString);
	}
}

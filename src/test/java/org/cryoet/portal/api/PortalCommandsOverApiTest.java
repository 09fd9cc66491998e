package org.cryoet.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Path;

import org.cryoet.cli.LauncherHarness;
import org.cryoet.testutil.OwnPortalTree;
import org.cryoet.testutil.graphql.TreeRows;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browse CryoET Data on portal page URLs and Search CryoET Portal, through the headless launcher. */
class PortalCommandsOverApiTest {

	@TempDir
	static Path tmp;

	static PortalApiFixture f;

	@BeforeAll
	static void start() throws Exception {
		f = new PortalApiFixture(tmp);
		System.setProperty(PortalEndpoint.PROPERTY, f.server.endpoint().toString());
		System.setProperty(RetryPolicy.ATTEMPTS_PROPERTY, "2");
	}

	@AfterAll
	static void stop() {
		System.clearProperty(PortalEndpoint.PROPERTY);
		System.clearProperty(RetryPolicy.ATTEMPTS_PROPERTY);
		if (f != null) f.close();
	}

	@BeforeEach
	void reset() {
		f.server.resetCounts();
		f.server.fail(0, 503);
	}

	@Test
	void browseOnADatasetPagePrintsTheContractWithUrls() throws Exception {
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Browse CryoET Data",
			"input='https://cryoetdataportal.czscience.com/datasets/70001',format=json");
		assertEquals(0, r.code, r::toString);
		assertEquals(1, f.server.requests());
		assertEquals(JsonParser.parseString(PortalApiTreeWriter.json(f.client().datasetTree(70001, 50))), JsonParser
			.parseString(r.out));
		final JsonObject run = JsonParser.parseString(r.out).getAsJsonObject().getAsJsonArray("datasets").get(0)
			.getAsJsonObject().getAsJsonArray("runs").get(0).getAsJsonObject();
		assertEquals(TreeRows.HTTPS + "70001/RUN_1/", run.get("path").getAsString());
		final JsonArray files = run.getAsJsonArray("voxel_spacings").get(0).getAsJsonObject().getAsJsonArray(
			"annotations").get(0).getAsJsonObject().getAsJsonArray("files");
		assertEquals(TreeRows.HTTPS + "70001/RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/100/" +
			"ribosome-1.0_point.ndjson", files.get(0).getAsJsonObject().get("path").getAsString());
	}

	@Test
	void browseOnARunPageListsThatRun() {
		final int id = f.runId(70001, OwnPortalTree.RUN);
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Browse CryoET Data",
			"input='https://cryoetdataportal.czscience.com/runs/" + id + "'");
		assertEquals(0, r.code, r::toString);
		assertTrue(r.out.contains("Run RUN_1 (id " + id + ")"), r.out);
		assertTrue(r.out.contains("Annotation "), r.out);
		assertEquals(1, f.server.requests());
	}

	@Test
	void browseRefusesOtherPortalPagesInOneLine() {
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Browse CryoET Data",
			"input='https://cryoetdataportal.czscience.com/depositions/10301'");
		assertEquals(1, r.code, r::toString);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.contains("not a dataset or run page of the portal"), r.err);
		final LauncherHarness none = LauncherHarness.run("--headless", "--run", "Browse CryoET Data",
			"input='https://cryoetdataportal.czscience.com/datasets/5'");
		assertEquals(1, none.code, none::toString);
		assertEquals(1, none.err.lines().count(), none::toString);
		assertTrue(none.err.contains("there is no dataset 5"), none.err);
	}

	@Test
	void searchPrintsDatasetsAndWhereTheyMatched() {
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Search CryoET Portal",
			"query='thermosome'");
		assertEquals(0, r.code, r::toString);
		assertEquals(1, f.server.requests());
		assertTrue(r.out.contains("70001  Own test tree  [organism not given]  1 run  matched: annotated object  " +
			"https://cryoetdataportal.czscience.com/datasets/70001"), r.out);
		final LauncherHarness j = LauncherHarness.run("--headless", "--run", "Search CryoET Portal",
			"organism='paginata',object='ribosome',format=json");
		assertEquals(0, j.code, j::toString);
		final JsonArray ds = JsonParser.parseString(j.out).getAsJsonObject().getAsJsonArray("datasets");
		assertEquals(1, ds.size(), j.out);
		assertEquals(80001, ds.get(0).getAsJsonObject().get("id").getAsInt());
		assertEquals(500, ds.get(0).getAsJsonObject().get("run_count").getAsInt());
	}

	@Test
	void anUnavailableApiIsOneLine() {
		f.server.fail(10, 503);
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Search CryoET Portal", "query='x'");
		assertEquals(1, r.code, r::toString);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.contains("query SearchDatasets: HTTP 503 after 2 attempts"), r.err);
	}
}

package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.testutil.OwnPortalTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browse and Validate through the headless launcher: outputs, exit codes and one-line errors. */
class PortalCommandsTest {

	@TempDir
	static Path root;

	static Path dataset;

	@BeforeAll
	static void writeTree() throws Exception {
		dataset = OwnPortalTree.write(root, false);
	}

	@Test
	void browseJsonListsTheTree() {
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Browse CryoET Data", "input='" + dataset +
			"',format=json");
		assertEquals(0, r.code, r::toString);
		final JsonObject o = JsonParser.parseString(r.out).getAsJsonObject();
		assertEquals("RUN_1", o.getAsJsonArray("datasets").get(0).getAsJsonObject().getAsJsonArray("runs").get(0)
			.getAsJsonObject().get("name").getAsString());
		final LauncherHarness text = LauncherHarness.run("--headless", "--run", "Browse CryoET Data", "input='" + dataset +
			"'");
		assertEquals(0, text.code);
		assertTrue(text.out.contains("Annotation 103: membrane (GO:0016020), SegmentationMask"), text.out);
	}

	@Test
	void browseRefusesWhatIsNoPortalTree(@TempDir final Path empty) {
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Browse CryoET Data", "input='" + empty +
			"',format=json");
		assertEquals(1, r.code);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.contains("not a CryoET Data Portal layout"), r::toString);
	}

	@Test
	void validateSaysValidInOneLine() {
		final Path f = dataset.resolve("RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/100/ribosome-1.0.json");
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" + f +
			"'");
		assertEquals(0, r.code, r::toString);
		assertEquals(1, r.out.lines().count());
		assertTrue(r.out.contains("valid annotation metadata under schema 2.0.0 (chosen because"), r.out);
		final LauncherHarness v1 = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" + f +
			"',schema=1.1.0");
		assertEquals(1, v1.code, v1::toString);
		assertTrue(v1.out.contains("$.annotation_ingest_id: field is not allowed in Annotation"), v1.out);
	}

	@Test
	void validateListsEveryProblemWithItsPath(@TempDir final Path tmp) throws Exception {
		final Path f = tmp.resolve("tomogram_metadata.json");
		Files.write(f, ("{\"voxel_spacing\": -1, \"processing\": \"raw\", \"deposition_id\": 1, \"last_updated_at\": 2, " +
			"\"authors\": [], \"dates\": {\"deposition_date\": \"2025-01-01\", \"release_date\": \"01/02/2025\", " +
			"\"last_modified_date\": \"2025-01-01\"}}").getBytes(StandardCharsets.UTF_8));
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" + f +
			"',schema=2.0.0");
		assertEquals(1, r.code);
		assertTrue(r.out.contains("$.voxel_spacing: expected a number of at least 0.001"), r.out);
		assertTrue(r.out.contains("$.dates.release_date: expected a date as YYYY-MM-DD, found \"01/02/2025\""), r.out);
		assertTrue(r.out.contains("$.authors: expected at least 1 item, found 0"), r.out);
		assertTrue(r.out.contains("$: required field \"reconstruction_software\" is missing"), r.out);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.contains("problems as tomogram metadata under schema 2.0.0"), r.err);
	}

	@Test
	void malformedJsonNamesLineAndColumn(@TempDir final Path tmp) throws Exception {
		final Path f = tmp.resolve("run_metadata.json");
		Files.write(f, "{\n  \"run_name\": \"TS_1\"\n  \"deposition_id\": 3\n}".getBytes(StandardCharsets.UTF_8));
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" + f +
			"'");
		assertEquals(1, r.code);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.contains(f + ": malformed JSON at line 3, column"), r.err);
		final LauncherHarness missing = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" +
			tmp.resolve("absent.json") + "'");
		assertTrue(missing.err.contains("absent.json: not found"), missing::toString);
	}
}

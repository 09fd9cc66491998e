package org.cryoet.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.cli.LauncherHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages say what the file is and what was expected, never a library's internals. */
class UserWordsTest {

	@TempDir
	Path tmp;

	private static final String TEXT = "These are my notes about the tomogram, not data.\n".repeat(40);

	@Test
	void aTextFileUnderValidateIsNotJson() throws Exception {
		final Path f = Files.write(tmp.resolve("tomogram_metadata.json"), TEXT.getBytes(StandardCharsets.UTF_8));
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" + f +
			"'");
		check(r, f + ": malformed JSON at line 1, column 8 (this is not JSON text: expected an object in { })");
	}

	@Test
	void aTruncatedZarrayIsCutShort() throws Exception {
		final Path z = Files.createDirectories(tmp.resolve("a.zarr"));
		Files.write(z.resolve(".zarray"), "{\"zarr_format\": 2, \"shape\": [1".getBytes(StandardCharsets.UTF_8));
		final LauncherHarness r = LauncherHarness.convert(z.toString(), 0, tmp.resolve("a.mrc").toString());
		check(r, z.resolve(".zarray") + ": malformed JSON at line 1, column 31 (the text ends early: is the file cut " +
			"short?); expected a Zarr v2 array description");
		Files.write(z.resolve(".zarray"), "[1, 2]".getBytes(StandardCharsets.UTF_8));
		check(LauncherHarness.convert(z.toString(), 0, tmp.resolve("a.mrc").toString()), z.resolve(".zarray") +
			": expected a Zarr v2 array description (a JSON object), found other JSON");
	}

	@Test
	void aTextFileRenamedMrcIsNotAnMrcFile() throws Exception {
		final Path f = Files.write(tmp.resolve("notes.mrc"), TEXT.getBytes(StandardCharsets.UTF_8));
		final LauncherHarness r = LauncherHarness.convert(f.toString(), 0, tmp.resolve("x.tif").toString());
		assertEquals(1, r.code, r::toString);
		assertTrue(r.err.startsWith("cryoet: " + f + ": not an MRC file (no \"MAP \" stamp at byte 208 and an " +
			"implausible header: mode "), r::toString);
		assertTrue(r.err.trim().endsWith("expected an MRC2014 map, image stack or tomogram"), r::toString);
	}

	private static void check(final LauncherHarness r, final String line) {
		assertEquals(1, r.code, r::toString);
		assertEquals("cryoet: " + line, r.err.trim());
		for (final String internal : new String[] { "Exception", "JsonReader", "setLenient", "java." })
			assertFalse(r.err.contains(internal), r::toString);
	}
}

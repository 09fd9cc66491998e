package org.cryoet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.format.FormatException;
import org.cryoet.portal.metadata.MetadataDocument;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.portal.validation.MetadataValidator;
import org.cryoet.portal.validation.SchemaVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata no honest file contains: too deep to walk, or naming files outside the portal tree. */
class HostileMetadataTest {

	@TempDir
	Path tmp;

	private static String deep(final int depth) {
		final StringBuilder sb = new StringBuilder("{\"annotation_object\": ");
		for (int i = 0; i < depth; i++)
			sb.append('[');
		for (int i = 0; i < depth; i++)
			sb.append(']');
		return sb.append('}').toString();
	}

	@Test
	void hundredThousandDeepIsOneLine() throws Exception {
		final Path f = tmp.resolve("ribosome-1.0.json");
		Files.write(f, deep(100_000).getBytes(StandardCharsets.UTF_8));
		final FormatException e = assertThrows(FormatException.class, () -> MetadataDocument.read(f));
		assertEquals(f + ": JSON nested deeper than 128 levels (line 1); not metadata", e.getMessage());
		// Validate CryoET Metadata reads with MetadataFiles: the same one line, before any tree is built.
		assertEquals(e.getMessage(), assertThrows(FormatException.class, () -> MetadataFiles.read(f)).getMessage());
		// A tree made some other way is still one problem for the validator, no StackOverflowError.
		final com.google.gson.JsonObject o = new com.google.gson.JsonObject();
		com.google.gson.JsonArray a = new com.google.gson.JsonArray();
		o.add("annotation_object", a);
		for (int i = 0; i < 100_000; i++) {
			final com.google.gson.JsonArray inner = new com.google.gson.JsonArray();
			a.add(inner);
			a = inner;
		}
		final MetadataValidator.Result r = MetadataValidator.validate(o, MetadataKind.ANNOTATION, SchemaVersion.V2_0_0);
		assertEquals(1, r.problems.size());
		assertEquals("$: nested deeper than 128 levels; not metadata", r.problems.get(0).toString());
	}

	/**
	 * MetadataFiles.read bounds nesting before parsing, so none of its callers (discovery, Opener,
	 * TiltAngles, ExportTarget) holds a tree that a toString or deepCopy would overflow on.
	 */
	@Test
	void metadataFilesBoundsNesting() throws Exception {
		final Path f = tmp.resolve("tomogram_metadata.json");
		Files.write(f, deep(100_000).getBytes(StandardCharsets.UTF_8));
		final FormatException e = assertThrows(FormatException.class, () -> MetadataFiles.read(f));
		assertTrue(e.getMessage().startsWith(f + ": JSON nested deeper than"), e.getMessage());
	}

	/** Found by the Metadata campaign: a field name with a newline made a problem of two lines. */
	@Test
	void problemsStayOnOneLine() {
		final JsonObject o = JsonParser.parseString("{\"dates\\n  version\": 1, \"method_type\": \"hand\\r\\npicked\"}")
			.getAsJsonObject();
		final MetadataValidator.Result r = MetadataValidator.validate(o, MetadataKind.ANNOTATION, SchemaVersion.V2_0_0);
		assertTrue(r.problems.stream().anyMatch(p -> p.toString().equals(
			"$[\"dates\\n  version\"]: field is not allowed in AnnotationMetadata")), r.problems.toString());
		assertTrue(r.problems.stream().anyMatch(p -> p.toString().startsWith("$.method_type: ") && p.toString().contains(
			"found \"hand\\r\\npicked\"")), r.problems.toString());
		for (final org.cryoet.portal.validation.Problem p : r.problems)
			assertTrue(p.toString().indexOf('\n') < 0 && p.toString().indexOf('\r') < 0, p.toString());
	}

	@Test
	void annotationFilesStayInsideThePortalTree() {
		for (final String bad : new String[] { "../../../etc/passwd", "/etc/passwd", "a/../../b_point.ndjson",
			"a\\\\..\\\\b_point.ndjson", "C:/x_point.ndjson", "a//b_point.ndjson", "" })
		{
			final JsonObject o = JsonParser.parseString("{\"files\": [{\"format\": \"ndjson\", \"path\": \"" + bad +
				"\", \"shape\": \"Point\", \"is_visualization_default\": true}]}").getAsJsonObject();
			for (final SchemaVersion v : SchemaVersion.values()) {
				final MetadataValidator.Result r = MetadataValidator.validate(o, MetadataKind.ANNOTATION, v);
				assertTrue(r.problems.stream().anyMatch(p -> p.path.equals("$.files[0].path") && p.message.contains(
					"a relative path inside the portal tree")), bad + " " + v + ": " + r.problems);
			}
		}
		final JsonObject ok = JsonParser.parseString("{\"files\": [{\"format\": \"ndjson\", \"path\": \"10000/TS_026/" +
			"Reconstructions/VoxelSpacing13.480/Annotations/100/ribosome-1.0_point.ndjson\", \"shape\": \"Point\", " +
			"\"is_visualization_default\": true}]}").getAsJsonObject();
		assertFalse(MetadataValidator.validate(ok, MetadataKind.ANNOTATION, SchemaVersion.V2_0_0).problems.stream()
			.anyMatch(p -> p.path.startsWith("$.files")));
	}
}

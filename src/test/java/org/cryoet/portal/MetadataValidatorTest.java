package org.cryoet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.portal.validation.MetadataValidator;
import org.cryoet.portal.validation.Problem;
import org.cryoet.portal.validation.SchemaVersion;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.OwnPortalTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the portal writes is valid; each kind of defect is invalid, reported at its JSON path. */
class MetadataValidatorTest {

	@TempDir
	static Path own;

	@BeforeAll
	static void writeOwnTrees() throws Exception {
		OwnPortalTree.write(own.resolve("seed"), true);
		OwnPortalTree.write(own.resolve("current"), false);
	}

	static List<Path> metadataFiles(final Path root) throws Exception {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(p -> p.toString().endsWith(".json") && !p.toString().contains(".zarr")).sorted().collect(
				Collectors.toList());
		}
	}

	static MetadataValidator.Result auto(final Path f) throws Exception {
		return MetadataValidator.validateAuto(MetadataFiles.read(f), MetadataKind.ofFileName(f.getFileName().toString()),
			f);
	}

	@Test
	void everyFixtureFileIsValidUnderItsVersion() throws Exception {
		final Path f = Fixtures.fixtures();
		final List<Path> files = new ArrayList<>(metadataFiles(f.resolve("portal_old_layout")));
		files.addAll(metadataFiles(f.resolve("portal_new_layout")));
		assertEquals(17, files.size());
		for (final Path file : files) {
			final MetadataValidator.Result r = auto(file);
			assertTrue(r.valid(), () -> file + " " + r.version + ": " + r.problems);
			final boolean old = file.toString().contains("portal_old_layout");
			final boolean dataset = file.getFileName().toString().equals("dataset_metadata.json");
			assertEquals(old && !dataset ? SchemaVersion.V1_1_0 : SchemaVersion.V2_0_0, r.version, file.toString());
		}
	}

	@Test
	void ownTreesAreValid() throws Exception {
		for (final Path file : metadataFiles(own)) {
			final MetadataValidator.Result r = auto(file);
			assertTrue(r.valid(), () -> file + " " + r.version + ": " + r.problems);
			assertEquals(file.toString().contains("/seed/") && !file.toString().endsWith("dataset_metadata.json")
				? SchemaVersion.V1_1_0 : SchemaVersion.V2_0_0, r.version, file.toString());
		}
	}

	/**
	 * The examples: real files are valid; the backend's synthetic test fixtures
	 * carry the defects their sources note (placeholder ids, a typo'd key), and
	 * exactly those are found.
	 */
	@Test
	void portalExamplesGetTheirKnownVerdicts() throws Exception {
		final Path ex = Fixtures.portal().resolve("examples");
		final String[][] expected = { { "real__10027_wnj2019-02-21-4__tomogram_metadata.json", "2.0.0", "" }, {
			"real__10027_wnj2019-02-21-4__tiltseries_metadata.json", "2.0.0", "" }, { "v2fixture__alignment_metadata.json",
				"2.0.0", "" }, { "v2fixture__run_metadata.json", "2.0.0", "" }, { "v1fixture__run_metadata.json", "1.1.0", "" },
			{ "v1fixture__tomogram_metadata.json", "1.1.0", "$.align_softwares" }, { "v2fixture__tomogram_metadata.json",
				"2.0.0", "$.align_softwares" }, { "v1fixture__tiltseries_metadata.json", "1.1.0", "$.related_empiar_entry" }, {
					"v2fixture__tiltseries_metadata.json", "2.0.0", "$.camera.model $.related_empiar_entry" }, {
						"v2fixture__annotation_foo-1.0.json", "2.0.0", "$.annotation_object.id $.annotation_publications $.version" },
			{ "v1fixture__annotation_100-foo-1.0.json", "1.1.0", "$.annotation_object.id $.annotation_publications " +
				"$.authors[0].primary_annotator_status $.authors[2].primary_annotator_status $.version" }, {
					"v1fixture__dataset_metadata.json", "1.1.0", "$.cross_references.publications " +
						"$.cross_references.related_database_entries $.cell_component.id $.cell_strain.id $.cell_type.id $.tissue.id" },
			{ "v2fixture__dataset_metadata.json", "2.0.0", "$ $.cross_references.publications " +
				"$.cross_references.related_database_entries $.cell_component.id $.cell_strain.id $.cell_type.id $.tissue.id" } };
		for (final String[] e : expected) {
			final Path f = ex.resolve(e[0]);
			final MetadataValidator.Result r = MetadataValidator.validate(MetadataFiles.read(f), MetadataKind.ofFileName(e[0]),
				SchemaVersion.of(e[1]));
			final String paths = r.problems.stream().map(p -> p.path).distinct().collect(Collectors.joining(" "));
			assertEquals(e[2], paths, () -> e[0] + ": " + r.problems);
		}
	}

	/** A defect applied to a valid file, and the path where it must be reported. */
	static final class Mutation {

		final String name, path;
		final Consumer<JsonObject> apply;

		Mutation(final String name, final String path, final Consumer<JsonObject> apply) {
			this.name = name;
			this.path = path;
			this.apply = apply;
		}
	}

	static List<Mutation> annotationMutations(final SchemaVersion v) {
		return Arrays.asList(new Mutation("required field removed", "$", o -> o.remove("annotation_method")), new Mutation(
			"bad ontology id", "$.annotation_object.id", o -> o.getAsJsonObject("annotation_object").addProperty("id",
				"GO:12345")), new Mutation("unknown method_type", "$.method_type", o -> o.addProperty("method_type",
					"guessed")), new Mutation("malformed date", "$.dates.release_date", o -> o.getAsJsonObject("dates")
						.addProperty("release_date", "2025-02-30")), new Mutation("extra field", "$.colour", o -> o.addProperty(
							"colour", "red")), new Mutation("bad ORCID", "$.authors[0].ORCID", o -> o.getAsJsonArray("authors").get(0)
								.getAsJsonObject().addProperty("ORCID", "0000-0002-1825")), new Mutation("extra author field",
									"$.authors[0].nickname", o -> o.getAsJsonArray("authors").get(0).getAsJsonObject().addProperty("nickname",
										"A")), new Mutation("wrong type", "$.object_count", o -> o.addProperty("object_count", "two")),
			new Mutation("unknown shape", "$.files[0].shape", o -> o.getAsJsonArray("files").get(0).getAsJsonObject()
				.addProperty("shape", "Blob")));
	}

	@ParameterizedTest
	@EnumSource(SchemaVersion.class)
	void eachDefectIsFoundAtItsPath(final SchemaVersion v) throws Exception {
		final Path valid = own.resolve(v == SchemaVersion.V1_1_0 ? "seed/70001/RUN_1/Tomograms/VoxelSpacing10.000/" +
			"Annotations/100-ribosome-1.0.json" : "current/70001/RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/" +
				"100/ribosome-1.0.json");
		assertTrue(MetadataValidator.validate(MetadataFiles.read(valid), MetadataKind.ANNOTATION, v).valid());
		for (final Mutation m : annotationMutations(v)) {
			final JsonObject o = MetadataFiles.read(valid);
			m.apply.accept(o);
			final List<Problem> p = MetadataValidator.validate(o, MetadataKind.ANNOTATION, v).problems;
			assertEquals(1, p.size(), () -> m.name + ": " + p);
			assertEquals(m.path, p.get(0).path, m.name);
		}
		final Path tomo = own.resolve(v == SchemaVersion.V1_1_0 ? "seed/70001/RUN_1/Tomograms/VoxelSpacing10.000/" +
			"CanonicalTomogram/tomogram_metadata.json" : "current/70001/RUN_1/Reconstructions/VoxelSpacing10.000/" +
				"Tomograms/100/tomogram_metadata.json");
		final JsonObject t = MetadataFiles.read(tomo);
		t.addProperty("processing", "smoothed");
		t.getAsJsonObject("offset").remove("z");
		final List<Problem> p = MetadataValidator.validate(t, MetadataKind.TOMOGRAM, v).problems;
		assertEquals("[$.offset: required field \"z\" is missing, $.processing: expected one of denoised, filtered, raw, " +
			"found \"smoothed\"]", sorted(p).toString());
	}

	@Test
	void versionsDifferWhereTheSchemasDo() throws Exception {
		final JsonObject o = MetadataFiles.read(own.resolve("current/70001/RUN_1/Reconstructions/VoxelSpacing10.000/" +
			"Annotations/100/ribosome-1.0.json"));
		o.getAsJsonObject("annotation_object").addProperty("id", "UniProtKB:P69905");
		o.addProperty("method_type", "simulated");
		assertTrue(MetadataValidator.validate(o, MetadataKind.ANNOTATION, SchemaVersion.V2_0_0).valid());
		final List<String> v1 = MetadataValidator.validate(o, MetadataKind.ANNOTATION, SchemaVersion.V1_1_0).problems
			.stream().map(x -> x.path).sorted().collect(Collectors.toList());
		assertEquals(Arrays.asList("$.alignment_metadata_path", "$.annotation_ingest_id", "$.annotation_object.id",
			"$.method_type"), v1);
		final JsonObject run = JsonParser.parseString("{\"run_name\": \"TS_1\", \"deposition_id\": 1, " +
			"\"last_updated_at\": 2}").getAsJsonObject();
		for (final SchemaVersion v : SchemaVersion.values())
			assertTrue(MetadataValidator.validate(run, MetadataKind.RUN, v).valid(), "run metadata as the portal writes it");
		assertFalse(MetadataValidator.validate(run, MetadataKind.ALIGNMENT, SchemaVersion.V1_1_0).valid(),
			"1.1.0 has no alignments");
	}

	private static List<String> sorted(final List<Problem> p) {
		return p.stream().map(Problem::toString).sorted().collect(Collectors.toList());
	}

	// ---- cross-check against the official JSON Schema ----

	@Test
	void ourV2VerdictsAgreeWithTheOfficialJsonSchema() throws Exception {
		final OfficialSchema official = new OfficialSchema(Fixtures.portal().resolve(
			"schema/v2.0.0/metadata_files.schema.json"));
		final List<Object[]> inputs = new ArrayList<>();
		final Path f = Fixtures.fixtures();
		for (final Path p : metadataFiles(f.resolve("portal_new_layout")))
			inputs.add(new Object[] { p.toString(), MetadataFiles.read(p), MetadataKind.ofFileName(p.getFileName()
				.toString()) });
		for (final Path p : metadataFiles(own.resolve("current")))
			inputs.add(new Object[] { p.toString(), MetadataFiles.read(p), MetadataKind.ofFileName(p.getFileName()
				.toString()) });
		for (final Path p : metadataFiles(Fixtures.portal().resolve("examples")))
			if (!p.getFileName().toString().startsWith("v1fixture") && MetadataKind.ofFileName(p.getFileName()
				.toString()) != MetadataKind.ANNOTATION || p.getFileName().toString().startsWith("v2fixture__annotation"))
				inputs.add(new Object[] { p.toString(), MetadataFiles.read(p), MetadataKind.ofFileName(p.getFileName()
					.toString()) });
		final Path valid = own.resolve("current/70001/RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/103/" +
			"membrane-1.0.json");
		for (final Mutation m : annotationMutations(SchemaVersion.V2_0_0)) {
			final JsonObject o = MetadataFiles.read(valid);
			m.apply.accept(o);
			inputs.add(new Object[] { "mutation: " + m.name, o, MetadataKind.ANNOTATION });
		}
		int compared = 0;
		for (final Object[] in : inputs) {
			final JsonObject json = (JsonObject) in[1];
			final MetadataKind kind = (MetadataKind) in[2];
			final boolean ours = MetadataValidator.validate(json, kind, SchemaVersion.V2_0_0).valid();
			final List<String> theirs = official.problems(json, kind);
			final List<String> beyondDivergence = theirs.stream().filter(t -> !OfficialSchema.documentedDivergence(t, json))
				.collect(Collectors.toList());
			assertEquals(ours, beyondDivergence.isEmpty(), () -> in[0] + ": ours " + ours + ", official " + theirs);
			compared++;
		}
		assertTrue(compared >= 25, "compared " + compared);
	}
}

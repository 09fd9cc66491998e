package org.cryoet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.cryoet.format.FormatException;
import org.cryoet.portal.layout.Annotation;
import org.cryoet.portal.layout.AnnotationFile;
import org.cryoet.portal.layout.Dataset;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.PortalLayout;
import org.cryoet.portal.layout.PortalTreeWriter;
import org.cryoet.portal.layout.Run;
import org.cryoet.portal.layout.VolumeEntry;
import org.cryoet.portal.layout.VoxelSpacing;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.OwnPortalTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Discovery gives the same entities from both layouts and from every entry point. */
class PortalDiscoveryTest {

	@TempDir
	static Path own;

	static Path ownSeed, ownCurrent;

	@BeforeAll
	static void writeOwnTrees() throws Exception {
		ownSeed = OwnPortalTree.write(own.resolve("seed"), true);
		ownCurrent = OwnPortalTree.write(own.resolve("current"), false);
	}

	/** The tree as layout-free facts: ids, names, shapes, formats; no paths. */
	static List<String> facts(final PortalDiscovery.Result r) {
		final List<String> f = new ArrayList<>();
		for (final Dataset d : r.datasets) {
			f.add("dataset " + d.id + (d.metadata != null ? " with metadata" : ""));
			for (final Run run : d.runs) {
				f.add("run " + run.name + (run.metadata != null ? " with metadata" : ""));
				for (final VolumeEntry t : run.tiltSeries)
					f.add("tilt series " + t.id + " " + t.volumes.keySet() + (t.metadata != null ? " with metadata" : ""));
				for (final VoxelSpacing v : run.voxelSpacings) {
					f.add("voxel spacing " + String.format(Locale.ROOT, "%.3f", v.value));
					for (final VolumeEntry t : v.tomograms)
						f.add("tomogram " + t.id + " " + t.volumes.keySet() + (t.metadata != null ? " with metadata" : ""));
					for (final Annotation a : v.annotations) {
						final List<String> files = new ArrayList<>();
						for (final AnnotationFile file : a.files)
							files.add(file.shape + "/" + file.format);
						Collections.sort(files);
						f.add("annotation " + a.id + " " + a.objectName + " " + a.objectId + " v" + a.version + " " + a.shapes() +
							" " + files);
					}
				}
			}
		}
		return f;
	}

	@Test
	void sharedFixtureLayoutsGiveTheSameEntities() throws Exception {
		final Path f = Fixtures.fixtures();
		final PortalDiscovery.Result seed = PortalDiscovery.discover(f.resolve("portal_old_layout/90001"));
		final PortalDiscovery.Result current = PortalDiscovery.discover(f.resolve("portal_new_layout/90001"));
		assertEquals(facts(seed), facts(current));
		assertEquals(PortalLayout.SEED, seed.datasets.get(0).runs.get(0).layout);
		assertEquals(PortalLayout.CURRENT, current.datasets.get(0).runs.get(0).layout);
		final List<String> facts = facts(current);
		assertTrue(facts.contains("annotation 103 membrane GO:0016020 v1.0 [SegmentationMask] [SegmentationMask/mrc, " +
			"SegmentationMask/zarr]"), facts::toString);
		assertTrue(facts.contains("tomogram 100 [mrc, zarr] with metadata"), facts::toString);
		assertEquals(1, current.datasets.get(0).runs.get(0).alignments.size());
		for (final Dataset d : current.datasets)
			assertTrue(d.problems.isEmpty());
	}

	@Test
	void ownTreesGiveTheSameEntitiesInBothLayouts() throws Exception {
		final List<String> seed = facts(PortalDiscovery.discover(ownSeed));
		assertEquals(seed, facts(PortalDiscovery.discover(ownCurrent)));
		assertEquals(9, seed.size(), seed::toString);
		assertTrue(seed.contains("annotation 101 thermosome GO:0005832 v1.0 [OrientedPoint] [OrientedPoint/ndjson]"));
	}

	@Test
	void everyEntryPointFindsItsPartInOurTrees() throws Exception {
		entryPoints(ownSeed, true, OwnPortalTree.RUN, OwnPortalTree.VS);
		entryPoints(ownCurrent, false, OwnPortalTree.RUN, OwnPortalTree.VS);
	}

	@Test
	void everyEntryPointFindsItsPartInTheSharedFixtures() throws Exception {
		entryPoints(Fixtures.fixtures().resolve("portal_old_layout/90001"), true, "TS_101", "VoxelSpacing13.480");
		entryPoints(Fixtures.fixtures().resolve("portal_new_layout/90001"), false, "TS_101", "VoxelSpacing13.480");
	}

	/** Both trees hold a ribosome point annotation (100) and a thermosome oriented-point annotation (101). */
	private static void entryPoints(final Path ds, final boolean seed, final String runName, final String vsName)
		throws Exception
	{
		final Path run = ds.resolve(runName);
		final Path vs = seed ? run.resolve("Tomograms/" + vsName) : run.resolve("Reconstructions/" + vsName);
		final Path tomo = seed ? vs.resolve("CanonicalTomogram") : vs.resolve("Tomograms/100");
		final Path ann = seed ? vs.resolve("Annotations/101-thermosome-1.0.json") : vs.resolve(
			"Annotations/101/thermosome-1.0.json");
		final Path points = seed ? vs.resolve("Annotations/100-ribosome-1.0_point.ndjson") : vs.resolve(
			"Annotations/100/ribosome-1.0_point.ndjson");
		final Path ts = seed ? run.resolve("TiltSeries") : run.resolve("TiltSeries/100");
		final List<String> all = facts(PortalDiscovery.discover(ds));

		assertEquals(all, facts(PortalDiscovery.discover(run)), "a run: the dataset with that run");
		assertEquals(all, facts(PortalDiscovery.discover(ds.getParent())), "a folder of datasets");
		final List<String> fromVs = facts(PortalDiscovery.discover(vs));
		assertTrue(fromVs.stream().noneMatch(x -> x.startsWith("tilt series")), fromVs::toString);
		assertEquals(4, fromVs.stream().filter(x -> x.startsWith("annotation")).count());
		final List<String> fromTomo = facts(PortalDiscovery.discover(tomo));
		assertTrue(fromTomo.contains("tomogram 100 [mrc, zarr] with metadata"), fromTomo::toString);
		assertEquals(4, fromTomo.stream().filter(x -> x.startsWith("annotation")).count(),
			"a tomogram brings the annotations linked to it");
		final List<String> fromAnn = facts(PortalDiscovery.discover(ann));
		assertEquals(1, fromAnn.stream().filter(x -> x.startsWith("annotation")).count(), fromAnn::toString);
		assertTrue(fromAnn.stream().anyMatch(x -> x.startsWith("annotation 101 thermosome")), fromAnn::toString);
		assertTrue(fromAnn.stream().noneMatch(x -> x.startsWith("tomogram")));
		final List<String> fromPoints = facts(PortalDiscovery.discover(points));
		assertEquals(1, fromPoints.stream().filter(x -> x.startsWith("annotation")).count(), fromPoints::toString);
		assertTrue(fromPoints.stream().anyMatch(x -> x.startsWith("annotation 100 ribosome")), fromPoints::toString);
		final List<String> fromTs = facts(PortalDiscovery.discover(ts));
		assertTrue(fromTs.contains("tilt series 100 [mrc, zarr] with metadata"), fromTs::toString);
		assertTrue(fromTs.stream().noneMatch(x -> x.startsWith("voxel spacing")), fromTs::toString);
	}

	/** The seed README spells annotation files with underscores; real keys use hyphens. Both are read. */
	/** A tree in a hidden folder is found; hidden entries inside it are no part of it. */
	@Test
	void aHiddenInputFolderIsBrowsedAndHiddenEntriesAreSkipped(@TempDir final Path tmp) throws Exception {
		final Path trees = tmp.resolve(".trees");
		final Path ds = OwnPortalTree.write(trees, false);
		Files.createDirectories(ds.resolve(".cache").resolve("Reconstructions"));
		final PortalDiscovery.Result r = PortalDiscovery.discover(trees);
		assertEquals(1, r.datasets.size());
		assertEquals(facts(PortalDiscovery.discover(ds)), facts(r));
		assertEquals(List.of(OwnPortalTree.RUN), r.datasets.get(0).runs.stream().map(x -> x.name).collect(java.util
			.stream.Collectors.toList()));
	}

	/** A folder we may not read beside a dataset (lost+found on a data disk) holds nothing: the rest is listed. */
	@Test
	void anUnreadableSiblingFolderIsSkipped(@TempDir final Path tmp) throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final Path closed = Files.createDirectory(tmp.resolve("lost+found"));
		closed.toFile().setReadable(false, false);
		closed.toFile().setExecutable(false, false);
		try {
			org.junit.jupiter.api.Assumptions.assumeFalse(Files.isReadable(closed),
				"this user reads every folder (root): an unreadable folder cannot be made here");
			final PortalDiscovery.Result r = PortalDiscovery.discover(tmp);
			assertEquals(facts(PortalDiscovery.discover(ds)), facts(r));
		}
		finally {
			closed.toFile().setReadable(true, false);
			closed.toFile().setExecutable(true, false);
		}
	}

	@Test
	void seedUnderscoreSpellingIsAccepted(@TempDir final Path tmp) throws Exception {
		final Path ds = OwnPortalTree.write(tmp, true);
		final Path ann = ds.resolve(OwnPortalTree.RUN).resolve("Tomograms").resolve(OwnPortalTree.VS).resolve("Annotations");
		try (java.util.stream.Stream<Path> files = Files.list(ann)) {
			for (final Path f : (Iterable<Path>) files::iterator)
				Files.move(f, f.resolveSibling(f.getFileName().toString().replaceFirst("^(\\d+)-(.+)-(1\\.0)", "$1_$2_$3")));
		}
		assertTrue(Files.exists(ann.resolve("100_ribosome_1.0_point.ndjson")));
		assertEquals(facts(PortalDiscovery.discover(ownSeed)), facts(PortalDiscovery.discover(ds)));
	}

	@Test
	void jsonHasTheDocumentedFieldsWithPathsRelativeToTheInput() throws Exception {
		final JsonObject root = JsonParser.parseString(PortalTreeWriter.json(PortalDiscovery.discover(ownCurrent)))
			.getAsJsonObject();
		final JsonObject d = root.getAsJsonArray("datasets").get(0).getAsJsonObject();
		assertEquals("70001", d.get("id").getAsString());
		assertEquals(".", d.get("path").getAsString());
		final JsonObject run = d.getAsJsonArray("runs").get(0).getAsJsonObject();
		assertEquals("RUN_1", run.get("name").getAsString());
		assertEquals("RUN_1", run.get("path").getAsString());
		final JsonObject ts = run.getAsJsonArray("tilt_series").get(0).getAsJsonObject();
		assertEquals("RUN_1/TiltSeries/100", ts.get("path").getAsString());
		assertEquals("[\"mrc\",\"zarr\"]", ts.get("formats").toString());
		final JsonObject vs = run.getAsJsonArray("voxel_spacings").get(0).getAsJsonObject();
		assertEquals(10.0, vs.get("voxel_spacing").getAsDouble());
		final JsonObject tomo = vs.getAsJsonArray("tomograms").get(0).getAsJsonObject();
		for (final String k : new String[] { "id", "path", "formats", "metadata_path" })
			assertTrue(tomo.has(k), k);
		assertEquals("RUN_1/Reconstructions/VoxelSpacing10.000/Tomograms/100/tomogram_metadata.json", tomo.get(
			"metadata_path").getAsString());
		final JsonArray anns = vs.getAsJsonArray("annotations");
		assertEquals(4, anns.size());
		for (final JsonElement e : anns) {
			final JsonObject a = e.getAsJsonObject();
			for (final String k : new String[] { "id", "metadata_path", "object_name", "object_id", "shapes", "files" })
				assertTrue(a.has(k), k);
			for (final JsonElement file : a.getAsJsonArray("files")) {
				final JsonObject fo = file.getAsJsonObject();
				assertTrue(Files.exists(ownCurrent.resolve(fo.get("path").getAsString())), fo.toString());
				assertNotNull(fo.get("shape").getAsString());
				assertNotNull(fo.get("format").getAsString());
			}
		}
	}

	@Test
	void notAPortalFolderSaysWhichEntryPointsWork(@TempDir final Path tmp) throws Exception {
		Files.createDirectories(tmp.resolve("photos/holiday"));
		final FormatException e = assertThrows(FormatException.class, () -> PortalDiscovery.discover(tmp.resolve(
			"photos")));
		assertTrue(e.getMessage().contains("not a CryoET Data Portal layout") && e.getMessage().contains(
			"a dataset folder, a run folder"), e.getMessage());
		assertTrue(assertThrows(FormatException.class, () -> PortalDiscovery.discover(tmp.resolve("nope"))).getMessage()
			.endsWith("nope: not found"));
	}

	@Test
	void unreadablePartsAreMarkedAndTheRestIsListed(@TempDir final Path tmp) throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final Path run = ds.resolve(OwnPortalTree.RUN);
		final Path broken = run.resolve("Reconstructions/VoxelSpacing10.000/Annotations/100/ribosome-1.0.json");
		Files.write(broken, "{\n  \"annotation_object\": {\"id\": \"GO:0005840\",\n  \"name\": }\n}".getBytes(
			StandardCharsets.UTF_8));
		Files.createDirectories(run.resolve("Reconstructions/VoxelSpacingABC/Tomograms/100"));
		final PortalDiscovery.Result r = PortalDiscovery.discover(ds);
		final Run found = r.datasets.get(0).runs.get(0);
		assertEquals(2, found.voxelSpacings.size());
		final VoxelSpacing good = found.voxelSpacings.get(0), bad = found.voxelSpacings.get(1);
		assertEquals(4, good.annotations.size(), "the broken annotation is still listed");
		final Annotation a = good.annotations.get(0);
		assertEquals(1, a.problems.size());
		assertTrue(a.problems.get(0).contains(broken.toString()) && a.problems.get(0).contains("malformed JSON at line 3, " +
			"column"), a.problems.get(0));
		assertEquals("ribosome", a.objectName, "the name falls back on the file name");
		assertEquals(1, a.files.size());
		assertTrue(Double.isNaN(bad.value));
		assertTrue(bad.problems.get(0).contains("VoxelSpacingABC") && bad.problems.get(0).contains("does not parse"));
		final String text = PortalTreeWriter.text(r);
		assertTrue(text.contains("! could not read: " + broken), text);
		final JsonObject json = JsonParser.parseString(PortalTreeWriter.json(r)).getAsJsonObject();
		assertTrue(json.toString().contains("\"voxel_spacing\":null"));
		assertFalse(json.toString().contains("NaN"));
	}
}

package org.cryoet.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.format.DataType;
import org.cryoet.format.mrc.MrcReader;
import org.cryoet.image.ArrayVolume;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.image.VolumeReader;
import org.cryoet.portal.annotation.AnnotationExporter;
import org.cryoet.portal.annotation.EulerZyz;
import org.cryoet.portal.annotation.ExportSettings;
import org.cryoet.portal.annotation.InvalidMetadataException;
import org.cryoet.portal.annotation.NdjsonPointReader;
import org.cryoet.portal.annotation.PointFormat;
import org.cryoet.portal.annotation.PointKind;
import org.cryoet.portal.annotation.PointTable;
import org.cryoet.portal.annotation.VolumeWriter;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.PortalLayout;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.portal.validation.MetadataValidator;
import org.cryoet.portal.validation.SchemaVersion;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.OwnPortalTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Export of new annotations: layouts and names, validated metadata, atomic groups, hostile names, RELION and copick. */
class AnnotationExportTest {

	@TempDir
	Path tmp;

	static PointTable points() {
		final PointTable t = new PointTable();
		t.add(PointKind.POINT, 1.25, 2.5, 3, null, 0);
		t.add(PointKind.POINT, 4, 5, 6.75, null, 0);
		return t;
	}

	static ExportSettings settings(final Path output, final PortalLayout layout, final SchemaVersion schema) {
		final ExportSettings s = new ExportSettings();
		s.output = output;
		s.layout = layout;
		s.schema = schema;
		s.objectName = "cytosolic ribosome";
		s.objectId = "GO:0022626";
		s.annotationMethod = "picked by hand in Fiji";
		s.methodType = "manual";
		s.authors = "Ada Tester; Jane Doe <0000-0002-1825-0097>";
		s.voxelSpacing = 10;
		s.depositionId = 70101;
		return s;
	}

	private static List<Path> tree(final Path root) throws IOException {
		try (Stream<Path> s = Files.walk(root)) {
			return s.sorted().collect(Collectors.toList());
		}
	}

	private void assertOfficiallyValid(final Path meta) throws Exception {
		final JsonObject json = MetadataFiles.read(meta);
		final OfficialSchema official = new OfficialSchema(Fixtures.portal().resolve(
			"schema/v2.0.0/metadata_files.schema.json"));
		for (final String p : official.problems(json, MetadataKind.ANNOTATION))
			assertTrue(OfficialSchema.documentedDivergence(p, json), p);
	}

	@Test
	void currentLayoutInAPortalRun() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final Path run = ds.resolve(OwnPortalTree.RUN);
		final AnnotationExporter.Result r = AnnotationExporter.exportPoints(settings(run, PortalLayout.CURRENT,
			SchemaVersion.V2_0_0), points(), PointFormat.NDJSON);
		assertEquals("104", r.id);
		final Path dir = run.resolve("Reconstructions/VoxelSpacing10.000/Annotations/104");
		assertEquals(dir.resolve("cytosolic_ribosome-1.0.json"), r.metadata);
		assertEquals(Collections.singletonList(dir.resolve("cytosolic_ribosome-1.0_point.ndjson")), r.files);
		final JsonObject json = MetadataFiles.read(r.metadata);
		assertTrue(MetadataValidator.validate(json, MetadataKind.ANNOTATION, SchemaVersion.V2_0_0).valid());
		assertOfficiallyValid(r.metadata);
		assertEquals("cytosolic ribosome", json.getAsJsonObject("annotation_object").get("name").getAsString());
		assertEquals(2, json.get("object_count").getAsInt());
		assertEquals("104-cytosolic_ribosome-1.0", json.get("annotation_ingest_id").getAsString());
		assertEquals("70001/RUN_1/Alignments/100/alignment_metadata.json", json.get("alignment_metadata_path")
			.getAsString());
		final JsonObject file = json.getAsJsonArray("files").get(0).getAsJsonObject();
		assertEquals("70001/RUN_1/Reconstructions/VoxelSpacing10.000/Annotations/104/cytosolic_ribosome-1.0_point.ndjson",
			file.get("path").getAsString());
		assertEquals("Point", file.get("shape").getAsString());
		final JsonArray authors = json.getAsJsonArray("authors");
		assertEquals("0000-0002-1825-0097", authors.get(1).getAsJsonObject().get("ORCID").getAsString());
		assertTrue(new String(Files.readAllBytes(r.metadata), StandardCharsets.UTF_8).contains("\"version\": 1.0,"));
		// discovery finds it like any other annotation
		final String browse = org.cryoet.portal.layout.PortalTreeWriter.text(PortalDiscovery.discover(r.metadata));
		assertTrue(browse.contains("Annotation 104: cytosolic ribosome (GO:0022626), Point"), browse);
		assertEquals(1.25, new NdjsonPointReader().read(r.files.get(0)).points.x(0));
	}

	@Test
	void seedLayoutTakesTheNextFreeIdAndRefusesToOverwrite() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, true);
		final Path run = ds.resolve(OwnPortalTree.RUN);
		final ExportSettings s = settings(run, PortalLayout.SEED, SchemaVersion.V1_1_0);
		s.objectName = "ribosome";
		s.objectId = "GO:0005840";
		final List<Path> before = tree(tmp);
		final IOException e = assertThrows(IOException.class, () -> AnnotationExporter.exportPoints(s, points(),
			PointFormat.NDJSON));
		assertTrue(e.getMessage().contains("annotation 100 of ribosome version 1.0 already exists (set overwrite=true"), e
			.getMessage());
		assertEquals(before, tree(tmp));
		s.version = 2;
		final AnnotationExporter.Result r = AnnotationExporter.exportPoints(s, points(), PointFormat.NDJSON);
		final Path ann = run.resolve("Tomograms/VoxelSpacing10.000/Annotations");
		assertEquals("104", r.id);
		assertEquals(ann.resolve("104-ribosome-2.0.json"), r.metadata);
		assertEquals(ann.resolve("104-ribosome-2.0_point.ndjson"), r.files.get(0));
		final JsonObject json = MetadataFiles.read(r.metadata);
		assertFalse(json.has("annotation_ingest_id"));
		assertTrue(MetadataValidator.validate(json, MetadataKind.ANNOTATION, SchemaVersion.V1_1_0).valid(), json
			::toString);
		assertEquals(SchemaVersion.V1_1_0, MetadataValidator.validateAuto(json, MetadataKind.ANNOTATION, r.metadata)
			.version);
		// replacing the existing annotation 100 only when asked
		s.version = 1;
		s.overwrite = true;
		final AnnotationExporter.Result again = AnnotationExporter.exportPoints(s, points(), PointFormat.NDJSON);
		assertEquals("100", again.id);
		assertEquals(ann.resolve("100-ribosome-1.0_point.ndjson"), again.files.get(0));
	}

	@Test
	void anyFolderIsTakenAsTheRunFolderAndIdsStartAt100() throws Exception {
		final Path out = tmp.resolve("new");
		final AnnotationExporter.Result r = AnnotationExporter.exportPoints(settings(out, PortalLayout.SEED,
			SchemaVersion.V1_1_0), points(), PointFormat.NDJSON);
		assertEquals(out.resolve("Tomograms/VoxelSpacing10.000/Annotations/100-cytosolic_ribosome-1.0.json"), r.metadata);
		final AnnotationExporter.Result r2 = AnnotationExporter.exportPoints(settings(tmp.resolve("cur"),
			PortalLayout.CURRENT, SchemaVersion.V2_0_0), points(), PointFormat.NDJSON);
		assertEquals(tmp.resolve("cur/Reconstructions/VoxelSpacing10.000/Annotations/100/cytosolic_ribosome-1.0.json"), r2
			.metadata);
	}

	@Test
	void invalidMetadataWritesNothingAndListsEveryProblem() throws Exception {
		final Path ds = OwnPortalTree.write(tmp, false);
		final List<Path> before = tree(tmp);
		final ExportSettings s = settings(ds.resolve(OwnPortalTree.RUN), PortalLayout.CURRENT, SchemaVersion.V2_0_0);
		s.objectId = "ribosome";
		s.authors = "Ada <0000-0002>";
		s.methodType = "by eye";
		final InvalidMetadataException e = assertThrows(InvalidMetadataException.class, () -> AnnotationExporter
			.exportPoints(s, points(), PointFormat.NDJSON));
		assertEquals(3, e.problems.size(), e::getMessage);
		assertTrue(e.getMessage().contains("$.annotation_object.id: "), e.getMessage());
		assertTrue(e.getMessage().contains("$.authors[0].ORCID: "), e.getMessage());
		assertTrue(e.getMessage().contains("$.method_type: "), e.getMessage());
		assertEquals(before, tree(tmp));
		// under 1.1.0 only GO ids are objects
		final ExportSettings v1 = settings(tmp.resolve("v1"), PortalLayout.SEED, SchemaVersion.V1_1_0);
		v1.objectId = "UniProtKB:P69905";
		assertThrows(InvalidMetadataException.class, () -> AnnotationExporter.exportPoints(v1, points(),
			PointFormat.NDJSON));
		assertFalse(Files.exists(tmp.resolve("v1")));
	}

	@Test
	void hostileNamesNeverEscapeTheOutput() throws Exception {
		final Path out = tmp.resolve("out");
		Files.createDirectories(out);
		for (final String name : new String[] { "../../x", "a/b", "..", ".hidden", "x..y", "a\\b", "", "c:d", "x\u0000" }) {
			final ExportSettings s = settings(out, PortalLayout.CURRENT, SchemaVersion.V2_0_0);
			s.objectName = name;
			final Exception e = assertThrows(IllegalArgumentException.class, () -> AnnotationExporter.exportPoints(s,
				points(), PointFormat.NDJSON), name);
			assertTrue(e.getMessage().startsWith("object_name"), e.getMessage());
		}
		assertEquals(Collections.singletonList(out), tree(out));
		assertEquals(Collections.singletonList(tmp), tree(tmp).stream().filter(p -> !p.startsWith(out)).collect(
			Collectors.toList()));
	}

	@Test
	void relionAnglesFollowThePortalsConversion() {
		assertArrayEquals(new double[] { 0, 0, -1, 0, 1, 0, 1, 0, 0 }, EulerZyz.matrix(0, 90, 0), 1e-15);
		assertArrayEquals(new double[] { 0, 90, 0 }, EulerZyz.angles(new double[] { 0, 0, -1, 0, 1, 0, 1, 0, 0 }), 1e-12);
		// rot 90 alone: active Rz(90) = [[0,-1,0],[1,0,0],[0,0,1]], inverted
		assertArrayEquals(new double[] { 0, 1, 0, -1, 0, 0, 0, 0, 1 }, EulerZyz.matrix(90, 0, 0), 1e-15);
		assertArrayEquals(new double[] { 90, 0, 0 }, EulerZyz.angles(EulerZyz.matrix(90, 0, 0)), 1e-12);
		final java.util.Random r = new java.util.Random(3);
		for (int i = 0; i < 1000; i++) {
			final double[] m = EulerZyz.matrix(r.nextDouble() * 360 - 180, r.nextDouble() * 180, r.nextDouble() * 360 - 180);
			assertArrayEquals(m, EulerZyz.matrix(EulerZyz.angles(m)[0], EulerZyz.angles(m)[1], EulerZyz.angles(m)[2]), 1e-9);
		}
	}

	@Test
	void relionAndCopickFiles() throws Exception {
		final PointTable t = new PointTable();
		t.add(PointKind.ORIENTED_POINT, 10, 20, 30.5, new double[] { 0, 0, -1, 0, 1, 0, 1, 0, 0 }, 0);
		final AnnotationExporter.Result star = AnnotationExporter.exportPoints(settings(tmp.resolve("r"),
			PortalLayout.CURRENT, SchemaVersion.V2_0_0), t, PointFormat.RELION);
		assertTrue(star.files.get(0).toString().endsWith("cytosolic_ribosome-1.0_orientedpoint.star"));
		final List<String> lines = Files.readAllLines(star.files.get(0));
		assertTrue(lines.contains("_rlnAngleTilt #6"));
		assertTrue(lines.contains("r\t10.0\t20.0\t30.5\t0.0\t90.0\t0.0"), lines::toString);
		assertEquals("relion3_star", MetadataFiles.read(star.metadata).getAsJsonArray("files").get(0).getAsJsonObject().get(
			"format").getAsString());
		final AnnotationExporter.Result cp = AnnotationExporter.exportPoints(settings(tmp.resolve("c"),
			PortalLayout.CURRENT, SchemaVersion.V2_0_0), t, PointFormat.COPICK);
		final JsonObject picks = JsonParser.parseString(Files.readString(cp.files.get(0))).getAsJsonObject();
		assertEquals("cytosolic ribosome", picks.get("pickable_object_name").getAsString());
		final JsonObject p = picks.getAsJsonArray("points").get(0).getAsJsonObject();
		assertEquals(100.0, p.getAsJsonObject("location").get("x").getAsDouble());
		assertEquals(305.0, p.getAsJsonObject("location").get("z").getAsDouble());
		assertEquals("[[0.0,0.0,-1.0,0.0],[0.0,1.0,0.0,0.0],[1.0,0.0,0.0,0.0],[0.0,0.0,0.0,1.0]]", p.get("transformation_")
			.toString());
		final PointTable inst = new PointTable();
		inst.add(PointKind.INSTANCE_POINT, 1, 2, 3, null, 5);
		assertThrows(IllegalArgumentException.class, () -> AnnotationExporter.exportPoints(settings(tmp.resolve("i"),
			PortalLayout.CURRENT, SchemaVersion.V2_0_0), inst, PointFormat.RELION));
	}

	@Test
	void masksAsThePortalWritesThem() throws Exception {
		final int[] shape = { 6, 8, 10 };
		final short[] labels = new short[6 * 8 * 10];
		for (int i = 0; i < labels.length; i++)
			labels[i] = (short) (i % 7 == 0 ? 3 : i % 11 == 0 ? 9 : 0);
		final MultiscaleVolume v = new MultiscaleVolume("m", Collections.singletonList(new ArrayVolume(DataType.UINT16,
			shape, labels, "m")), Collections.singletonList(new double[] { 10, 10, 10 }), Collections.singletonList(
				new double[3]), false, Collections.emptyList());
		final VolumeWriter zarr = (vol, t) -> new org.cryoet.convert.OmeZarrExport(1, vol.labelImage
			? org.cryoet.image.Downsampling.NEAREST : org.cryoet.image.Downsampling.ANY).export(vol, 0, t,
				org.cryoet.image.Progress.NONE);
		final VolumeWriter mrc = (vol, t) -> new org.cryoet.convert.MrcExport(1).export(vol, 0, t,
			org.cryoet.image.Progress.NONE);
		final ExportSettings s = settings(tmp.resolve("run"), PortalLayout.CURRENT, SchemaVersion.V2_0_0);
		s.objectName = "membrane";
		s.objectId = "GO:0016020";
		final AnnotationExporter.Result sem = AnnotationExporter.exportMask(s, v, false, zarr, mrc);
		final Path dir = tmp.resolve("run/Reconstructions/VoxelSpacing10.000/Annotations/100");
		assertEquals(dir.resolve("membrane-1.0_segmentationmask.mrc"), sem.files.get(0));
		assertEquals(dir.resolve("membrane-1.0_segmentationmask.zarr"), sem.files.get(1));
		final MultiscaleVolume back = new VolumeOpener(new ChunkCache(1 << 20)).open(sem.files.get(1));
		assertEquals(3, back.levels.size());
		assertEquals(DataType.INT8, back.level(0).type());
		final byte[] b = (byte[]) VolumeReader.readAll(back.level(0), 1);
		for (int i = 0; i < b.length; i++)
			assertEquals(labels[i] != 0 ? 1 : 0, b[i]);
		try (MrcReader m = MrcReader.open(sem.files.get(0))) {
			assertEquals(0, m.header().mode);
			assertEquals(10, m.header().voxelSize()[0], 1e-4);
		}
		assertEquals(1, MetadataFiles.read(sem.metadata).get("object_count").getAsInt());
		assertOfficiallyValid(sem.metadata);
		s.objectName = "vesicle";
		s.objectId = "GO:0031982";
		final AnnotationExporter.Result inst = AnnotationExporter.exportMask(s, v, true, zarr, mrc);
		assertEquals("101", inst.id);
		assertTrue(inst.files.get(1).toString().endsWith("/101/vesicle-1.0_instancesegmentationmask.zarr"));
		final String zattrs = Files.readString(inst.files.get(1).resolve(".zattrs"));
		final JsonObject ms = JsonParser.parseString(zattrs).getAsJsonObject().getAsJsonArray("multiscales").get(0)
			.getAsJsonObject();
		assertEquals("[{\"label-value\":3},{\"label-value\":9}]", ms.getAsJsonObject("metadata").getAsJsonObject(
			"image-label").getAsJsonArray("colors").toString());
		try (MrcReader m = MrcReader.open(inst.files.get(0))) {
			assertEquals(6, m.header().mode);
		}
		assertEquals(2, MetadataFiles.read(inst.metadata).get("object_count").getAsInt());
		assertOfficiallyValid(inst.metadata);
	}
}

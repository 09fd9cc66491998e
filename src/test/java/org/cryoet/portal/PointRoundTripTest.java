package org.cryoet.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;

import ij.ImagePlus;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.portal.annotation.AnnotationExporter;
import org.cryoet.portal.annotation.ExportSettings;
import org.cryoet.portal.annotation.NdjsonPointReader;
import org.cryoet.portal.annotation.PointAnnotationSource;
import org.cryoet.portal.annotation.PointFormat;
import org.cryoet.portal.annotation.PointTable;
import org.cryoet.portal.layout.PortalLayout;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.portal.validation.MetadataValidator;
import org.cryoet.portal.validation.SchemaVersion;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.TestImages;
import org.cryoet.ui.roi.PointExporter;
import org.cryoet.ui.roi.PointImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import → RoiSet zip → export gives back the input points, with metadata our validator and the official schema accept. */
class PointRoundTripTest {

	@TempDir
	Path tmp;

	@Test
	void everyFixtureFileComesBackThroughARoiSet() throws Exception {
		final List<Path> files;
		try (Stream<Path> s = Files.walk(Fixtures.fixtures())) {
			files = s.filter(p -> p.toString().endsWith(".ndjson")).sorted().collect(Collectors.toList());
		}
		final OfficialSchema official = new OfficialSchema(Fixtures.portal().resolve(
			"schema/v2.0.0/metadata_files.schema.json"));
		int n = 0;
		for (final Path f : files)
			for (final PortalLayout layout : new PortalLayout[] { PortalLayout.CURRENT, PortalLayout.SEED }) {
				final PointAnnotationSource src = PointAnnotationSource.resolve(f).get(0);
				final int level = n++ % 3;
				final ImagePlus imp = TestImages.tomogram(src.tomogram, level);
				final Path zip = tmp.resolve(n + ".zip");
				PointImporter.run(f, imp, level, zip, false);
				final ExportSettings s = new ExportSettings();
				s.output = tmp.resolve("out" + n);
				s.layout = layout;
				s.schema = layout == PortalLayout.CURRENT ? SchemaVersion.V2_0_0 : SchemaVersion.V1_1_0;
				s.annotationMethod = "round trip";
				s.authors = "Ada Tester <0000-0002-1825-0097>";
				final AnnotationExporter.Result r = PointExporter.run(s, zip, null, PointFormat.NDJSON);
				assertEquals(src.voxelSpacing, s.voxelSpacing);
				final PointTable in = new NdjsonPointReader().read(f).points, out = new NdjsonPointReader().read(r.files.get(0))
					.points;
				org.cryoet.ui.roi.PointImportTestSupport.assertSamePoints(in, out);
				// nothing moved: the very same bytes
				assertEquals(Files.readString(f), Files.readString(r.files.get(0)), f::toString);
				assertTrue(r.files.get(0).getFileName().toString().endsWith(f.getFileName().toString().replaceAll("^.*_", "_")),
					r.files::toString);
				final JsonObject json = MetadataFiles.read(r.metadata);
				assertEquals(src.objectName, json.getAsJsonObject("annotation_object").get("name").getAsString());
				assertTrue(MetadataValidator.validate(json, MetadataKind.ANNOTATION, s.schema).valid());
				if (s.schema == SchemaVersion.V2_0_0) for (final String p : official.problems(json, MetadataKind.ANNOTATION))
					assertTrue(OfficialSchema.documentedDivergence(p, json), p);
			}
		assertEquals(12, n);
	}
}

package org.cryoet.portal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cryoet.portal.metadata.AnnotationMetadata;
import org.cryoet.portal.metadata.AnnotationShape;
import org.cryoet.portal.metadata.MetadataDocument;
import org.cryoet.portal.metadata.MethodType;
import org.cryoet.portal.metadata.TiltSeriesMetadata;
import org.cryoet.portal.metadata.TomogramMetadata;
import org.cryoet.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata models: typed where the schema is precise, and written back byte for byte as the portal wrote them. */
class MetadataDocumentTest {

	/**
	 * Files the portal wrote (json.dumps, indent 4) come back byte for byte;
	 * the backend's hand-written test fixtures come back with every key, in
	 * order, and every value unchanged.
	 */
	@Test
	void everyPortalFileRoundTrips(@TempDir final Path tmp) throws Exception {
		final List<Path> files = new ArrayList<>(MetadataValidatorTest.metadataFiles(Fixtures.fixtures().resolve(
			"portal_new_layout")));
		files.addAll(MetadataValidatorTest.metadataFiles(Fixtures.fixtures().resolve("portal_old_layout")));
		try (java.util.stream.Stream<Path> ex = Files.list(Fixtures.portal().resolve("examples"))) {
			ex.filter(p -> p.toString().endsWith("metadata.json") || p.getFileName().toString().contains("annotation_"))
				.sorted().forEach(files::add);
		}
		int n = 0;
		for (final Path f : files) {
			final MetadataDocument d = MetadataDocument.read(f);
			final Path out = tmp.resolve(n++ + "_" + f.getFileName());
			d.write(out, false);
			final String before = new String(Files.readAllBytes(f), StandardCharsets.UTF_8).trim();
			final String after = new String(Files.readAllBytes(out), StandardCharsets.UTF_8).trim();
			if (f.getFileName().toString().contains("fixture__")) {
				assertEquals(JsonParser.parseString(before), JsonParser.parseString(after), f.toString());
				assertEquals(JsonParser.parseString(before).getAsJsonObject().keySet().toString(), JsonParser.parseString(after)
					.getAsJsonObject().keySet().toString(), f.toString());
			}
			else assertEquals(before, after, f.toString());
		}
		assertTrue(n >= 28, "files: " + n);
	}

	@Test
	void typedFields() throws Exception {
		final Path tree = Fixtures.fixtures().resolve("portal_new_layout/90001/TS_101");
		final AnnotationMetadata a = (AnnotationMetadata) MetadataDocument.read(tree.resolve(
			"Reconstructions/VoxelSpacing13.480/Annotations/101/thermosome-1.0.json"));
		assertEquals("thermosome", a.objectName());
		assertEquals("GO", a.objectId().prefix);
		assertEquals(MethodType.AUTOMATED, a.methodType());
		assertEquals(1.0, a.version());
		assertEquals(AnnotationShape.OrientedPoint, a.files().get(0).shape);
		assertEquals("ndjson", a.files().get(0).format);
		assertEquals(LocalDate.of(2025, 1, 15), a.dates().release);
		assertEquals("0000-0002-1825-0097", a.authors().get(1).orcid);
		assertEquals(90101, (int) a.depositionId());
		assertEquals("90001/TS_101/Alignments/100/alignment_metadata.json", a.alignmentMetadataPath());
		final TomogramMetadata t = (TomogramMetadata) MetadataDocument.read(tree.resolve(
			"Reconstructions/VoxelSpacing13.480/Tomograms/100/tomogram_metadata.json"));
		assertEquals(13.48, t.voxelSpacing());
		assertArrayEquals(new int[] { 56, 64, 40 }, t.size());
		assertArrayEquals(new int[] { 0, 0, 0 }, t.offset());
		assertEquals(4, t.affineTransformationMatrix().length);
		final TiltSeriesMetadata ts = (TiltSeriesMetadata) MetadataDocument.read(tree.resolve(
			"TiltSeries/100/tiltseries_metadata.json"));
		assertArrayEquals(new double[] { -45, 45 }, ts.tiltRange());
		assertEquals(6.74, ts.pixelSpacing());
	}
}

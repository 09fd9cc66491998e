package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.cryoet.format.ContainedPath;
import org.cryoet.portal.metadata.AlignmentMetadata;
import org.cryoet.portal.metadata.AnnotationMetadata;
import org.cryoet.portal.metadata.DatasetMetadata;
import org.cryoet.portal.metadata.MetadataDocument;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.portal.metadata.RunMetadata;
import org.cryoet.portal.metadata.TiltSeriesMetadata;
import org.cryoet.portal.metadata.TomogramMetadata;
import org.cryoet.portal.validation.MetadataValidator;
import org.cryoet.portal.validation.SchemaVersion;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Metadata sidecars: read from a file (as every command does), every typed
 * field asked for, validated under both schemas and automatically. The first
 * byte picks the file name, hence the kind; the rest is the file.
 */
class MetadataFuzzTest {

	private static final String[] NAMES = { "ribosome-1.0.json", "tomogram_metadata.json", "tiltseries_metadata.json",
		"dataset_metadata.json", "run_metadata.json", "alignment_metadata.json" };
	private static final Path DIR = Seeds.temporaryFolder("metadata-fuzz");

	static Stream<Arguments> seeds() {
		return Seeds.of("Metadata");
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void metadata(final byte[] data) throws IOException {
		if (data.length < 1) return;
		final Path file = DIR.resolve(NAMES[(data[0] & 0xff) % NAMES.length]);
		Files.write(file, Arrays.copyOfRange(data, 1, data.length));
		try {
			Hostile.parsedOrRefused(file.toString(), () -> {
				final MetadataDocument d = MetadataDocument.read(file);
				fields(d);
				final MetadataKind kind = MetadataKind.ofFileName(file.getFileName().toString());
				for (final SchemaVersion v : SchemaVersion.values()) {
					final MetadataValidator.Result r = MetadataValidator.validate(d.json(), kind, v);
					if (r.valid()) sane(d);
					for (final org.cryoet.portal.validation.Problem p : r.problems)
						Hostile.check(p.toString().indexOf('\n') < 0, "a problem of more than one line: " + p);
				}
				MetadataValidator.validateAuto(d.json(), kind, file);
			});
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	/** Every typed accessor: none may throw, whatever the file holds. */
	private static void fields(final MetadataDocument d) {
		d.depositionId();
		d.lastUpdatedAt();
		d.authors();
		d.dates();
		if (d instanceof AnnotationMetadata) {
			final AnnotationMetadata a = (AnnotationMetadata) d;
			a.objectName();
			a.objectId();
			a.objectIdText();
			a.method();
			a.methodType();
			a.version();
			a.versionText();
			a.objectCount();
			a.groundTruth();
			a.ingestId();
			a.alignmentMetadataPath();
			a.files();
		}
		else if (d instanceof TomogramMetadata) {
			final TomogramMetadata t = (TomogramMetadata) d;
			t.voxelSpacing();
			t.processing();
			t.reconstructionMethod();
			t.reconstructionSoftware();
			t.fiducialAlignment();
			t.offset();
			t.size();
			t.affineTransformationMatrix();
			t.alignmentMetadataPath();
			t.visualizationDefault();
		}
		else if (d instanceof TiltSeriesMetadata) {
			final TiltSeriesMetadata t = (TiltSeriesMetadata) d;
			t.pixelSpacing();
			t.tiltRange();
			t.tiltStep();
			t.tiltAxis();
			t.accelerationVoltage();
			t.size();
			t.tiltingScheme();
		}
		else if (d instanceof DatasetMetadata) {
			final DatasetMetadata t = (DatasetMetadata) d;
			t.identifier();
			t.title();
			t.description();
			t.sampleType();
			t.organism();
		}
		else if (d instanceof RunMetadata) ((RunMetadata) d).runName();
		else if (d instanceof AlignmentMetadata) {
			final AlignmentMetadata t = (AlignmentMetadata) d;
			t.alignmentType();
			t.format();
			t.portalStandard();
			t.affineTransformationMatrix();
			t.volumeOffset();
		}
	}

	/** What a document valid under a schema must make sense as. */
	private static void sane(final MetadataDocument d) {
		if (d instanceof TomogramMetadata) {
			final Double v = ((TomogramMetadata) d).voxelSpacing();
			Hostile.check(v == null || Double.isFinite(v) && v > 0, "voxel_spacing " + v + " valid");
		}
		if (d instanceof TiltSeriesMetadata) {
			final Double v = ((TiltSeriesMetadata) d).pixelSpacing();
			Hostile.check(v == null || Double.isFinite(v) && v > 0, "pixel_spacing " + v + " valid");
		}
		if (d instanceof AnnotationMetadata) for (final AnnotationMetadata.FileEntry f : ((AnnotationMetadata) d).files())
			Hostile.check(f.path == null || ContainedPath.isContained(f.path), "files[].path " + f.path + " valid");
	}
}

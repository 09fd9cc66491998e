package org.cryoet.testutil.graphql;

import java.util.Locale;
import java.util.Map;

/**
 * A big dataset made of rows alone (no files): {@code runs} runs, each with a
 * voxel spacing, a tomogram, a tilt series and two point annotations; the
 * first run also has {@code extraAnnotations} more, to push its nested list
 * past the server's cap of 100.
 */
public final class SyntheticRows {

	private SyntheticRows() {}

	public static void add(final PortalTables t, final int datasetId, final int runs, final int extraAnnotations) {
		final String dk = datasetId + "/";
		t.add("Dataset", "id", datasetId, "title", "Synthetic dataset of " + runs + " runs", "description",
			"Rows generated for paging tests", "organismName", "Synthetica paginata", "cellName", "test cell", "tissueName",
			"test tissue", "depositionId", 1, "s3Prefix", TreeRows.BUCKET + dk, "httpsPrefix", TreeRows.HTTPS + dk,
			"depositionDate", "2025-01-01T00:00:00+00:00", "releaseDate", "2025-01-01T00:00:00+00:00", "lastModifiedDate",
			"2025-01-01T00:00:00+00:00");
		for (int i = 0; i < runs; i++) {
			final String name = String.format(Locale.ROOT, "run_%04d", i);
			final String rk = dk + name + "/";
			final int runId = (Integer) t.add("Run", "name", name, "datasetId", datasetId, "s3Prefix", TreeRows.BUCKET + rk,
				"httpsPrefix", TreeRows.HTTPS + rk).get("id");
			final String vk = rk + "Reconstructions/VoxelSpacing10.000/";
			final int vs = (Integer) t.add("TomogramVoxelSpacing", "runId", runId, "voxelSpacing", 10.0, "s3Prefix",
				TreeRows.BUCKET + vk, "httpsPrefix", TreeRows.HTTPS + vk).get("id");
			final String tk = vk + "Tomograms/100/" + name;
			t.add("Tomogram", "runId", runId, "tomogramVoxelSpacingId", vs, "name", name, "voxelSpacing", 10.0, "sizeX",
				630, "sizeY", 630, "sizeZ", 184, "processing", "raw", "isVisualizationDefault", true, "s3OmezarrDir",
				TreeRows.BUCKET + tk + ".zarr", "httpsOmezarrDir", TreeRows.HTTPS + tk + ".zarr", "s3MrcFile", TreeRows.BUCKET +
					tk + ".mrc", "httpsMrcFile", TreeRows.HTTPS + tk + ".mrc", "neuroglancerConfig", "x".repeat(10_000));
			final String sk = rk + "TiltSeries/100/" + name;
			t.add("Tiltseries", "runId", runId, "pixelSpacing", 5.0, "s3MrcFile", TreeRows.BUCKET + sk + ".mrc",
				"httpsMrcFile", TreeRows.HTTPS + sk + ".mrc");
			final int annotations = 2 + (i == 0 ? extraAnnotations : 0);
			for (int a = 0; a < annotations; a++) {
				final String ak = vk + "Annotations/" + (100 + a) + "/ribosome-1.0";
				final Map<String, Object> ann = t.add("Annotation", "runId", runId, "objectName", a % 2 == 0 ? "ribosome"
					: "membrane", "objectId", a % 2 == 0 ? "GO:0005840" : "GO:0016020", "methodType", "manual",
					"s3MetadataPath", TreeRows.BUCKET + ak + ".json", "httpsMetadataPath", TreeRows.HTTPS + ak + ".json");
				final int shape = (Integer) t.add("AnnotationShape", "annotationId", ann.get("id"), "shapeType", "Point").get(
					"id");
				t.add("AnnotationFile", "annotationShapeId", shape, "format", "ndjson", "s3Path", TreeRows.BUCKET + ak +
					"_point.ndjson", "httpsPath", TreeRows.HTTPS + ak + "_point.ndjson", "tomogramVoxelSpacingId", vs);
			}
		}
	}
}

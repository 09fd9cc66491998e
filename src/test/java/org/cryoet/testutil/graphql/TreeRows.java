package org.cryoet.testutil.graphql;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Rows of the API built from a local tree in the current layout, the way the
 * portal's importer builds its database from the bucket: every entity from
 * its metadata file, URLs as {@code s3://<bucket>/<key>} and
 * {@code <https base>/<key>}. Independent of our discovery code: it reads the
 * metadata files' own keys ({@code omezarr_dir}, {@code files[].path}, ...).
 */
public final class TreeRows {

	public static final String BUCKET = "s3://cryoet-data-portal-public/";
	public static final String HTTPS = "https://files.cryoetdataportal.cziscience.com/";

	private static final Pattern VS = Pattern.compile("^VoxelSpacing(\\d+(?:\\.\\d+)?)$");
	private static final Pattern SHAPE_SUFFIX = Pattern.compile("_[a-z]+$");

	private final PortalTables t;
	private final Path root;

	private TreeRows(final PortalTables t, final Path root) {
		this.t = t;
		this.root = root;
	}

	/** Adds every dataset folder under {@code root} (the bucket's root) to the tables. */
	/** Where HTTPS URLs point: the portal's file server, or a test's own server on loopback. */
	private static String https = HTTPS;

	/** As {@link #add(PortalTables, Path, String...)}, with HTTPS URLs under {@code httpsBase} (ending in a slash). */
	public static synchronized void addServedFrom(final PortalTables tables, final Path root, final String httpsBase,
		final String... datasets) throws IOException
	{
		https = httpsBase;
		try {
			add(tables, root, datasets);
		}
		finally {
			https = HTTPS;
		}
	}

	public static void add(final PortalTables tables, final Path root, final String... datasets) throws IOException {
		final TreeRows r = new TreeRows(tables, root);
		for (final String d : datasets)
			r.dataset(root.resolve(d));
	}

	private String key(final Path p) {
		return root.relativize(p).toString().replace('\\', '/');
	}

	private static JsonObject read(final Path f) throws IOException {
		return JsonParser.parseString(new String(Files.readAllBytes(f), StandardCharsets.UTF_8)).getAsJsonObject();
	}

	private static List<Path> dirs(final Path dir) throws IOException {
		if (!Files.isDirectory(dir)) return new ArrayList<>();
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(Files::isDirectory).sorted().collect(Collectors.toList());
		}
	}

	private static String str(final JsonObject o, final String... path) {
		JsonElement e = o;
		for (final String k : path) {
			if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has(k)) return null;
			e = e.getAsJsonObject().get(k);
		}
		return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? null : e.getAsString();
	}

	private static String date(final JsonObject o, final String which) {
		final String d = str(o, "dates", which);
		return (d == null ? "2025-01-01" : d) + "T00:00:00+00:00";
	}

	private void dataset(final Path dir) throws IOException {
		final JsonObject m = read(dir.resolve("dataset_metadata.json"));
		final String k = key(dir) + "/";
		final Map<String, Object> d = t.add("Dataset", "id", Integer.parseInt(dir.getFileName().toString()), "title", str(
			m, "dataset_title"), "description", str(m, "dataset_description"), "organismName", str(m, "organism", "name"),
			"organismTaxid", null, "cellName", str(m, "cell_type", "name"), "tissueName", str(m, "tissue", "name"),
			"sampleType", str(m, "sample_type"), "depositionId", m.has("deposition_id") ? m.get("deposition_id").getAsInt()
				: 0, "depositionDate", date(m, "deposition_date"), "releaseDate", date(m, "release_date"),
			"lastModifiedDate", date(m, "last_modified_date"), "keyPhotoThumbnailUrl", str(m, "key_photos", "thumbnail"),
			"keyPhotoUrl", str(m, "key_photos", "snapshot"), "s3Prefix", BUCKET + k, "httpsPrefix", https + k);
		if (m.has("authors")) for (final JsonElement a : m.getAsJsonArray("authors"))
			t.add("DatasetAuthor", "datasetId", d.get("id"), "name", str(a.getAsJsonObject(), "name"));
		for (final Path run : dirs(dir))
			if (Files.isRegularFile(run.resolve("run_metadata.json"))) run(run, (Integer) d.get("id"));
	}

	private void run(final Path dir, final int datasetId) throws IOException {
		final String k = key(dir) + "/";
		final int runId = (Integer) t.add("Run", "name", dir.getFileName().toString(), "datasetId", datasetId, "s3Prefix",
			BUCKET + k, "httpsPrefix", https + k).get("id");
		final Map<String, Integer> alignments = new HashMap<>();
		for (final Path a : dirs(dir.resolve("Alignments"))) {
			final Path f = a.resolve("alignment_metadata.json");
			if (!Files.isRegularFile(f)) continue;
			final int id = (Integer) t.add("Alignment", "runId", runId, "s3AlignmentMetadata", BUCKET + key(f),
				"httpsAlignmentMetadata", https + key(f)).get("id");
			alignments.put(key(f), id);
		}
		for (final Path ts : dirs(dir.resolve("TiltSeries"))) {
			final Path f = ts.resolve("tiltseries_metadata.json");
			if (!Files.isRegularFile(f)) continue;
			final JsonObject m = read(f);
			final Map<String, Object> row = t.add("Tiltseries", "runId", runId, "pixelSpacing", m.get("pixel_spacing")
				.getAsDouble(), "tiltMin", m.getAsJsonObject("tilt_range").get("min").getAsDouble(), "tiltMax", m
					.getAsJsonObject("tilt_range").get("max").getAsDouble());
			urls(row, "OmezarrDir", str(m, "omezarr_dir"));
			urls(row, "MrcFile", str(m, "mrc_file"));
			try (Stream<Path> s = Files.list(ts)) {
				final List<Path> angles = s.filter(p -> p.getFileName().toString().endsWith(".rawtlt") || p.getFileName()
					.toString().endsWith(".tlt")).sorted().collect(Collectors.toList());
				if (!angles.isEmpty()) urls(row, "AngleList", key(angles.get(0)));
			}
		}
		for (final Path vsDir : dirs(dir.resolve("Reconstructions"))) {
			final Matcher vm = VS.matcher(vsDir.getFileName().toString());
			if (!vm.matches()) continue;
			final String vk = key(vsDir) + "/";
			final int vsId = (Integer) t.add("TomogramVoxelSpacing", "runId", runId, "voxelSpacing", Double.parseDouble(vm
				.group(1)), "s3Prefix", BUCKET + vk, "httpsPrefix", https + vk).get("id");
			for (final Path tomo : dirs(vsDir.resolve("Tomograms"))) {
				final Path f = tomo.resolve("tomogram_metadata.json");
				if (!Files.isRegularFile(f)) continue;
				final JsonObject m = read(f);
				final Map<String, Object> row = t.add("Tomogram", "runId", runId, "tomogramVoxelSpacingId", vsId, "name", dir
					.getFileName().toString(), "voxelSpacing", m.get("voxel_spacing").getAsDouble(), "sizeX", m.getAsJsonObject(
						"size").get("x").getAsInt(), "sizeY", m.getAsJsonObject("size").get("y").getAsInt(), "sizeZ", m
							.getAsJsonObject("size").get("z").getAsInt(), "processing", str(m, "processing"),
					"reconstructionMethod", str(m, "reconstruction_method"), "reconstructionSoftware", str(m,
						"reconstruction_software"), "fiducialAlignmentStatus", str(m, "fiducial_alignment_status"),
					"isVisualizationDefault", m.has("is_visualization_default") && m.get("is_visualization_default")
						.getAsBoolean(), "offsetX", 0, "offsetY", 0, "offsetZ", 0, "depositionId", m.get("deposition_id")
							.getAsInt(), "alignmentId", alignments.get(str(m, "alignment_metadata_path")),
					"neuroglancerConfig", "{\"layers\": \"" + "x".repeat(10_000) + "\"}");
				urls(row, "OmezarrDir", str(m, "omezarr_dir"));
				urls(row, "MrcFile", str(m, "mrc_file"));
			}
			for (final Path ann : dirs(vsDir.resolve("Annotations")))
				try (Stream<Path> s = Files.list(ann)) {
					for (final Path f : s.sorted().collect(Collectors.toList())) {
						final String n = f.getFileName().toString();
						if (!n.endsWith(".json") || SHAPE_SUFFIX.matcher(n.substring(0, n.length() - 5)).find()) continue;
						annotation(f, runId, vsId, alignments);
					}
				}
		}
	}

	private void annotation(final Path f, final int runId, final int vsId, final Map<String, Integer> alignments)
		throws IOException
	{
		final JsonObject m = read(f);
		final Map<String, Object> a = t.add("Annotation", "runId", runId, "objectName", str(m, "annotation_object",
			"name"), "objectId", str(m, "annotation_object", "id"), "methodType", str(m, "method_type"),
			"annotationMethod", str(m, "annotation_method"), "groundTruthStatus", m.has("ground_truth_status") && m.get(
				"ground_truth_status").getAsBoolean(), "objectCount", m.has("object_count") ? m.get("object_count").getAsInt()
					: null, "s3MetadataPath", BUCKET + key(f), "httpsMetadataPath", https + key(f), "depositionDate", date(m,
						"deposition_date"), "releaseDate", date(m, "release_date"), "lastModifiedDate", date(m,
							"last_modified_date"));
		final Map<String, Integer> shapes = new LinkedHashMap<>();
		final Integer alignment = alignments.get(str(m, "alignment_metadata_path"));
		for (final JsonElement e : m.getAsJsonArray("files")) {
			final JsonObject file = e.getAsJsonObject();
			final String shape = str(file, "shape");
			final int shapeId = shapes.computeIfAbsent(shape, s -> (Integer) t.add("AnnotationShape", "annotationId", a.get(
				"id"), "shapeType", s).get("id"));
			t.add("AnnotationFile", "annotationShapeId", shapeId, "format", str(file, "format"), "s3Path", BUCKET + str(file,
				"path"), "httpsPath", https + str(file, "path"), "isVisualizationDefault", file.has("is_visualization_default")
					&& file.get("is_visualization_default").getAsBoolean(), "tomogramVoxelSpacingId", vsId, "alignmentId",
				alignment, "source", "dataset_author");
		}
	}

	private static void urls(final Map<String, Object> row, final String field, final String key) {
		if (key == null) return;
		row.put("s3" + field, BUCKET + key);
		row.put("https" + field, https + key);
	}
}

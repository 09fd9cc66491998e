package org.cryoet.testutil;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.cryoet.convert.MrcExport;
import org.cryoet.convert.OmeZarrExport;
import org.cryoet.format.DataType;
import org.cryoet.format.json.PythonJson;
import org.cryoet.image.ArrayVolume;
import org.cryoet.image.Downsampling;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;

/**
 * A small portal tree in either layout, written by our own writers, so that
 * a clone without {@code ../shared} still tests discovery and validation.
 * Dataset 70001, run RUN_1, voxel spacing 10.000 Å; one tilt series, one
 * tomogram, a point, an oriented-point, an instance-point and a mask annotation.
 */
public final class OwnPortalTree {

	public static final String DATASET = "70001", RUN = "RUN_1", VS = "VoxelSpacing10.000";

	private OwnPortalTree() {}

	/** @return the dataset folder */
	public static Path write(final Path root, final boolean seed) throws IOException {
		final Path ds = root.resolve(DATASET);
		final Path run = ds.resolve(RUN);
		json(ds.resolve("dataset_metadata.json"), dataset());
		json(run.resolve("run_metadata.json"), "{\"run_name\": \"RUN_1\", \"deposition_id\": 70101, " +
			"\"last_updated_at\": 1736942400}");
		final Path ts = seed ? run.resolve("TiltSeries") : run.resolve("TiltSeries/100");
		volume(ts, "RUN_1", 5, true, DataType.FLOAT32);
		json(ts.resolve("tiltseries_metadata.json"), tiltSeries(seed));
		Files.write(ts.resolve("RUN_1.rawtlt"), "-6\n-3\n0\n3\n6\n".getBytes(StandardCharsets.UTF_8));
		final Path vs = seed ? run.resolve("Tomograms").resolve(VS) : run.resolve("Reconstructions").resolve(VS);
		final Path tomo = seed ? vs.resolve("CanonicalTomogram") : vs.resolve("Tomograms/100");
		volume(tomo, "RUN_1", 8, false, DataType.FLOAT32);
		json(tomo.resolve("tomogram_metadata.json"), tomogram(seed));
		if (!seed) json(run.resolve("Alignments/100/alignment_metadata.json"), "{\"deposition_id\": 70101, " +
			"\"last_updated_at\": 1736942400, \"alignment_type\": \"GLOBAL\", \"format\": \"IMOD\", " +
			"\"is_portal_standard\": true}");
		final String[][] annotations = { { "100", "ribosome", "GO:0005840", "point", "Point" }, { "101", "thermosome",
			"GO:0005832", "orientedpoint", "OrientedPoint" }, { "102", "vesicle", "GO:0031982", "instancesegmentation",
				"InstanceSegmentation" }, { "103", "membrane", "GO:0016020", "segmentationmask", "SegmentationMask" } };
		for (final String[] a : annotations) {
			final Path dir = seed ? vs.resolve("Annotations") : vs.resolve("Annotations").resolve(a[0]);
			final String stem = seed ? a[0] + "-" + a[1] + "-1.0" : a[1] + "-1.0";
			final JsonArray files = new JsonArray();
			final String bucketDir = DATASET + "/" + RUN + (seed ? "/Tomograms/" + VS + "/Annotations/" : "/Reconstructions/" +
				VS + "/Annotations/" + a[0] + "/");
			if (a[3].equals("segmentationmask")) {
				for (final String ext : new String[] { "mrc", "zarr" }) {
					maskVolume(dir, stem + "_segmentationmask", ext);
					files.add(file(ext, bucketDir + stem + "_segmentationmask." + ext, a[4]));
				}
			}
			else {
				Files.createDirectories(dir);
				Files.write(dir.resolve(stem + "_" + a[3] + ".ndjson"), points(a[3]).getBytes(StandardCharsets.UTF_8));
				files.add(file("ndjson", bucketDir + stem + "_" + a[3] + ".ndjson", a[4]));
			}
			json(dir.resolve(stem + ".json"), annotation(a, files, seed));
		}
		return ds;
	}

	private static JsonObject file(final String format, final String path, final String shape) {
		final JsonObject f = new JsonObject();
		f.addProperty("format", format);
		f.addProperty("path", path);
		f.addProperty("shape", shape);
		f.addProperty("is_visualization_default", true);
		return f;
	}

	private static String points(final String kind) {
		switch (kind) {
			case "point":
				return "{\"type\": \"point\", \"location\": {\"x\": 3, \"y\": 4.5, \"z\": 2}}\n" +
					"{\"type\": \"point\", \"location\": {\"x\": 10, \"y\": 11, \"z\": 5}}";
			case "orientedpoint":
				return "{\"type\": \"orientedPoint\", \"location\": {\"x\": 6, \"y\": 7, \"z\": 3}, \"xyz_rotation_matrix\": " +
					"[[1, 0, 0], [0, 1, 0], [0, 0, 1]]}";
			default:
				return "{\"type\": \"instancePoint\", \"location\": {\"x\": 2, \"y\": 2, \"z\": 2}, \"instance_id\": 1}\n" +
					"{\"type\": \"instancePoint\", \"location\": {\"x\": 3, \"y\": 2, \"z\": 2}, \"instance_id\": 1}";
		}
	}

	private static void volume(final Path dir, final String name, final int depth, final boolean stack,
		final DataType t) throws IOException
	{
		Files.createDirectories(dir);
		final int[] shape = { depth, 12, 10 };
		final float[] data = new float[depth * 12 * 10];
		for (int i = 0; i < data.length; i++)
			data[i] = (i % 17) / 4f;
		final MultiscaleVolume v = new MultiscaleVolume(name, Collections.singletonList(new ArrayVolume(t, shape, data,
			name)), Collections.singletonList(new double[] { 10, 10, 10 }), Collections.singletonList(new double[3]), false,
			Collections.emptyList(), stack);
		new OmeZarrExport(1, Downsampling.MEAN).export(v, 0, dir.resolve(name + ".zarr"), Progress.NONE);
		new MrcExport(1).export(v, 0, dir.resolve(name + ".mrc"), Progress.NONE);
	}

	private static void maskVolume(final Path dir, final String stem, final String ext) throws IOException {
		Files.createDirectories(dir);
		final int[] shape = { 8, 12, 10 };
		final byte[] data = new byte[8 * 12 * 10];
		for (int i = 0; i < data.length; i++)
			data[i] = (byte) (i % 5 == 0 ? 1 : 0);
		final MultiscaleVolume v = new MultiscaleVolume(stem, Collections.singletonList(new ArrayVolume(DataType.INT8,
			shape, data, stem)), Collections.singletonList(new double[] { 10, 10, 10 }), Collections.singletonList(
				new double[3]), false, Collections.emptyList());
		if (ext.equals("zarr")) new OmeZarrExport(1, Downsampling.ANY).export(v, 0, dir.resolve(stem + ".zarr"),
			Progress.NONE);
		else new MrcExport(1).export(v, 0, dir.resolve(stem + ".mrc"), Progress.NONE);
	}

	private static void json(final Path file, final Object json) throws IOException {
		Files.createDirectories(file.getParent());
		final JsonObject o = json instanceof JsonObject ? (JsonObject) json : JsonParser.parseString((String) json)
			.getAsJsonObject();
		Files.write(file, PythonJson.write(o, false).getBytes(StandardCharsets.UTF_8));
	}

	private static final String AUTHORS = "[{\"name\": \"Ada Tester\", \"ORCID\": \"0000-0002-1825-0097\", " +
		"\"primary_author_status\": true, \"corresponding_author_status\": true}]";
	private static final String DATES = "{\"deposition_date\": \"2025-02-01\", \"release_date\": \"2025-02-15\", " +
		"\"last_modified_date\": \"2025-02-15\"}";

	private static String dataset() {
		return "{\"dataset_identifier\": 70001, \"dataset_title\": \"Own test tree\", \"dataset_description\": " +
			"\"Written by the project's own writers\", \"dates\": " + DATES + ", \"authors\": " + AUTHORS +
			", \"sample_type\": \"in_silico\", \"assay\": {\"name\": \"cryo-electron tomography\", \"id\": " +
			"\"EFO:0030069\"}, \"development_stage\": {\"name\": \"unknown\", \"id\": \"unknown\"}, \"disease\": " +
			"{\"name\": \"normal\", \"id\": \"PATO:0000461\"}, \"key_photos\": {\"snapshot\": null, \"thumbnail\": null}, " +
			"\"deposition_id\": 70101, \"last_updated_at\": 1736942400}";
	}

	private static String tiltSeries(final boolean seed) {
		final String files = seed ? "\"omezarr_dir\": \"RUN_1.zarr\", \"mrc_files\": [\"RUN_1.mrc\"]"
			: "\"omezarr_dir\": \"70001/RUN_1/TiltSeries/100/RUN_1.zarr\", \"mrc_file\": \"70001/RUN_1/TiltSeries/100/RUN_1.mrc\"";
		return "{\"acceleration_voltage\": 300000, \"camera\": {\"manufacturer\": \"Gatan\", \"model\": \"K3\"}, " +
			"\"data_acquisition_software\": \"SerialEM\", \"is_aligned\": false, \"microscope\": {\"manufacturer\": " +
			"\"TFS\", \"model\": \"Krios\"}, \"microscope_optical_setup\": {\"energy_filter\": \"GIF\"}, " +
			"\"spherical_aberration_constant\": 2.7, \"tilt_axis\": 84.7, \"tilt_range\": {\"min\": -6, \"max\": 6}, " +
			"\"tilt_series_quality\": 4, \"tilt_step\": 3, \"tilting_scheme\": \"dose symmetric\", \"total_flux\": 120, " +
			"\"pixel_spacing\": 10.0, \"size\": {\"x\": 10, \"y\": 12, \"z\": 5}, \"run_name\": \"RUN_1\", " + files +
			", \"deposition_id\": 70101, \"last_updated_at\": 1736942400}";
	}

	private static String tomogram(final boolean seed) {
		final String files = seed ? "\"omezarr_dir\": \"RUN_1.zarr\", \"mrc_files\": [\"RUN_1.mrc\"]"
			: "\"omezarr_dir\": \"70001/RUN_1/Reconstructions/VoxelSpacing10.000/Tomograms/100/RUN_1.zarr\", \"mrc_file\": " +
				"\"70001/RUN_1/Reconstructions/VoxelSpacing10.000/Tomograms/100/RUN_1.mrc\", \"alignment_metadata_path\": " +
				"\"70001/RUN_1/Alignments/100/alignment_metadata.json\"";
		return "{\"voxel_spacing\": 10.0, \"reconstruction_method\": \"WBP\", \"reconstruction_software\": \"IMOD\", " +
			"\"fiducial_alignment_status\": \"FIDUCIAL\", \"processing\": \"raw\", \"tomogram_version\": 1, " +
			"\"is_visualization_default\": true, \"offset\": {\"x\": 0, \"y\": 0, \"z\": 0}, \"authors\": " + AUTHORS +
			", \"dates\": " + DATES + ", \"size\": {\"x\": 10, \"y\": 12, \"z\": 8}, \"run_name\": \"RUN_1\", " + files +
			", \"deposition_id\": 70101, \"last_updated_at\": 1736942400}";
	}

	private static JsonObject annotation(final String[] a, final JsonArray files, final boolean seed) {
		final JsonObject o = JsonParser.parseString("{\"annotation_object\": {\"id\": \"" + a[2] + "\", \"name\": \"" + a[1] +
			"\"}, \"dates\": " + DATES + ", \"annotation_method\": \"hand picked\", \"method_type\": \"manual\", " +
			"\"ground_truth_status\": false, \"authors\": " + AUTHORS + ", \"version\": 1.0, \"object_count\": 2}")
			.getAsJsonObject();
		o.add("files", files);
		o.addProperty("deposition_id", 70101);
		o.addProperty("last_updated_at", 1736942400);
		if (!seed) {
			o.addProperty("annotation_ingest_id", a[0] + "-" + a[1] + "-1.0");
			o.addProperty("alignment_metadata_path", "70001/RUN_1/Alignments/100/alignment_metadata.json");
		}
		return o;
	}
}

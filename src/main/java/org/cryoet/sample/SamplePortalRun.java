package org.cryoet.sample;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Locale;
import java.util.Random;

import org.cryoet.convert.MrcExport;
import org.cryoet.convert.OmeZarrExport;
import org.cryoet.format.DataType;
import org.cryoet.format.json.PythonJson;
import org.cryoet.image.ArrayVolume;
import org.cryoet.image.Downsampling;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;

/**
 * The sample as a portal run, in either layout, so that every command can be
 * tried from a fresh clone: dataset 80001, run TS_sample, voxel spacing
 * 13.480 Å; tomogram 100 (OME-Zarr and MRC), tilt series 100 with its angles,
 * and annotations on the sample's particles: 100 ribosome points, 101
 * thermosome oriented points, 102 vesicle instance points, 103 membrane
 * segmentation mask, 104 vesicle instance segmentation mask. Metadata are
 * valid under schema 2.0.0 (current layout) or 1.1.0 (seed layout).
 */
public final class SamplePortalRun {

	public static final String DATASET = "80001", RUN = "TS_sample", VS = "VoxelSpacing13.480";
	/** Tilt angles, degrees: -60 to 60 in steps of 3. */
	public static final double TILT_MIN = -60, TILT_STEP = 3;
	public static final int TILTS = 41;

	private static final double VOXEL = SampleData.VOXEL;

	private SamplePortalRun() {}

	/** The folder under the sample folder that holds the layout's dataset: {@code portal} or {@code portal_seed}. */
	public static String root(final boolean seed) {
		return seed ? "portal_seed" : "portal";
	}

	public static Path runFolder(final Path sampleDir, final boolean seed) {
		return sampleDir.resolve(root(seed)).resolve(DATASET).resolve(RUN);
	}

	/** Particles 0-7 are ribosomes, 8-15 thermosomes, 16-23 vesicles (with a membrane). */
	public static int[] particlesOf(final String object) {
		final int first = object.equals("ribosome") ? 0 : object.equals("thermosome") ? 8 : 16;
		final int[] p = new int[8];
		for (int i = 0; i < 8; i++)
			p[i] = first + i;
		return p;
	}

	/** Writes the layout's tree (a folder holding the dataset folder) into {@code root}. */
	public static void write(final Path root, final boolean seed) throws IOException {
		final double[][] particles = SampleData.particles();
		final Path ds = root.resolve(DATASET);
		final Path run = ds.resolve(RUN);
		json(ds.resolve("dataset_metadata.json"), dataset());
		json(run.resolve("run_metadata.json"), "{\"run_name\": \"" + RUN + "\", \"deposition_id\": 80101, " +
			"\"last_updated_at\": 1736942400}");

		final Path ts = seed ? run.resolve("TiltSeries") : run.resolve("TiltSeries/100");
		volumes(ts, RUN, tiltSeries(particles), Downsampling.MEAN);
		json(ts.resolve("tiltseries_metadata.json"), tiltSeriesMetadata(seed));
		final StringBuilder angles = new StringBuilder();
		for (int t = 0; t < TILTS; t++)
			angles.append(String.format(Locale.ROOT, "%.2f%n", TILT_MIN + t * TILT_STEP));
		Files.write(ts.resolve(RUN + ".rawtlt"), angles.toString().replace("\r", "").getBytes(StandardCharsets.UTF_8));

		final Path vs = seed ? run.resolve("Tomograms").resolve(VS) : run.resolve("Reconstructions").resolve(VS);
		final Path tomo = seed ? vs.resolve("CanonicalTomogram") : vs.resolve("Tomograms/100");
		volumes(tomo, RUN, SampleData.volume(), Downsampling.MEAN);
		json(tomo.resolve("tomogram_metadata.json"), tomogramMetadata(seed));
		if (!seed) json(run.resolve("Alignments/100/alignment_metadata.json"), "{\"deposition_id\": 80101, " +
			"\"last_updated_at\": 1736942400, \"alignment_type\": \"GLOBAL\", \"format\": \"IMOD\", " +
			"\"is_portal_standard\": true}");

		annotation(vs, seed, "100", "ribosome", "GO:0005840", "point", "Point", "hand picked", 8, (dir, stem) -> ndjson(
			dir.resolve(stem + "_point.ndjson"), points(particles, "ribosome")));
		annotation(vs, seed, "101", "thermosome", "GO:0005832", "orientedpoint", "OrientedPoint", "template matching", 8,
			(dir, stem) -> ndjson(dir.resolve(stem + "_orientedpoint.ndjson"), orientedPoints(particles)));
		annotation(vs, seed, "102", "vesicle", "GO:0031982", "instancesegmentation", "InstanceSegmentation",
			"hand picked outlines", 8, (dir, stem) -> ndjson(dir.resolve(stem + "_instancesegmentation.ndjson"),
				instancePoints(particles)));
		annotation(vs, seed, "103", "membrane", "GO:0016020", "segmentationmask", "SegmentationMask",
			"membrane segmentation", 1, (dir, stem) -> volumes(dir, stem + "_segmentationmask", membraneMask(particles),
				Downsampling.ANY));
		annotation(vs, seed, "104", "vesicle", "GO:0031982", "instancesegmentationmask", "InstanceSegmentationMask",
			"instance segmentation", 8, (dir, stem) -> volumes(dir, stem + "_instancesegmentationmask", vesicleLabels(
				particles), Downsampling.NEAREST));
	}

	// ---- data ----

	/** Projections of the sample's particles about the y axis, with the tomogram's gradient and noise. */
	static MultiscaleVolume tiltSeries(final double[][] particles) {
		final int ny = SampleData.SHAPE[1], nx = SampleData.SHAPE[2], nz = SampleData.SHAPE[0];
		final float[] data = new float[TILTS * ny * nx];
		final Random r = new Random(80001);
		final double cx = (nx - 1) / 2.0, cz = (nz - 1) / 2.0;
		for (int t = 0; t < TILTS; t++) {
			final double a = Math.toRadians(TILT_MIN + t * TILT_STEP);
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++) {
					double v = (2.0 * x + 3.0 * y) / 128.0 + r.nextGaussian() * 0.5;
					for (final double[] p : particles) {
						final double px = cx + (p[2] - cx) * Math.cos(a) + (p[0] - cz) * Math.sin(a);
						final double d2 = (x - px) * (x - px) + (y - p[1]) * (y - p[1]);
						if (d2 < p[3] * p[3]) v += Math.sqrt(p[3] * p[3] - d2);
					}
					data[(t * ny + y) * nx + x] = (float) v;
				}
		}
		return new MultiscaleVolume(RUN, Collections.singletonList(new ArrayVolume(DataType.FLOAT32, new int[] { TILTS,
			ny, nx }, data, RUN)), Collections.singletonList(new double[] { VOXEL, VOXEL, VOXEL }), Collections
				.singletonList(new double[3]), false, Collections.emptyList(), true);
	}

	/** 1 in a two-voxel shell around each vesicle, as a membrane segmentation would be. */
	static MultiscaleVolume membraneMask(final double[][] particles) {
		final byte[] data = new byte[elements()];
		paint(particles, "vesicle", (i, p, d) -> {
			if (d <= particles[p][3] + 0.5 && d >= particles[p][3] - 1.5) data[i] = 1;
		});
		return mask("membrane", DataType.INT8, data, false);
	}

	/** Each vesicle's voxels labelled 1..8. */
	static MultiscaleVolume vesicleLabels(final double[][] particles) {
		final short[] data = new short[elements()];
		paint(particles, "vesicle", (i, p, d) -> {
			if (d <= particles[p][3] && data[i] == 0) data[i] = (short) (p - 15);
		});
		return mask("vesicle", DataType.UINT16, data, true);
	}

	private interface Painter {

		void voxel(int index, int particle, double distance);
	}

	private static void paint(final double[][] particles, final String object, final Painter painter) {
		final int ny = SampleData.SHAPE[1], nx = SampleData.SHAPE[2], nz = SampleData.SHAPE[0];
		for (final int p : particlesOf(object)) {
			final double[] c = particles[p];
			final int reach = (int) Math.ceil(c[3] + 1);
			for (int z = Math.max(0, (int) c[0] - reach); z <= Math.min(nz - 1, (int) c[0] + reach); z++)
				for (int y = Math.max(0, (int) c[1] - reach); y <= Math.min(ny - 1, (int) c[1] + reach); y++)
					for (int x = Math.max(0, (int) c[2] - reach); x <= Math.min(nx - 1, (int) c[2] + reach); x++) {
						final double d = Math.sqrt((z - c[0]) * (z - c[0]) + (y - c[1]) * (y - c[1]) + (x - c[2]) * (x - c[2]));
						painter.voxel((z * ny + y) * nx + x, p, d);
					}
		}
	}

	private static int elements() {
		return SampleData.SHAPE[0] * SampleData.SHAPE[1] * SampleData.SHAPE[2];
	}

	private static MultiscaleVolume mask(final String name, final DataType type, final Object data,
		final boolean labels)
	{
		return new MultiscaleVolume(name, Collections.singletonList(new ArrayVolume(type, SampleData.SHAPE, data, name)),
			Collections.singletonList(new double[] { VOXEL, VOXEL, VOXEL }), Collections.singletonList(new double[3]),
			labels, Collections.emptyList());
	}

	// ---- points, in the portal's ndjson (voxels of the annotation's spacing, x, y, z) ----

	static String points(final double[][] particles, final String object) {
		final StringBuilder sb = new StringBuilder();
		boolean first = true;
		for (final int p : particlesOf(object)) {
			// The first point is off-centre by a fraction of a voxel, as real picks are.
			final double dx = first ? 0.25 : 0, dy = first ? -0.5 : 0, dz = first ? 0.375 : 0;
			sb.append("{\"type\": \"point\", \"location\": ").append(location(particles[p], dx, dy, dz)).append("}\n");
			first = false;
		}
		return sb.toString();
	}

	/** Identity, 90° about x, y and z, then rotations about oblique axes. */
	static String orientedPoints(final double[][] particles) {
		final StringBuilder sb = new StringBuilder();
		final Random r = new Random(101);
		int k = 0;
		for (final int p : particlesOf("thermosome")) {
			final double[][] m;
			switch (k++) {
				case 0: m = new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } }; break;
				case 1: m = new double[][] { { 1, 0, 0 }, { 0, 0, -1 }, { 0, 1, 0 } }; break;
				case 2: m = new double[][] { { 0, 0, 1 }, { 0, 1, 0 }, { -1, 0, 0 } }; break;
				case 3: m = new double[][] { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } }; break;
				default: m = rotation(r.nextGaussian(), r.nextGaussian(), r.nextGaussian(), r.nextDouble() * Math.PI);
			}
			sb.append("{\"type\": \"orientedPoint\", \"location\": ").append(location(particles[p], 0, 0, 0)).append(
				", \"xyz_rotation_matrix\": [");
			for (int i = 0; i < 3; i++)
				sb.append(i == 0 ? "[" : ", [").append(num(m[i][0])).append(", ").append(num(m[i][1])).append(", ").append(
					num(m[i][2])).append("]");
			sb.append("]}\n");
		}
		return sb.toString();
	}

	/** Seven points per vesicle (centre and half a radius along each axis), grouped by instance 1..8. */
	static String instancePoints(final double[][] particles) {
		final StringBuilder sb = new StringBuilder();
		final int[][] steps = { { 0, 0, 0 }, { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 }, { 0, 0, 1 }, { 0, 0,
			-1 } };
		for (final int p : particlesOf("vesicle")) {
			final double h = Math.floor(particles[p][3] / 2);
			for (final int[] s : steps)
				sb.append("{\"type\": \"instancePoint\", \"location\": ").append(location(particles[p], s[0] * h, s[1] * h,
					s[2] * h)).append(", \"instance_id\": ").append(p - 15).append("}\n");
		}
		return sb.toString();
	}

	private static String location(final double[] zyxr, final double dx, final double dy, final double dz) {
		return "{\"x\": " + num(zyxr[2] + dx) + ", \"y\": " + num(zyxr[1] + dy) + ", \"z\": " + num(zyxr[0] + dz) + "}";
	}

	/** A number as Python's json writes a float: shortest round-trip digits, always with a fraction. */
	private static String num(final double v) {
		final double c = v == 0 ? 0 : v; // no "-0.0"
		return Double.toString(c).replace("E", "e");
	}

	/** Rotation by {@code angle} about the axis (x, y, z), as a proper orthonormal matrix. */
	static double[][] rotation(final double ax, final double ay, final double az, final double angle) {
		final double n = Math.sqrt(ax * ax + ay * ay + az * az);
		final double x = ax / n, y = ay / n, z = az / n, c = Math.cos(angle), s = Math.sin(angle), t = 1 - c;
		return new double[][] { { t * x * x + c, t * x * y - s * z, t * x * z + s * y }, { t * x * y + s * z, t * y *
			y + c, t * y * z - s * x }, { t * x * z - s * y, t * y * z + s * x, t * z * z + c } };
	}

	// ---- files ----

	private interface Data {

		void write(Path dir, String stem) throws IOException;
	}

	private static void annotation(final Path vs, final boolean seed, final String id, final String object,
		final String objectId, final String suffix, final String shape, final String method, final int count,
		final Data data) throws IOException
	{
		final Path dir = seed ? vs.resolve("Annotations") : vs.resolve("Annotations").resolve(id);
		Files.createDirectories(dir);
		final String stem = seed ? id + "-" + object + "-1.0" : object + "-1.0";
		data.write(dir, stem);
		final String bucketDir = DATASET + "/" + RUN + (seed ? "/Tomograms/" + VS + "/Annotations/" : "/Reconstructions/" +
			VS + "/Annotations/" + id + "/");
		final JsonArray files = new JsonArray();
		for (final String ext : suffix.endsWith("mask") ? new String[] { "mrc", "zarr" } : new String[] { "ndjson" }) {
			final JsonObject f = new JsonObject();
			f.addProperty("format", ext);
			f.addProperty("path", bucketDir + stem + "_" + suffix + "." + ext);
			f.addProperty("shape", shape);
			f.addProperty("is_visualization_default", true);
			files.add(f);
		}
		final JsonObject o = JsonParser.parseString("{\"annotation_object\": {\"id\": \"" + objectId + "\", \"name\": \"" +
			object + "\"}, \"dates\": " + DATES + ", \"annotation_method\": \"" + method + "\", \"method_type\": " +
			"\"manual\", \"ground_truth_status\": false, \"authors\": " + AUTHORS + ", \"version\": 1.0, \"object_count\": " +
			count + "}").getAsJsonObject();
		o.add("files", files);
		o.addProperty("deposition_id", 80101);
		o.addProperty("last_updated_at", 1736942400);
		if (!seed) {
			o.addProperty("annotation_ingest_id", id + "-" + object + "-1.0");
			o.addProperty("alignment_metadata_path", DATASET + "/" + RUN + "/Alignments/100/alignment_metadata.json");
		}
		json(dir.resolve(stem + ".json"), o);
	}

	private static void volumes(final Path dir, final String name, final MultiscaleVolume v, final Downsampling mode)
		throws IOException
	{
		Files.createDirectories(dir);
		new OmeZarrExport(2, mode).export(v, 0, dir.resolve(name + ".zarr"), Progress.NONE);
		new MrcExport(2).export(v, 0, dir.resolve(name + ".mrc"), Progress.NONE);
	}

	private static void ndjson(final Path file, final String lines) throws IOException {
		Files.write(file, lines.getBytes(StandardCharsets.UTF_8));
	}

	private static void json(final Path file, final Object json) throws IOException {
		Files.createDirectories(file.getParent());
		final JsonObject o = json instanceof JsonObject ? (JsonObject) json : JsonParser.parseString((String) json)
			.getAsJsonObject();
		Files.write(file, PythonJson.write(o, false).getBytes(StandardCharsets.UTF_8));
	}

	private static final String AUTHORS = "[{\"name\": \"Sample Author\", \"ORCID\": \"0000-0002-1825-0097\", " +
		"\"primary_author_status\": true, \"corresponding_author_status\": true}]";
	private static final String DATES = "{\"deposition_date\": \"2025-02-01\", \"release_date\": \"2025-02-15\", " +
		"\"last_modified_date\": \"2025-02-15\"}";

	private static String dataset() {
		return "{\"dataset_identifier\": 80001, \"dataset_title\": \"CryoET Fiji tools sample\", \"dataset_description\": " +
			"\"A synthetic run written by the CryoET Fiji tools' own writers\", \"dates\": " + DATES + ", \"authors\": " +
			AUTHORS + ", \"sample_type\": \"in_silico\", \"assay\": {\"name\": \"cryo-electron tomography\", \"id\": " +
			"\"EFO:0030069\"}, \"development_stage\": {\"name\": \"unknown\", \"id\": \"unknown\"}, \"disease\": " +
			"{\"name\": \"normal\", \"id\": \"PATO:0000461\"}, \"key_photos\": {\"snapshot\": null, \"thumbnail\": null}, " +
			"\"deposition_id\": 80101, \"last_updated_at\": 1736942400}";
	}

	private static String size(final int x, final int y, final int z) {
		return "{\"x\": " + x + ", \"y\": " + y + ", \"z\": " + z + "}";
	}

	private static String tiltSeriesMetadata(final boolean seed) {
		final String where = DATASET + "/" + RUN + "/TiltSeries/100/";
		final String files = seed ? "\"omezarr_dir\": \"" + RUN + ".zarr\", \"mrc_files\": [\"" + RUN + ".mrc\"]"
			: "\"omezarr_dir\": \"" + where + RUN + ".zarr\", \"mrc_file\": \"" + where + RUN + ".mrc\"";
		return "{\"acceleration_voltage\": 300000, \"camera\": {\"manufacturer\": \"Gatan\", \"model\": \"K3\"}, " +
			"\"data_acquisition_software\": \"SerialEM\", \"is_aligned\": false, \"microscope\": {\"manufacturer\": " +
			"\"TFS\", \"model\": \"Krios\"}, \"microscope_optical_setup\": {\"energy_filter\": \"GIF\"}, " +
			"\"spherical_aberration_constant\": 2.7, \"tilt_axis\": 90.0, \"tilt_range\": {\"min\": -60, \"max\": 60}, " +
			"\"tilt_series_quality\": 4, \"tilt_step\": 3, \"tilting_scheme\": \"dose symmetric\", \"total_flux\": 120, " +
			"\"pixel_spacing\": 13.48, \"size\": " + size(SampleData.SHAPE[2], SampleData.SHAPE[1], TILTS) +
			", \"run_name\": \"" + RUN + "\", " + files + ", \"deposition_id\": 80101, \"last_updated_at\": 1736942400}";
	}

	private static String tomogramMetadata(final boolean seed) {
		final String where = DATASET + "/" + RUN + "/Reconstructions/" + VS + "/Tomograms/100/";
		final String files = seed ? "\"omezarr_dir\": \"" + RUN + ".zarr\", \"mrc_files\": [\"" + RUN + ".mrc\"]"
			: "\"omezarr_dir\": \"" + where + RUN + ".zarr\", \"mrc_file\": \"" + where + RUN + ".mrc\", " +
				"\"alignment_metadata_path\": \"" + DATASET + "/" + RUN + "/Alignments/100/alignment_metadata.json\"";
		return "{\"voxel_spacing\": 13.48, \"reconstruction_method\": \"WBP\", \"reconstruction_software\": \"IMOD\", " +
			"\"fiducial_alignment_status\": \"FIDUCIAL\", \"processing\": \"raw\", \"tomogram_version\": 1, " +
			"\"is_visualization_default\": true, \"offset\": {\"x\": 0, \"y\": 0, \"z\": 0}, \"authors\": " + AUTHORS +
			", \"dates\": " + DATES + ", \"size\": " + size(SampleData.SHAPE[2], SampleData.SHAPE[1], SampleData.SHAPE[0]) +
			", \"run_name\": \"" + RUN + "\", " + files + ", \"deposition_id\": 80101, \"last_updated_at\": 1736942400}";
	}
}

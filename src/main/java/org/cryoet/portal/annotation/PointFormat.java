package org.cryoet.portal.annotation;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.cryoet.format.json.PythonJson;
import org.cryoet.portal.metadata.AnnotationFormat;

/**
 * The files a point annotation can be written as: the portal's ndjson, a
 * copick picks JSON (Å, 4×4 transforms) or a RELION STAR file (pixels of
 * the annotation's voxel spacing, ZYZ Euler angles), the last two being
 * what the portal's ingestion takes in.
 */
public enum PointFormat {
	NDJSON(AnnotationFormat.NDJSON, ".ndjson"), COPICK(AnnotationFormat.COPICK, ".json"), RELION(
		AnnotationFormat.RELION3_STAR, ".star");

	public final AnnotationFormat format;
	public final String extension;

	PointFormat(final AnnotationFormat format, final String extension) {
		this.format = format;
		this.extension = extension;
	}

	public static PointFormat of(final String s) {
		for (final PointFormat f : values())
			if (f.name().toLowerCase(Locale.ROOT).equals(s)) return f;
		throw new IllegalArgumentException("format must be ndjson, copick or relion, not " + s);
	}

	/** What this format cannot carry of these points, or null. */
	public String cannotCarry(final PointTable points) {
		if (this == RELION && points.kindCounts()[PointKind.INSTANCE_POINT.ordinal()] > 0)
			return "RELION STAR files have no instance ids: export instance points as ndjson or copick";
		return null;
	}

	/** @param voxelSpacing Å per voxel of the locations; @param objectName and @param runName for copick's header */
	public void write(final PointTable points, final double voxelSpacing, final String objectName,
		final String runName, final OutputStream out) throws IOException
	{
		switch (this) {
			case NDJSON:
				NdjsonPointWriter.write(points, out);
				return;
			case COPICK:
				copick(points, voxelSpacing, objectName, runName, out);
				return;
			default:
				relion(points, runName, out);
		}
	}

	public void write(final PointTable points, final double voxelSpacing, final String objectName,
		final String runName, final Path file) throws IOException
	{
		try (OutputStream out = Files.newOutputStream(file)) {
			write(points, voxelSpacing, objectName, runName, out);
		}
	}

	private static void copick(final PointTable p, final double spacing, final String object, final String run,
		final OutputStream out) throws IOException
	{
		final Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		w.write("{\"pickable_object_name\": " + quote(object) + ", \"user_id\": \"cryoet-fiji\", \"session_id\": \"0\", " +
			"\"run_name\": " + (run == null ? "null" : quote(run)) + ", \"voxel_spacing\": " + PythonJson.pythonFloat(spacing) +
			", \"unit\": \"angstrom\", \"trust_orientation\": " + (p.kindCounts()[PointKind.ORIENTED_POINT.ordinal()] > 0) +
			", \"points\": [");
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < p.size(); i++) {
			sb.setLength(0);
			sb.append(i == 0 ? "\n" : ",\n").append("{\"location\": {\"x\": ").append(PythonJson.pythonFloat(p.x(i) *
				spacing)).append(", \"y\": ").append(PythonJson.pythonFloat(p.y(i) * spacing)).append(", \"z\": ").append(
					PythonJson.pythonFloat(p.z(i) * spacing)).append("}, \"transformation_\": [");
			final boolean oriented = p.kind(i) == PointKind.ORIENTED_POINT;
			for (int r = 0; r < 4; r++) {
				sb.append(r == 0 ? "[" : ", [");
				for (int c = 0; c < 4; c++) {
					final double v = r < 3 && c < 3 ? oriented ? p.matrix(i, r, c) : r == c ? 1 : 0 : r == c ? 1 : 0;
					sb.append(c == 0 ? "" : ", ").append(PythonJson.pythonFloat(v));
				}
				sb.append(']');
			}
			sb.append("], \"instance_id\": ").append(p.instanceId(i)).append(", \"score\": 1.0}");
			w.write(sb.toString());
		}
		w.write("\n]}\n");
		w.flush();
	}

	private static void relion(final PointTable p, final String run, final OutputStream out) throws IOException {
		final Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		w.write("# written by the CryoET Fiji tools: coordinates in pixels of the annotation's voxel spacing\n\n" +
			"data_particles\n\nloop_\n_rlnTomoName #1\n_rlnCoordinateX #2\n_rlnCoordinateY #3\n_rlnCoordinateZ #4\n" +
			"_rlnAngleRot #5\n_rlnAngleTilt #6\n_rlnAnglePsi #7\n");
		final String name = run == null || run.isEmpty() ? "tomogram" : run.replaceAll("\\s", "_");
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < p.size(); i++) {
			final double[] a = p.kind(i) == PointKind.ORIENTED_POINT ? EulerZyz.angles(p.matrix(i)) : new double[3];
			sb.setLength(0);
			sb.append(name).append('\t').append(p.x(i)).append('\t').append(p.y(i)).append('\t').append(p.z(i));
			for (final double d : a)
				sb.append('\t').append(d);
			w.write(sb.append('\n').toString());
		}
		w.write("\n");
		w.flush();
	}

	private static String quote(final String s) {
		return new com.google.gson.JsonPrimitive(s).toString();
	}
}

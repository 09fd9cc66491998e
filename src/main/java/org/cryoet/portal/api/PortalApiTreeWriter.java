package org.cryoet.portal.api;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what the API gave in the Browse CryoET Data contract (the same JSON
 * as {@code portal.layout.PortalTreeWriter} writes for a local tree, key for
 * key) with HTTPS URLs where a local tree has relative paths. Ids and names
 * are the bucket's folder names, as locally. The metadata files of datasets,
 * runs, tomograms and tilt series have no field in the API: their URLs are
 * the current layout's names in the entity's folder.
 */
public final class PortalApiTreeWriter {

	private static final Pattern VERSION = Pattern.compile("^.+-(\\d+(?:\\.\\d+)?)\\.json$");

	private final Map<Integer, PortalAlignment> alignments = new HashMap<>();

	private PortalApiTreeWriter() {}

	public static String json(final PortalDataset d) {
		final JsonObject root = new JsonObject();
		final JsonArray ds = new JsonArray();
		ds.add(new PortalApiTreeWriter().dataset(d));
		root.add("datasets", ds);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
	}

	private static String url(final RemoteLocation l) {
		return l == null ? null : l.https != null ? l.https : l.s3;
	}

	private static String child(final RemoteLocation dir, final String name) {
		return dir == null ? null : url(dir.child(name));
	}

	private JsonObject dataset(final PortalDataset d) {
		final JsonObject o = new JsonObject();
		o.addProperty("id", Integer.toString(d.id));
		o.addProperty("path", url(d.location));
		o.addProperty("metadata_path", child(d.location, "dataset_metadata.json"));
		final JsonArray runs = new JsonArray();
		for (final PortalRun r : d.runs)
			runs.add(run(r));
		o.add("runs", runs);
		return o;
	}

	private JsonObject run(final PortalRun r) {
		alignments.clear();
		r.alignments.forEach(a -> alignments.put(a.id, a));
		final JsonObject o = new JsonObject();
		o.addProperty("name", r.name);
		o.addProperty("path", url(r.location));
		o.addProperty("layout", "current");
		o.addProperty("metadata_path", child(r.location, "run_metadata.json"));
		final JsonArray ts = new JsonArray();
		for (final PortalTiltSeries t : r.tiltSeries)
			ts.add(volume(t.folder(), t.omezarr, t.mrc, t.angleList, "tiltseries_metadata.json", null));
		o.add("tilt_series", ts);
		final JsonArray vs = new JsonArray();
		for (final PortalVoxelSpacing v : r.voxelSpacings)
			vs.add(voxelSpacing(v));
		o.add("voxel_spacings", vs);
		final JsonArray al = new JsonArray();
		for (final PortalAlignment a : r.alignments) {
			final RemoteLocation dir = a.metadata == null ? null : a.metadata.parent();
			final JsonObject x = volume(dir, null, null, null, null, null);
			x.addProperty("metadata_path", url(a.metadata));
			al.add(x);
		}
		o.add("alignments", al);
		return o;
	}

	private static JsonObject volume(final RemoteLocation dir, final RemoteLocation zarr, final RemoteLocation mrc,
		final RemoteLocation other, final String metadataName, final String alignmentKey)
	{
		final JsonObject o = new JsonObject();
		o.addProperty("id", dir == null ? null : dir.name());
		o.addProperty("path", url(dir));
		final Map<String, String> vols = new TreeMap<>();
		if (mrc != null) vols.put("mrc", url(mrc));
		if (zarr != null) vols.put("zarr", url(zarr));
		final JsonArray formats = new JsonArray();
		final JsonObject files = new JsonObject();
		vols.forEach((k, v) -> {
			formats.add(k);
			files.addProperty(k, v);
		});
		o.add("formats", formats);
		o.add("volumes", files);
		final JsonArray others = new JsonArray();
		if (other != null) others.add(url(other));
		o.add("other_files", others);
		o.addProperty("metadata_path", metadataName == null ? null : child(dir, metadataName));
		if (alignmentKey != null) o.addProperty("alignment_metadata_path", alignmentKey);
		return o;
	}

	private String alignmentKey(final Integer alignmentId) {
		final PortalAlignment a = alignmentId == null ? null : alignments.get(alignmentId);
		return a == null || a.metadata == null ? null : a.metadata.key();
	}

	private JsonObject voxelSpacing(final PortalVoxelSpacing v) {
		final JsonObject o = new JsonObject();
		o.addProperty("voxel_spacing", v.value);
		o.addProperty("path", url(v.location));
		final JsonArray t = new JsonArray();
		for (final PortalTomogram x : v.tomograms)
			t.add(volume(x.folder(), x.omezarr, x.mrc, null, "tomogram_metadata.json", alignmentKey(x.alignmentId)));
		o.add("tomograms", t);
		final JsonArray a = new JsonArray();
		v.annotations.forEach(x -> a.add(annotation(x)));
		o.add("annotations", a);
		return o;
	}

	private JsonObject annotation(final PortalAnnotation a) {
		final JsonObject o = new JsonObject();
		o.addProperty("id", a.metadata == null ? Integer.toString(a.id) : a.metadata.parent().name());
		o.addProperty("metadata_path", url(a.metadata));
		o.addProperty("object_name", a.objectName);
		o.addProperty("object_id", a.objectId);
		final Matcher m = VERSION.matcher(a.metadata == null ? "" : a.metadata.name());
		o.addProperty("version", m.matches() ? m.group(1) : null);
		final JsonArray shapes = new JsonArray();
		a.shapes().forEach(shapes::add);
		o.add("shapes", shapes);
		final JsonArray files = new JsonArray();
		for (final PortalAnnotationFile f : a.files) {
			final JsonObject fo = new JsonObject();
			fo.addProperty("path", url(f.location));
			fo.addProperty("shape", f.shape);
			fo.addProperty("format", f.format);
			files.add(fo);
		}
		o.add("files", files);
		final String al = alignmentKey(a.alignmentId());
		if (al != null) o.addProperty("alignment_metadata_path", al);
		return o;
	}

	/** A tree a person reads, with both URLs of what can be opened. */
	public static String text(final PortalDataset d) {
		final StringBuilder sb = new StringBuilder();
		sb.append("Dataset ").append(d.id).append(d.title == null ? "" : ": " + d.title).append(d.organism == null ? ""
			: " [" + d.organism + "]").append("  (").append(url(d.location)).append(")\n");
		for (final PortalRun r : d.runs) {
			sb.append("  Run ").append(r.name).append(" (id ").append(r.id).append(")\n");
			for (final PortalTiltSeries t : r.tiltSeries)
				line(sb, "    Tilt series " + t.id, t.omezarr, t.mrc);
			for (final PortalVoxelSpacing v : r.voxelSpacings) {
				sb.append("    Voxel spacing ").append(String.format(Locale.ROOT, "%.3f", v.value)).append(" A\n");
				for (final PortalTomogram t : v.tomograms)
					line(sb, "      Tomogram " + t.id + (t.name == null ? "" : " " + t.name), t.omezarr, t.mrc);
				for (final PortalAnnotation a : v.annotations) {
					sb.append("      Annotation ").append(a.id).append(": ").append(a.objectName).append(a.objectId == null
						? "" : " (" + a.objectId + ")").append(", ").append(String.join(", ", a.shapes())).append("\n");
					for (final PortalAnnotationFile f : a.files)
						sb.append("        ").append(f.shape).append(" ").append(f.format).append("  ").append(url(f.location))
							.append("\n");
				}
			}
		}
		return sb.toString();
	}

	private static void line(final StringBuilder sb, final String head, final RemoteLocation zarr,
		final RemoteLocation mrc)
	{
		sb.append(head).append(":");
		final List<RemoteLocation> all = new java.util.ArrayList<>();
		if (zarr != null) all.add(zarr);
		if (mrc != null) all.add(mrc);
		for (final RemoteLocation l : all)
			sb.append("\n").append(head.replaceAll("\\S.*", "")).append("  ").append(url(l)).append(l.s3 == null ? ""
				: "  " + l.s3);
		sb.append("\n");
	}
}

package org.cryoet.portal.layout;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cryoet.store.StorePath;

/** Writes a discovered tree as JSON (paths relative to the input) or as a readable text tree. */
public final class PortalTreeWriter {

	private final StorePath base;

	private PortalTreeWriter(final PortalDiscovery.Result r) {
		this.base = r.base();
	}

	public static String json(final PortalDiscovery.Result r) {
		final PortalTreeWriter w = new PortalTreeWriter(r);
		final JsonObject root = new JsonObject();
		final JsonArray ds = new JsonArray();
		for (final Dataset d : r.datasets)
			ds.add(w.dataset(d));
		root.add("datasets", ds);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().create().toJson(root);
	}

	// relative, so that a tree gives the same JSON wherever it lies (a folder, a bucket)
	private String rel(final StorePath p) {
		if (p == null) return null;
		final String s = base.relativize(p);
		return s.isEmpty() ? "." : s;
	}

	private static void problems(final JsonObject o, final List<String> problems) {
		if (problems.isEmpty()) return;
		final JsonArray a = new JsonArray();
		problems.forEach(a::add);
		o.add("problems", a);
	}

	private JsonObject dataset(final Dataset d) {
		final JsonObject o = new JsonObject();
		o.addProperty("id", d.id);
		o.addProperty("path", rel(d.path));
		o.addProperty("metadata_path", rel(d.metadata));
		final JsonArray runs = new JsonArray();
		for (final Run r : d.runs)
			runs.add(run(r));
		o.add("runs", runs);
		problems(o, d.problems);
		return o;
	}

	private JsonObject run(final Run r) {
		final JsonObject o = new JsonObject();
		o.addProperty("name", r.name);
		o.addProperty("path", rel(r.path));
		o.addProperty("layout", r.layout.name().toLowerCase(Locale.ROOT));
		o.addProperty("metadata_path", rel(r.metadata));
		final JsonArray ts = new JsonArray();
		for (final VolumeEntry t : r.tiltSeries)
			ts.add(volume(t));
		o.add("tilt_series", ts);
		final JsonArray vs = new JsonArray();
		for (final VoxelSpacing v : r.voxelSpacings)
			vs.add(voxelSpacing(v));
		o.add("voxel_spacings", vs);
		final JsonArray al = new JsonArray();
		for (final VolumeEntry a : r.alignments)
			al.add(volume(a));
		o.add("alignments", al);
		problems(o, r.problems);
		return o;
	}

	private JsonObject volume(final VolumeEntry v) {
		final JsonObject o = new JsonObject();
		o.addProperty("id", v.id);
		o.addProperty("path", rel(v.path));
		final JsonArray formats = new JsonArray();
		final JsonObject files = new JsonObject();
		for (final Map.Entry<String, StorePath> e : v.volumes.entrySet()) {
			formats.add(e.getKey());
			files.addProperty(e.getKey(), rel(e.getValue()));
		}
		o.add("formats", formats);
		o.add("volumes", files);
		final JsonArray other = new JsonArray();
		v.otherFiles.forEach(f -> other.add(rel(f)));
		o.add("other_files", other);
		o.addProperty("metadata_path", rel(v.metadata));
		if (v.alignmentMetadataPath != null) o.addProperty("alignment_metadata_path", v.alignmentMetadataPath);
		problems(o, v.problems);
		return o;
	}

	private JsonObject voxelSpacing(final VoxelSpacing v) {
		final JsonObject o = new JsonObject();
		if (Double.isNaN(v.value)) o.add("voxel_spacing", com.google.gson.JsonNull.INSTANCE);
		else o.addProperty("voxel_spacing", v.value);
		o.addProperty("path", rel(v.path));
		final JsonArray t = new JsonArray();
		v.tomograms.forEach(x -> t.add(volume(x)));
		o.add("tomograms", t);
		final JsonArray a = new JsonArray();
		v.annotations.forEach(x -> a.add(annotation(x)));
		o.add("annotations", a);
		problems(o, v.problems);
		return o;
	}

	private JsonObject annotation(final Annotation a) {
		final JsonObject o = new JsonObject();
		o.addProperty("id", a.id);
		o.addProperty("metadata_path", rel(a.metadata));
		o.addProperty("object_name", a.objectName);
		o.addProperty("object_id", a.objectId);
		o.addProperty("version", a.version);
		final JsonArray shapes = new JsonArray();
		a.shapes().forEach(shapes::add);
		o.add("shapes", shapes);
		final JsonArray files = new JsonArray();
		for (final AnnotationFile f : a.files) {
			final JsonObject fo = new JsonObject();
			fo.addProperty("path", rel(f.path));
			fo.addProperty("shape", f.shape);
			fo.addProperty("format", f.format);
			files.add(fo);
		}
		o.add("files", files);
		if (a.alignmentMetadataPath != null) o.addProperty("alignment_metadata_path", a.alignmentMetadataPath);
		problems(o, a.problems);
		return o;
	}

	/** A tree a person reads in a terminal or the Fiji log. */
	public static String text(final PortalDiscovery.Result r) {
		final PortalTreeWriter w = new PortalTreeWriter(r);
		final StringBuilder sb = new StringBuilder();
		for (final Dataset d : r.datasets) {
			sb.append("Dataset ").append(d.id).append("  (").append(w.rel(d.path)).append(")\n");
			note(sb, "  ", d.problems);
			for (final Run run : d.runs) {
				sb.append("  Run ").append(run.name).append("  [").append(run.layout.name().toLowerCase(Locale.ROOT)).append(
					" layout]\n");
				note(sb, "    ", run.problems);
				for (final VolumeEntry t : run.tiltSeries)
					sb.append("    Tilt series ").append(t.id).append(": ").append(String.join(", ", t.volumes.keySet())).append(
						"  (").append(w.rel(t.path)).append(")\n");
				for (final VoxelSpacing v : run.voxelSpacings) {
					sb.append("    Voxel spacing ").append(Double.isNaN(v.value) ? "?" : String.format(Locale.ROOT, "%.3f", v.value))
						.append(" A\n");
					note(sb, "      ", v.problems);
					for (final VolumeEntry t : v.tomograms) {
						sb.append("      Tomogram ").append(t.id).append(": ").append(String.join(", ", t.volumes.keySet()))
							.append("  (").append(w.rel(t.path)).append(")\n");
						note(sb, "        ", t.problems);
					}
					for (final Annotation a : v.annotations) {
						sb.append("      Annotation ").append(a.id).append(": ").append(a.objectName).append(a.objectId == null
							? "" : " (" + a.objectId + ")").append(", ").append(String.join(", ", a.shapes())).append("\n");
						for (final AnnotationFile f : a.files)
							sb.append("        ").append(f.shape).append(" ").append(f.format).append("  ").append(w.rel(f.path))
								.append("\n");
						note(sb, "        ", a.problems);
					}
				}
				for (final VolumeEntry a : run.alignments)
					sb.append("    Alignment ").append(a.id).append("  (").append(w.rel(a.path)).append(")\n");
			}
		}
		return sb.toString();
	}

	private static void note(final StringBuilder sb, final String indent, final List<String> problems) {
		for (final String p : problems)
			sb.append(indent).append("! could not read: ").append(p).append("\n");
	}
}

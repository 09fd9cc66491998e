package org.cryoet.format.ngff;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cryoet.format.ContainedPath;
import org.cryoet.format.FormatException;
import org.cryoet.format.json.JsonDocument;
import org.cryoet.format.json.PythonJson;

/**
 * The first {@code multiscales} entry of an OME-NGFF 0.4 image group: axes,
 * and per level its path and voxel→physical scale and translation (array axis
 * order, as in the file).
 */
public final class Multiscales {

	public static final class Axis {

		public final String name, type, unit;

		public Axis(final String name, final String type, final String unit) {
			this.name = name;
			this.type = type;
			this.unit = unit;
		}
	}

	public static final class Level {

		public final String path;
		public final double[] scale;
		public final double[] translation;

		public Level(final String path, final double[] scale, final double[] translation) {
			this.path = path;
			this.scale = scale;
			this.translation = translation;
		}
	}

	public final String name;
	public final List<Axis> axes;
	public final List<Level> levels;
	/** True when the group (or its multiscales metadata) carries NGFF {@code image-label}. */
	public final boolean labelImage;

	public Multiscales(final String name, final List<Axis> axes, final List<Level> levels, final boolean labelImage) {
		this.name = name;
		this.axes = Collections.unmodifiableList(new ArrayList<>(axes));
		this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
		this.labelImage = labelImage;
	}

	/** @param where the {@code .zattrs} file, for messages */
	public static Multiscales parse(final byte[] zattrs, final String where) throws FormatException {
		final JsonElement doc = JsonDocument.parse(zattrs, where, "an OME-NGFF group's attributes (a JSON object)");
		if (!doc.isJsonObject())
			throw new FormatException(where + ": not a JSON object, so not an OME-NGFF group's attributes");
		final JsonObject root = doc.getAsJsonObject();
		final JsonElement ms = root.get("multiscales");
		if (ms == null || !ms.isJsonArray() || ms.getAsJsonArray().size() == 0)
			throw new FormatException(where + ": no \"multiscales\" list, so this is not an OME-NGFF image group");
		try {
			final JsonObject m = ms.getAsJsonArray().get(0).getAsJsonObject();
			final String version = m.has("version") ? m.get("version").getAsString() : root.has("version") ? root.get(
				"version").getAsString() : "";
			if (!version.isEmpty() && !version.startsWith("0.4") && !version.startsWith("0.3") && !version.startsWith("0.2"))
				throw new FormatException("OME-NGFF version " + NgffRules.quote(version) + " is not supported (0.4 is)");
			final List<Axis> axes = new ArrayList<>();
			if (m.has("axes")) for (final JsonElement a : m.getAsJsonArray("axes")) {
				if (a.isJsonPrimitive()) axes.add(new Axis(a.getAsString(), "space", ""));
				else {
					final JsonObject o = a.getAsJsonObject();
					axes.add(new Axis(str(o, "name"), str(o, "type"), str(o, "unit")));
				}
			}
			NgffRules.checkAxes(axes);
			final JsonArray datasets = m.getAsJsonArray("datasets");
			if (datasets == null || datasets.size() == 0) throw new FormatException("multiscales has no datasets");
			final int nd = axes.isEmpty() ? -1 : axes.size();
			final List<Level> levels = new ArrayList<>();
			for (final JsonElement de : datasets) {
				final JsonObject d = de.getAsJsonObject();
				final String path = ContainedPath.check(str(d, "path"), where, "datasets[" + levels.size() + "].path");
				double[] scale = null, translation = null;
				if (d.has("coordinateTransformations")) for (final JsonElement te : d.getAsJsonArray(
					"coordinateTransformations"))
				{
					final JsonObject t = te.getAsJsonObject();
					final String type = str(t, "type");
					if (type.equals("scale")) scale = doubles(t.getAsJsonArray("scale"));
					else if (type.equals("translation")) translation = doubles(t.getAsJsonArray("translation"));
					else if (!type.equals("identity"))
						throw new FormatException("coordinate transformation " + NgffRules.quote(type) + " is not supported");
				}
				if (scale == null) {
					scale = new double[nd < 0 ? 3 : nd];
					java.util.Arrays.fill(scale, 1);
				}
				if (translation == null) translation = new double[scale.length];
				if (nd >= 0 && (scale.length != nd || translation.length != nd))
					throw new FormatException("dataset " + path + " has a transform of " + scale.length + " dimensions for " +
						nd + " axes");
				NgffRules.checkTransform(path, scale, translation);
				levels.add(new Level(path, scale, translation));
			}
			final boolean label = root.has("image-label") || m.has("metadata") && m.get("metadata").isJsonObject() &&
				m.getAsJsonObject("metadata").has("image-label");
			return new Multiscales(m.has("name") ? m.get("name").getAsString() : "", axes, levels, label);
		}
		catch (final FormatException e) {
			throw e.getMessage().startsWith(where) ? e : new FormatException(where + ": " + e.getMessage());
		}
		catch (final RuntimeException e) {
			throw new FormatException(where + ": malformed OME-NGFF multiscales (a field has the wrong kind of value: " +
				e.getClass().getSimpleName() + ")");
		}
	}

	private static String str(final JsonObject o, final String k) {
		return o.has(k) && !o.get(k).isJsonNull() ? o.get(k).getAsString() : "";
	}

	private static double[] doubles(final JsonArray a) {
		final double[] r = new double[a.size()];
		for (int i = 0; i < r.length; i++)
			r[i] = a.get(i).getAsDouble();
		return r;
	}

	/**
	 * The group {@code .zattrs} as the portal writes it (ome-zarr-py 0.9:
	 * sorted keys, indent 4, {@code "name": "/"}, {@code "metadata"} holding
	 * {@code image-label} for label images).
	 */
	public static String portalZattrs(final List<double[]> scales, final boolean labelImage, final int[] labelValues) {
		final JsonObject m = new JsonObject();
		final JsonArray axes = new JsonArray();
		for (final String n : new String[] { "z", "y", "x" }) {
			final JsonObject a = new JsonObject();
			a.addProperty("name", n);
			a.addProperty("type", "space");
			a.addProperty("unit", "angstrom");
			axes.add(a);
		}
		m.add("axes", axes);
		final JsonArray datasets = new JsonArray();
		for (int i = 0; i < scales.size(); i++) {
			final JsonObject t = new JsonObject();
			final JsonArray s = new JsonArray();
			for (final double v : scales.get(i))
				s.add(v);
			t.add("scale", s);
			t.addProperty("type", "scale");
			final JsonArray ts = new JsonArray();
			ts.add(t);
			final JsonObject d = new JsonObject();
			d.add("coordinateTransformations", ts);
			d.addProperty("path", Integer.toString(i));
			datasets.add(d);
		}
		m.add("datasets", datasets);
		final JsonObject metadata = new JsonObject();
		if (labelImage) {
			final JsonObject il = new JsonObject();
			final JsonArray colors = new JsonArray();
			for (final int v : labelValues) {
				final JsonObject c = new JsonObject();
				c.addProperty("label-value", v);
				colors.add(c);
			}
			il.add("colors", colors);
			il.addProperty("version", "0.4");
			metadata.add("image-label", il);
		}
		m.add("metadata", metadata);
		m.addProperty("name", "/");
		m.addProperty("version", "0.4");
		final JsonArray ms = new JsonArray();
		ms.add(m);
		final JsonObject root = new JsonObject();
		root.add("multiscales", ms);
		return PythonJson.write(root, true);
	}
}

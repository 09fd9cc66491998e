package org.cryoet.portal.annotation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.cryoet.format.FormatException;
import org.cryoet.portal.layout.Annotation;
import org.cryoet.portal.layout.AnnotationFile;
import org.cryoet.portal.layout.Dataset;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.Run;
import org.cryoet.portal.layout.VolumeEntry;
import org.cryoet.portal.layout.VoxelSpacing;
import org.cryoet.portal.metadata.AnnotationMetadata;
import org.cryoet.portal.metadata.AnnotationShape;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;

/**
 * A point annotation file to import, with what is known around it: its
 * annotation id and object, the voxel spacing its locations are in, and the
 * tomogram it was made on (same voxel spacing and alignment).
 */
public final class PointAnnotationSource {

	public final StorePath file;
	/** null outside a portal tree */
	public final String annotationId;
	public final String objectName;
	public final String objectId;
	/** Å per voxel of the locations; NaN when not known (a bare ndjson file). */
	public final double voxelSpacing;
	/** The tomogram's OME-Zarr or MRC, or null. */
	public final StorePath tomogram;
	public final String runName;

	PointAnnotationSource(final StorePath file, final String annotationId, final String objectName,
		final String objectId, final double voxelSpacing, final StorePath tomogram, final String runName)
	{
		this.file = file;
		this.annotationId = annotationId;
		this.objectName = objectName;
		this.objectId = objectId;
		this.voxelSpacing = voxelSpacing;
		this.tomogram = tomogram;
		this.runName = runName;
	}

	/** A point file whose annotation is known already (from the portal's API). */
	public static PointAnnotationSource of(final StorePath file, final String annotationId, final String objectName,
		final String objectId, final double voxelSpacing, final String runName)
	{
		return new PointAnnotationSource(file, annotationId, objectName, objectId, voxelSpacing, null, runName);
	}

	/**
	 * The point files an input names: an ndjson file, an annotation metadata
	 * JSON, or an annotation folder, in either layout.
	 */
	public static List<PointAnnotationSource> resolve(final Path input) throws IOException {
		final Path in = input.toAbsolutePath().normalize();
		if (!Files.exists(in)) throw new FormatException(input + ": not found");
		return resolve(Stores.local(in));
	}

	/** The same in any store; where the store cannot list (a web server), from a file's URL only. */
	public static List<PointAnnotationSource> resolve(final StorePath in) throws IOException {
		if (!in.store.canList()) return unlisted(in);
		final boolean file = in.isFile();
		if (!file && !in.isFolder()) throw new FormatException(in + ": not found");
		PortalDiscovery.Result found = null;
		// discovery from the whole voxel spacing, so its tomograms are listed with the annotation
		StorePath from = in;
		for (StorePath p = in; p != null; p = p.parent())
			if (p.name().startsWith("VoxelSpacing")) {
				from = p;
				break;
			}
		try {
			found = PortalDiscovery.discover(from);
		}
		catch (final FormatException e) {
			// not in a portal tree: a bare ndjson file is still fine
		}
		final List<PointAnnotationSource> out = new ArrayList<>();
		if (found != null) for (final Dataset d : found.datasets)
			for (final Run r : d.runs)
				for (final VoxelSpacing vs : r.voxelSpacings)
					for (final Annotation a : vs.annotations)
						for (final AnnotationFile f : a.files) {
							final AnnotationShape shape = AnnotationShape.of(f.shape);
							if (shape == null || !shape.isPoints() || !f.path.name().endsWith(".ndjson")) continue;
							if (!(in.equals(f.path) || in.equals(a.metadata) || !file && f.path.startsWith(in))) continue;
							out.add(new PointAnnotationSource(f.path, a.id, a.objectName, a.objectId, vs.value, tomogram(vs, a),
								r.name));
						}
		if (out.isEmpty() && file && in.name().endsWith(".ndjson")) out.add(new PointAnnotationSource(in, null, stem(in),
			null, Double.NaN, null, null));
		if (out.isEmpty()) throw new FormatException(in + ": no point annotation here (give an ndjson file, an " +
			"annotation metadata JSON or an annotation folder)");
		return out;
	}

	/**
	 * A web server lists nothing: the files are found from the layout's names
	 * instead. An ndjson file's annotation is its sibling {@code {stem}.json};
	 * an annotation JSON's point files are its siblings named in its
	 * {@code files} or {@code {stem}_{point shape}.ndjson}. The tomogram is not
	 * found this way (its id is not in those names).
	 */
	private static List<PointAnnotationSource> unlisted(final StorePath in) throws IOException {
		final String name = in.name();
		final StorePath folder = in.parent();
		if (folder == null || !name.endsWith(".ndjson") && !name.endsWith(".json")) throw new FormatException(in +
			": this server offers no folder listing (give the URL of an ndjson file or of an annotation metadata JSON)");
		if (!in.isFile()) throw new FormatException(in + ": not found");
		final double spacing = voxelSpacingOf(in);
		final String runName = runOf(in);
		final List<PointAnnotationSource> out = new ArrayList<>();
		if (name.endsWith(".ndjson")) {
			final String stem = stem(in);
			final int u = stem.lastIndexOf('_');
			final StorePath meta = u > 0 ? folder.resolve(stem.substring(0, u) + ".json") : null;
			final AnnotationMetadata md = meta != null && meta.isFile() ? metadataOrNull(meta) : null;
			if (md == null) out.add(new PointAnnotationSource(in, null, stem, null, spacing, null, runName));
			else out.add(new PointAnnotationSource(in, annotationId(meta), md.objectName(), md.objectIdText(), spacing, null,
				runName));
			return out;
		}
		final AnnotationMetadata md = new AnnotationMetadata(MetadataFiles.read(in));
		final String stem = name.substring(0, name.length() - ".json".length());
		final Set<String> names = new LinkedHashSet<>();
		for (final AnnotationMetadata.FileEntry f : md.files())
			if (f.path != null && f.path.endsWith(".ndjson") && (f.shape == null || f.shape.isPoints())) names.add(f.path
				.substring(f.path.lastIndexOf('/') + 1));
		for (final AnnotationShape s : AnnotationShape.values())
			if (s.isPoints()) names.add(stem + "_" + s.suffix + ".ndjson");
		for (final String n : names) {
			final StorePath f = folder.resolve(n);
			if (f.isFile()) out.add(new PointAnnotationSource(f, annotationId(in), md.objectName(), md.objectIdText(),
				spacing, null, runName));
		}
		if (out.isEmpty()) throw new FormatException(in + ": no point file of this annotation beside it");
		return out;
	}

	private static AnnotationMetadata metadataOrNull(final StorePath meta) throws IOException {
		try {
			return new AnnotationMetadata(MetadataFiles.read(meta));
		}
		catch (final FormatException e) {
			return null; // a broken sidecar: the points still import, unnamed
		}
	}

	/** {@code Annotations/{id}/x.json} (current layout) or {@code Annotations/{id}-x.json} (seed). */
	private static String annotationId(final StorePath meta) {
		final StorePath folder = meta.parent();
		if (folder != null && folder.name().matches("\\d+")) return folder.name();
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)[-_].*").matcher(meta.name());
		return m.matches() ? m.group(1) : null;
	}

	/** The value of the nearest {@code VoxelSpacing{Å}} folder above, or NaN. */
	private static double voxelSpacingOf(final StorePath p) {
		for (StorePath q = p; q != null; q = q.parent()) {
			final java.util.regex.Matcher m = java.util.regex.Pattern.compile("^VoxelSpacing(\\d+(?:\\.\\d+)?)$").matcher(q
				.name());
			if (m.matches()) return Double.parseDouble(m.group(1));
		}
		return Double.NaN;
	}

	/** The run: the folder above {@code Reconstructions/} or {@code Tomograms/} holding the voxel spacing. */
	private static String runOf(final StorePath p) {
		for (StorePath q = p; q != null && q.parent() != null; q = q.parent())
			if (q.name().startsWith("VoxelSpacing") && q.parent().parent() != null) return q.parent().parent().name();
		return null;
	}

	private static StorePath tomogram(final VoxelSpacing vs, final Annotation a) {
		VolumeEntry pick = null;
		for (final VolumeEntry t : vs.tomograms)
			if (pick == null || a.alignmentMetadataPath != null && Objects.equals(t.alignmentMetadataPath,
				a.alignmentMetadataPath) && !Objects.equals(pick.alignmentMetadataPath, a.alignmentMetadataPath)) pick = t;
		if (pick == null) return null;
		return pick.volumes.containsKey("zarr") ? pick.volumes.get("zarr") : pick.volumes.get("mrc");
	}

	private static String stem(final StorePath f) {
		final String n = f.name();
		return n.substring(0, n.length() - ".ndjson".length());
	}

	/** {@code ribosome 100}: the ROI's name. */
	public String label() {
		return objectName + (annotationId == null ? "" : " " + annotationId);
	}
}

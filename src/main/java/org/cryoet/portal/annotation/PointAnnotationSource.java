package org.cryoet.portal.annotation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.cryoet.format.FormatException;
import org.cryoet.portal.layout.Annotation;
import org.cryoet.portal.layout.AnnotationFile;
import org.cryoet.portal.layout.Dataset;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.Run;
import org.cryoet.portal.layout.VolumeEntry;
import org.cryoet.portal.layout.VoxelSpacing;
import org.cryoet.portal.metadata.AnnotationShape;

/**
 * A point annotation file to import, with what is known around it: its
 * annotation id and object, the voxel spacing its locations are in, and the
 * tomogram it was made on (same voxel spacing and alignment).
 */
public final class PointAnnotationSource {

	public final Path file;
	/** null outside a portal tree */
	public final String annotationId;
	public final String objectName;
	public final String objectId;
	/** Å per voxel of the locations; NaN when not known (a bare ndjson file). */
	public final double voxelSpacing;
	/** The tomogram's OME-Zarr or MRC, or null. */
	public final Path tomogram;
	public final String runName;

	PointAnnotationSource(final Path file, final String annotationId, final String objectName, final String objectId,
		final double voxelSpacing, final Path tomogram, final String runName)
	{
		this.file = file;
		this.annotationId = annotationId;
		this.objectName = objectName;
		this.objectId = objectId;
		this.voxelSpacing = voxelSpacing;
		this.tomogram = tomogram;
		this.runName = runName;
	}

	/**
	 * The point files an input names: an ndjson file, an annotation metadata
	 * JSON, or an annotation folder, in either layout.
	 */
	public static List<PointAnnotationSource> resolve(final Path input) throws IOException {
		final Path in = input.toAbsolutePath().normalize();
		if (!Files.exists(in)) throw new FormatException(input + ": not found");
		PortalDiscovery.Result found = null;
		// discovery from the whole voxel spacing, so its tomograms are listed with the annotation
		Path from = in;
		for (Path p = in; p != null; p = p.getParent())
			if (p.getFileName() != null && p.getFileName().toString().startsWith("VoxelSpacing")) {
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
							if (shape == null || !shape.isPoints() || !f.path.toString().endsWith(".ndjson")) continue;
							if (!(in.equals(f.path) || in.equals(a.metadata) || Files.isDirectory(in) && f.path.startsWith(in)))
								continue;
							out.add(new PointAnnotationSource(f.path, a.id, a.objectName, a.objectId, vs.value, tomogram(vs, a),
								r.name));
						}
		if (out.isEmpty() && Files.isRegularFile(in) && in.getFileName().toString().endsWith(".ndjson")) out.add(
			new PointAnnotationSource(in, null, stem(in), null, Double.NaN, null, null));
		if (out.isEmpty()) throw new FormatException(input + ": no point annotation here (give an ndjson file, an " +
			"annotation metadata JSON or an annotation folder)");
		return out;
	}

	private static Path tomogram(final VoxelSpacing vs, final Annotation a) {
		VolumeEntry pick = null;
		for (final VolumeEntry t : vs.tomograms)
			if (pick == null || a.alignmentMetadataPath != null && Objects.equals(t.alignmentMetadataPath,
				a.alignmentMetadataPath) && !Objects.equals(pick.alignmentMetadataPath, a.alignmentMetadataPath)) pick = t;
		if (pick == null) return null;
		return pick.volumes.containsKey("zarr") ? pick.volumes.get("zarr") : pick.volumes.get("mrc");
	}

	private static String stem(final Path f) {
		final String n = f.getFileName().toString();
		return n.substring(0, n.length() - ".ndjson".length());
	}

	/** {@code ribosome 100}: the ROI's name. */
	public String label() {
		return objectName + (annotationId == null ? "" : " " + annotationId);
	}
}

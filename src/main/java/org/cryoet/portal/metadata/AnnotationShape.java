package org.cryoet.portal.metadata;

import java.util.Locale;

/**
 * Annotation file shapes: the name the metadata JSON gives them and the
 * suffix the portal puts before the extension ({@code ribosome-1.0_point.ndjson}).
 * The one list of them in the code.
 */
public enum AnnotationShape {
	Point("point"), OrientedPoint("orientedpoint"), InstanceSegmentation("instancesegmentation"),
	SegmentationMask("segmentationmask"), InstanceSegmentationMask("instancesegmentationmask"),
	TriangularMesh("triangularmesh"), GlobalCaption("globalcaption"), AnnotationCaption("caption");

	/** The file-name suffix, lower case without the underscore (any {@code *caption} for annotation captions). */
	public final String suffix;

	AnnotationShape(final String suffix) {
		this.suffix = suffix;
	}

	public static AnnotationShape of(final String s) {
		for (final AnnotationShape a : values())
			if (a.name().equals(s)) return a;
		return null;
	}

	/** @param suffix what follows the last '_' of a data file's name, without extension; null when unknown */
	public static AnnotationShape ofSuffix(final String suffix) {
		final String s = suffix.toLowerCase(Locale.ROOT);
		for (final AnnotationShape a : values())
			if (a.suffix.equals(s)) return a;
		return s.endsWith("caption") ? AnnotationCaption : null;
	}

	public static String[] names(final AnnotationShape... shapes) {
		return java.util.Arrays.stream(shapes).map(Enum::name).toArray(String[]::new);
	}

	/** Shapes whose files are ndjson points. */
	public boolean isPoints() {
		return this == Point || this == OrientedPoint || this == InstanceSegmentation;
	}

	/** Shapes whose files are volumes (OME-Zarr and MRC). */
	public boolean isMask() {
		return this == SegmentationMask || this == InstanceSegmentationMask;
	}
}

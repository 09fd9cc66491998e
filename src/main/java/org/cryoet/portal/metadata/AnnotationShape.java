package org.cryoet.portal.metadata;

/** Annotation file shapes as the metadata JSON names them. */
public enum AnnotationShape {
	Point, OrientedPoint, InstanceSegmentation, SegmentationMask, InstanceSegmentationMask, TriangularMesh,
	GlobalCaption, AnnotationCaption;

	public static AnnotationShape of(final String s) {
		for (final AnnotationShape a : values())
			if (a.name().equals(s)) return a;
		return null;
	}
}

package org.cryoet.portal.annotation;

import org.cryoet.portal.metadata.AnnotationShape;

/** The three kinds of ndjson point lines and the annotation shape each belongs to. */
public enum PointKind {
	/** {@code {"type": "point", "location": ...}} */
	POINT("point", AnnotationShape.Point),
	/** A point with {@code xyz_rotation_matrix}: the particle's axes in the tomogram. */
	ORIENTED_POINT("orientedPoint", AnnotationShape.OrientedPoint),
	/** A point with {@code instance_id}, grouping points into instances. */
	INSTANCE_POINT("instancePoint", AnnotationShape.InstanceSegmentation);

	/** The line's {@code type} value. */
	public final String type;
	public final AnnotationShape shape;

	PointKind(final String type, final AnnotationShape shape) {
		this.type = type;
		this.shape = shape;
	}

	/** @return null for an unknown type */
	public static PointKind ofType(final String type) {
		for (final PointKind k : values())
			if (k.type.equals(type)) return k;
		return null;
	}

	/** The kind whose points a file of {@code shape} holds, or null when the shape holds no points. */
	public static PointKind ofShape(final AnnotationShape shape) {
		for (final PointKind k : values())
			if (k.shape == shape) return k;
		return null;
	}
}

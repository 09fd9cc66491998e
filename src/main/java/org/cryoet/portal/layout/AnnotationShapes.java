package org.cryoet.portal.layout;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The suffixes the portal gives annotation files ({@code _point.ndjson}) and the shapes they stand for. */
final class AnnotationShapes {

	private static final Map<String, String> SHAPES = new LinkedHashMap<>();
	static {
		SHAPES.put("point", "Point");
		SHAPES.put("orientedpoint", "OrientedPoint");
		SHAPES.put("instancesegmentation", "InstanceSegmentation");
		SHAPES.put("segmentationmask", "SegmentationMask");
		SHAPES.put("instancesegmentationmask", "InstanceSegmentationMask");
		SHAPES.put("triangularmesh", "TriangularMesh");
		SHAPES.put("globalcaption", "GlobalCaption");
	}

	private AnnotationShapes() {}

	/** @param suffix what follows the last '_' of the file name, without extension */
	static String shapeOf(final String suffix) {
		final String s = SHAPES.get(suffix.toLowerCase(Locale.ROOT));
		if (s != null) return s;
		return suffix.toLowerCase(Locale.ROOT).endsWith("caption") ? "AnnotationCaption" : null;
	}

	static String formatOf(final String fileName) {
		final String n = fileName.toLowerCase(Locale.ROOT);
		final int dot = n.lastIndexOf('.');
		final String ext = dot < 0 ? "" : n.substring(dot + 1);
		return ext.equals("json") ? "saber" : ext;
	}
}

package org.cryoet.portal.layout;

import java.nio.file.Path;

/** One file of an annotation: its path, its shape (Point, SegmentationMask, ...) and format (ndjson, mrc, zarr, ...). */
public final class AnnotationFile {

	public final Path path;
	public final String shape;
	public final String format;

	public AnnotationFile(final Path path, final String shape, final String format) {
		this.path = path;
		this.shape = shape;
		this.format = format;
	}
}

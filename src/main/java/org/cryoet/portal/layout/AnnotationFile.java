package org.cryoet.portal.layout;

import org.cryoet.store.StorePath;

/** One file of an annotation: its path, its shape (Point, SegmentationMask, ...) and format (ndjson, mrc, zarr, ...). */
public final class AnnotationFile {

	public final StorePath path;
	public final String shape;
	public final String format;

	public AnnotationFile(final StorePath path, final String shape, final String format) {
		this.path = path;
		this.shape = shape;
		this.format = format;
	}
}

package org.cryoet.portal.metadata;

import java.util.Locale;

/** The portal's metadata sidecar files, by what they describe. */
public enum MetadataKind {
	ANNOTATION, TOMOGRAM, TILT_SERIES, DATASET, RUN, ALIGNMENT;

	/**
	 * From a file name as the portal writes it (also with a prefix, as in
	 * {@code 10000_tomogram_metadata.json}); other {@code .json} files are
	 * annotations ({@code {object}-{version}.json}).
	 */
	public static MetadataKind ofFileName(final String name) {
		final String n = name.toLowerCase(Locale.ROOT);
		if (n.contains("tomogram_metadata")) return TOMOGRAM;
		if (n.contains("tiltseries_metadata")) return TILT_SERIES;
		if (n.contains("dataset_metadata")) return DATASET;
		if (n.contains("run_metadata")) return RUN;
		if (n.contains("alignment_metadata")) return ALIGNMENT;
		return n.endsWith(".json") ? ANNOTATION : null;
	}
}

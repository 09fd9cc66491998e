package org.cryoet.portal.metadata;

import java.util.Arrays;
import java.util.Locale;

/**
 * The {@code format} of an annotation file entry: what the portal writes
 * ({@code ndjson}, {@code mrc}, {@code zarr}, {@code glb}, {@code saber} for
 * caption JSON) and the ingestion's source formats the schema also names.
 */
public enum AnnotationFormat {
	NDJSON("ndjson", true), MRC("mrc", true), ZARR("zarr", true), GLB("glb", true), SABER("saber", true),
	CSV("csv", false), CSV_WITH_HEADER("csv_with_header", false), TSV("tsv", false), MOD("mod", false),
	RELION3_STAR("relion3_star", false), RELION4_STAR("relion4_star", false), TOMOMAN_RELION_STAR("tomoman_relion_star",
		false), COPICK("copick", false), STOPGAP_STAR("stopgap_star", false), TARDIS("tardis", false),
	OBJ("obj", false), STL("stl", false), VTK("vtk", false), HFF("hff", false);

	/** As written in the metadata JSON. */
	public final String json;
	/** Written by the portal's ingestion (as opposed to only accepted as its input). */
	public final boolean portalOutput;

	AnnotationFormat(final String json, final boolean portalOutput) {
		this.json = json;
		this.portalOutput = portalOutput;
	}

	public static AnnotationFormat of(final String s) {
		for (final AnnotationFormat f : values())
			if (f.json.equals(s)) return f;
		return null;
	}

	/** The file name's extension; caption {@code .json} files are {@code saber}. */
	public static String ofFileName(final String fileName) {
		final String n = fileName.toLowerCase(Locale.ROOT);
		final int dot = n.lastIndexOf('.');
		final String ext = dot < 0 ? "" : n.substring(dot + 1);
		return ext.equals("json") ? SABER.json : ext;
	}

	/** The extension of a file the portal writes in this format ({@code .ndjson}; {@code .json} for saber). */
	public String extension() {
		return this == SABER ? ".json" : "." + json;
	}

	public static String[] jsonNames(final AnnotationFormat... formats) {
		return Arrays.stream(formats).map(f -> f.json).toArray(String[]::new);
	}
}

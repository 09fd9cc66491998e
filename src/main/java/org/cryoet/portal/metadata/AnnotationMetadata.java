package org.cryoet.portal.metadata;

import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** An annotation's {@code {object}-{version}.json}. */
public final class AnnotationMetadata extends MetadataDocument {

	/** One entry of {@code files}. */
	public static final class FileEntry {

		public final String format;
		public final String path;
		public final AnnotationShape shape;
		public final Boolean visualizationDefault;
		/** The shape as written, also when it is none we know. */
		public final String shapeText;

		FileEntry(final String format, final String path, final String shape, final Boolean visualizationDefault) {
			this.format = format;
			this.path = path;
			this.shapeText = shape;
			this.shape = AnnotationShape.of(shape);
			this.visualizationDefault = visualizationDefault;
		}
	}

	public AnnotationMetadata(final JsonObject json) {
		super(json);
	}

	public String objectName() {
		return string(object(json, "annotation_object"), "name");
	}

	public OntologyId objectId() {
		return OntologyId.parse(string(object(json, "annotation_object"), "id"));
	}

	/** The object id as written, whatever its form. */
	public String objectIdText() {
		return string(object(json, "annotation_object"), "id");
	}

	public String method() {
		return string(json, "annotation_method");
	}

	public MethodType methodType() {
		return MethodType.of(string(json, "method_type"));
	}

	/** A number in the file ({@code 1.0}), used in file names. */
	public Double version() {
		return number(json, "version");
	}

	/** The version as the file writes it ({@code 1.0}), for file names; null when absent. */
	public String versionText() {
		final com.google.gson.JsonElement e = json.get("version");
		return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
	}

	public Integer objectCount() {
		return integer(json, "object_count");
	}

	public Boolean groundTruth() {
		return bool(json, "ground_truth_status");
	}

	public String ingestId() {
		return string(json, "annotation_ingest_id");
	}

	/** The tomogram whose frame the annotation is in, by its alignment (bucket-relative). */
	public String alignmentMetadataPath() {
		return string(json, "alignment_metadata_path");
	}

	public List<FileEntry> files() {
		final List<FileEntry> out = new ArrayList<>();
		for (final JsonObject f : objects(json, "files"))
			out.add(new FileEntry(string(f, "format"), string(f, "path"), string(f, "shape"), bool(f,
				"is_visualization_default")));
		return Collections.unmodifiableList(out);
	}
}

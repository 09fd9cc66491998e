package org.cryoet.portal.metadata;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A new annotation metadata document, with the keys in the order the portal's
 * ingestion writes them. Schema 2.0.0 adds {@code annotation_ingest_id} and
 * {@code alignment_metadata_path}; 1.1.0 leaves them out. What is missing or
 * wrong is for the validator to say, not for the builder.
 */
public final class AnnotationMetadataBuilder {

	private String objectName, objectId, method, methodType, software, ingestId, alignmentMetadataPath;
	private final List<Author> authors = new ArrayList<>();
	private double version = 1.0;
	private Integer depositionId, objectCount;
	private Boolean groundTruth;
	private LocalDate deposition, release, lastModified;
	private Instant lastUpdatedAt;
	private boolean schema2 = true;
	private final List<JsonObject> files = new ArrayList<>();

	public AnnotationMetadataBuilder object(final String name, final String id) {
		this.objectName = name;
		this.objectId = id;
		return this;
	}

	public AnnotationMetadataBuilder method(final String method, final String methodType) {
		this.method = method;
		this.methodType = methodType;
		return this;
	}

	public AnnotationMetadataBuilder software(final String software) {
		this.software = software;
		return this;
	}

	public AnnotationMetadataBuilder authors(final List<Author> list) {
		authors.addAll(list);
		return this;
	}

	public AnnotationMetadataBuilder version(final double v) {
		this.version = v;
		return this;
	}

	public AnnotationMetadataBuilder depositionId(final Integer id) {
		this.depositionId = id;
		return this;
	}

	public AnnotationMetadataBuilder groundTruth(final Boolean gt) {
		this.groundTruth = gt;
		return this;
	}

	/** Deposition, release and last-modified dates; all default to today (UTC). */
	public AnnotationMetadataBuilder dates(final LocalDate deposition, final LocalDate release,
		final LocalDate lastModified)
	{
		this.deposition = deposition;
		this.release = release;
		this.lastModified = lastModified;
		return this;
	}

	public AnnotationMetadataBuilder lastUpdatedAt(final Instant t) {
		this.lastUpdatedAt = t;
		return this;
	}

	/** {@code true} for schema 2.0.0 (the default), {@code false} for 1.1.0. */
	public AnnotationMetadataBuilder schema2(final boolean v2) {
		this.schema2 = v2;
		return this;
	}

	/** {@code {id}-{object}-{version}}, as the portal forms it. Schema 2.0.0 only. */
	public AnnotationMetadataBuilder ingestId(final String id) {
		this.ingestId = id;
		return this;
	}

	/** The alignment of the tomogram the annotation was made on (bucket-relative). Schema 2.0.0 only. */
	public AnnotationMetadataBuilder alignmentMetadataPath(final String path) {
		this.alignmentMetadataPath = path;
		return this;
	}

	public AnnotationMetadataBuilder objectCount(final int n) {
		this.objectCount = n;
		return this;
	}

	/** @param path bucket-relative key of the file ({@code 10000/TS_026/Reconstructions/...}) */
	public AnnotationMetadataBuilder file(final AnnotationFormat format, final String path, final AnnotationShape shape,
		final boolean visualizationDefault)
	{
		final JsonObject f = new JsonObject();
		f.addProperty("format", format.json);
		f.addProperty("path", path);
		f.addProperty("shape", shape.name());
		f.addProperty("is_visualization_default", visualizationDefault);
		files.add(f);
		return this;
	}

	/** The version as it appears in file names: {@code 1.0}, {@code 2.5}. */
	public static String versionText(final double v) {
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return (long) v + ".0";
		return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
	}

	public AnnotationMetadata build() {
		final LocalDate today = LocalDate.now(ZoneOffset.UTC);
		final JsonObject o = new JsonObject();
		final JsonObject object = new JsonObject();
		object.addProperty("id", objectId);
		object.addProperty("name", objectName);
		o.add("annotation_object", object);
		final JsonObject d = new JsonObject();
		d.addProperty("deposition_date", (deposition != null ? deposition : today).toString());
		d.addProperty("release_date", (release != null ? release : today).toString());
		d.addProperty("last_modified_date", (lastModified != null ? lastModified : today).toString());
		o.add("dates", d);
		o.addProperty("annotation_method", method);
		o.addProperty("method_type", methodType);
		if (groundTruth != null) o.addProperty("ground_truth_status", groundTruth);
		final JsonArray a = new JsonArray();
		for (final Author au : authors) {
			final JsonObject j = new JsonObject();
			j.addProperty("name", au.name);
			if (au.orcid != null) j.addProperty("ORCID", au.orcid);
			if (au.primary != null) j.addProperty("primary_author_status", au.primary);
			if (au.corresponding != null) j.addProperty("corresponding_author_status", au.corresponding);
			a.add(j);
		}
		o.add("authors", a);
		if (software != null) o.addProperty("annotation_software", software);
		// a number, as the schema's VersionString is: 1.0, not "1.0"
		o.add("version", new com.google.gson.JsonPrimitive(new BigDecimal(versionText(version))));
		if (objectCount != null) o.addProperty("object_count", objectCount);
		final JsonArray fa = new JsonArray();
		files.forEach(fa::add);
		o.add("files", fa);
		o.addProperty("deposition_id", depositionId == null ? 0 : depositionId);
		o.addProperty("last_updated_at", (lastUpdatedAt != null ? lastUpdatedAt : Instant.now()).getEpochSecond());
		if (schema2) {
			o.addProperty("annotation_ingest_id", ingestId);
			if (alignmentMetadataPath != null) o.addProperty("alignment_metadata_path", alignmentMetadataPath);
		}
		return new AnnotationMetadata(o);
	}
}

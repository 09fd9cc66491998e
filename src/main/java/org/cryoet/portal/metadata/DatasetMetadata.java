package org.cryoet.portal.metadata;

import com.google.gson.JsonObject;

/** A dataset's {@code dataset_metadata.json}. */
public final class DatasetMetadata extends MetadataDocument {

	public DatasetMetadata(final JsonObject json) {
		super(json);
	}

	public Integer identifier() {
		return integer(json, "dataset_identifier");
	}

	public String title() {
		return string(json, "dataset_title");
	}

	public String description() {
		return string(json, "dataset_description");
	}

	public String sampleType() {
		return string(json, "sample_type");
	}

	public String organism() {
		return string(object(json, "organism"), "name");
	}
}

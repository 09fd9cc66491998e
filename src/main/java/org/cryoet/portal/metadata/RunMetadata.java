package org.cryoet.portal.metadata;

import com.google.gson.JsonObject;

/** A run's {@code run_metadata.json}. */
public final class RunMetadata extends MetadataDocument {

	public RunMetadata(final JsonObject json) {
		super(json);
	}

	public String runName() {
		return string(json, "run_name");
	}
}

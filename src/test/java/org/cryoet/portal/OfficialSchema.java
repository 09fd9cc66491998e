package org.cryoet.portal;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cryoet.portal.metadata.MetadataKind;

/** The portal's v2.0.0 JSON Schema, applied by networknt's validator (test scope), as an independent oracle. */
final class OfficialSchema {

	private final String document;
	private final Map<MetadataKind, JsonSchema> schemas = new HashMap<>();

	OfficialSchema(final Path file) throws Exception {
		document = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

	private JsonSchema schema(final MetadataKind kind) {
		return schemas.computeIfAbsent(kind, k -> {
			final JsonObject doc = JsonParser.parseString(document).getAsJsonObject();
			doc.remove("$id");
			doc.remove("type");
			doc.remove("additionalProperties");
			doc.addProperty("$ref", "#/$defs/" + def(k));
			final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
			return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V201909).getSchema(doc.toString(), config);
		});
	}

	private static String def(final MetadataKind k) {
		switch (k) {
			case ANNOTATION: return "AnnotationMetadata";
			case TOMOGRAM: return "TomogramMetadata";
			case TILT_SERIES: return "TiltSeriesMetadata";
			case DATASET: return "DatasetMetadata";
			case RUN: return "RunMetadata";
			default: return "AlignmentMetadata";
		}
	}

	List<String> problems(final JsonObject json, final MetadataKind kind) {
		final List<String> out = new ArrayList<>();
		for (final ValidationMessage m : schema(kind).validate(json.toString(), InputFormat.JSON))
			out.add(m.getInstanceLocation() + " " + m.getMessage());
		return out;
	}

	/**
	 * The one place we accept what the official schema does not, because the
	 * portal itself writes it: ndjson/saber formats, the InstanceSegmentationMask
	 * and TriangularMesh shapes, and deposition_id/last_updated_at in run metadata.
	 */
	static boolean documentedDivergence(final String problem, final JsonObject json) {
		final java.util.regex.Matcher m = java.util.regex.Pattern.compile("^/files/(\\d+)/(format|shape) ").matcher(
			problem);
		if (m.find()) {
			final String value = json.getAsJsonArray("files").get(Integer.parseInt(m.group(1))).getAsJsonObject().get(m.group(
				2)).getAsString();
			return java.util.Arrays.asList("ndjson", "saber", "InstanceSegmentationMask", "TriangularMesh").contains(value);
		}
		return (problem.contains("'deposition_id'") || problem.contains("'last_updated_at'")) && problem.contains(
			"is not defined in the schema");
	}
}

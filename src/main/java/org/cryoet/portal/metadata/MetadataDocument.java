package org.cryoet.portal.metadata;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cryoet.store.AtomicOutput;
import org.cryoet.format.FormatException;
import org.cryoet.format.json.JsonDocument;
import org.cryoet.format.json.PythonJson;

/**
 * A metadata sidecar as read: every field is kept, known or not, so that
 * writing it back changes nothing; typed getters read the fields the
 * schemas define precisely. Getters return null for absent or mistyped
 * values: saying what is wrong is the validator's job.
 */
public class MetadataDocument {

	protected final JsonObject json;

	protected MetadataDocument(final JsonObject json) {
		this.json = json;
	}

	/** A deep copy of everything the file holds. */
	public JsonObject json() {
		return json.deepCopy();
	}

	public Integer depositionId() {
		return integer(json, "deposition_id");
	}

	/** When the portal last wrote this file (unix seconds in the file). */
	public Instant lastUpdatedAt() {
		final Double s = number(json, "last_updated_at");
		return s == null ? null : Instant.ofEpochMilli(Math.round(s * 1000));
	}

	public List<Author> authors() {
		final List<Author> out = new ArrayList<>();
		for (final JsonObject o : objects(json, "authors"))
			out.add(new Author(string(o, "name"), string(o, "ORCID"), bool(o, "primary_author_status"), bool(o,
				"corresponding_author_status")));
		return Collections.unmodifiableList(out);
	}

	public DateStamp dates() {
		final JsonObject d = object(json, "dates");
		return d == null ? null : new DateStamp(date(d, "deposition_date"), date(d, "release_date"), date(d,
			"last_modified_date"));
	}

	/** JSON as the portal writes it: {@code json.dumps(indent=4)}, keys in their original order. */
	public String toJsonText() {
		return PythonJson.write(json, false);
	}

	/** Writes the document to {@code file} (atomically; an existing file only when {@code overwrite}). */
	public void write(final Path file, final boolean overwrite) throws IOException {
		AtomicOutput.write(file, overwrite, tmp -> java.nio.file.Files.write(tmp, toJsonText().getBytes(
			StandardCharsets.UTF_8)));
	}

	// ---- typed field access ----

	protected static String string(final JsonObject o, final String k) {
		final JsonElement e = o == null ? null : o.get(k);
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString() ? e.getAsString() : null;
	}

	protected static Double number(final JsonObject o, final String k) {
		final JsonElement e = o == null ? null : o.get(k);
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber() ? e.getAsDouble() : null;
	}

	protected static Integer integer(final JsonObject o, final String k) {
		final Double d = number(o, k);
		return d == null || d != Math.rint(d) ? null : (int) (double) d;
	}

	protected static Boolean bool(final JsonObject o, final String k) {
		final JsonElement e = o == null ? null : o.get(k);
		return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null;
	}

	protected static JsonObject object(final JsonObject o, final String k) {
		final JsonElement e = o == null ? null : o.get(k);
		return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
	}

	protected static List<JsonObject> objects(final JsonObject o, final String k) {
		final JsonElement e = o == null ? null : o.get(k);
		final List<JsonObject> out = new ArrayList<>();
		if (e != null && e.isJsonArray()) for (final JsonElement x : e.getAsJsonArray())
			if (x.isJsonObject()) out.add(x.getAsJsonObject());
		return out;
	}

	protected static LocalDate date(final JsonObject o, final String k) {
		final String s = string(o, k);
		try {
			return s == null ? null : LocalDate.parse(s);
		}
		catch (final DateTimeParseException e) {
			return null;
		}
	}

	protected static int[] xyz(final JsonObject o) {
		if (o == null) return null;
		final Integer x = integer(o, "x"), y = integer(o, "y"), z = integer(o, "z");
		return x == null || y == null || z == null ? null : new int[] { x, y, z };
	}

	protected static double[][] matrix(final JsonObject o, final String k) {
		final JsonElement e = o.get(k);
		if (e == null || !e.isJsonArray()) return null;
		final JsonArray rows = e.getAsJsonArray();
		final double[][] m = new double[rows.size()][];
		for (int r = 0; r < m.length; r++) {
			if (!rows.get(r).isJsonArray()) return null;
			final JsonArray row = rows.get(r).getAsJsonArray();
			m[r] = new double[row.size()];
			for (int c = 0; c < m[r].length; c++)
				m[r][c] = row.get(c).getAsDouble();
		}
		return m;
	}

	/** Reads a metadata file as the document type its name says. */
	public static MetadataDocument read(final Path file) throws FormatException {
		final JsonObject o = MetadataFiles.read(file);
		// Copies, prints and validation walk the tree: refuse a hostile depth here, in one line.
		if (JsonDocument.depth(o) > JsonDocument.MAX_DEPTH)
			throw new FormatException(file + ": JSON nested deeper than " + JsonDocument.MAX_DEPTH + " levels; not metadata");
		final MetadataKind kind = MetadataKind.ofFileName(file.getFileName().toString());
		if (kind == null) throw new FormatException(file + ": not a metadata JSON file");
		switch (kind) {
			case ANNOTATION: return new AnnotationMetadata(o);
			case TOMOGRAM: return new TomogramMetadata(o);
			case TILT_SERIES: return new TiltSeriesMetadata(o);
			case DATASET: return new DatasetMetadata(o);
			case RUN: return new RunMetadata(o);
			default: return new AlignmentMetadata(o);
		}
	}
}

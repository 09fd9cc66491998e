package org.cryoet.portal.validation;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.cryoet.format.json.JsonDocument;
import org.cryoet.portal.layout.PortalLayout;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;

/** Checks a metadata sidecar against schema 1.1.0 or 2.0.0, and picks the version when asked to. */
public final class MetadataValidator {

	/** The verdict on one file. */
	public static final class Result {

		public final MetadataKind kind;
		public final SchemaVersion version;
		/** Why this version, when it was chosen automatically. */
		public final String reason;
		public final List<Problem> problems;

		Result(final MetadataKind kind, final SchemaVersion version, final String reason, final List<Problem> problems) {
			this.kind = kind;
			this.version = version;
			this.reason = reason;
			this.problems = Collections.unmodifiableList(problems);
		}

		public boolean valid() {
			return problems.isEmpty();
		}
	}

	/** Fields only schema 2.0.0 sidecars have. */
	private static final List<String> V2_ONLY = Arrays.asList("annotation_ingest_id", "alignment_metadata_path",
		"mrc_file", "assay", "development_stage", "disease", "identified_objects", "per_section_parameter");
	/** Fields only the 1.1.0-era ingestion wrote. */
	private static final List<String> V1_ONLY = Collections.singletonList("mrc_files");

	private MetadataValidator() {}

	public static Result validate(final JsonObject json, final MetadataKind kind, final SchemaVersion version) {
		return new Result(kind, version, "", check(json, kind, version));
	}

	/** Chooses the version from the file's fields, then from where it sits, else 2.0.0. */
	public static Result validateAuto(final JsonObject json, final MetadataKind kind, final Path file) {
		StorePath where = null;
		try {
			where = file == null ? null : Stores.local(file);
		}
		catch (final IOException e) {
			// a path no store can name: judged by its fields alone
		}
		return validateAuto(json, kind, where);
	}

	/** The same for a file in any store (its surroundings are looked at where the store can list). */
	public static Result validateAuto(final JsonObject json, final MetadataKind kind, final StorePath file) {
		for (final String f : V2_ONLY)
			if (json.has(f)) return new Result(kind, SchemaVersion.V2_0_0, "it has the 2.0.0 field \"" + f + "\"", check(json,
				kind, SchemaVersion.V2_0_0));
		for (final String f : V1_ONLY)
			if (json.has(f)) return new Result(kind, SchemaVersion.V1_1_0, "it has the 1.1.0-era field \"" + f + "\"", check(
				json, kind, SchemaVersion.V1_1_0));
		final PortalLayout.Recognised layout = file == null ? null : layoutOf(file, kind);
		if (layout != null) {
			final SchemaVersion v = layout.layout == PortalLayout.SEED ? SchemaVersion.V1_1_0 : SchemaVersion.V2_0_0;
			return new Result(kind, v, "it sits in the " + layout, check(json, kind, v));
		}
		return new Result(kind, SchemaVersion.V2_0_0, "nothing in it or around it says otherwise", check(json, kind,
			SchemaVersion.V2_0_0));
	}

	private static List<Problem> check(final JsonObject json, final MetadataKind kind, final SchemaVersion version) {
		final List<Problem> problems = new ArrayList<>();
		// Rules recurse into the document: a hostile depth would overflow the stack.
		if (JsonDocument.depth(json) > JsonDocument.MAX_DEPTH) {
			problems.add(new Problem("$", "nested deeper than " + JsonDocument.MAX_DEPTH + " levels; not metadata"));
			return problems;
		}
		final ObjectRule rule = (version == SchemaVersion.V1_1_0 ? SchemaV1.INSTANCE
			: SchemaV2.INSTANCE).of(kind);
		if (rule == null) problems.add(new Problem("$", "schema " + version.label() + " has no " + kind.name().toLowerCase(
			java.util.Locale.ROOT) + " metadata (alignments arrived with 2.0.0)"));
		else rule.check(json, "$", problems);
		return problems;
	}

	/** The layout the file sits in and why, or null when its surroundings do not tell. */
	static PortalLayout.Recognised layoutOf(final StorePath file, final MetadataKind kind) {
		final PortalLayout.Recognised byPath = PortalLayout.ofLocation(file);
		if (byPath != null) return byPath;
		final StorePath parent = file.parent();
		if (parent == null) return null;
		if (kind == MetadataKind.TILT_SERIES) {
			if (parent.name().equals("TiltSeries"))
				return new PortalLayout.Recognised(PortalLayout.SEED, "TiltSeries/ without an id folder");
			if (parent.parent() != null && parent.parent().name().equals("TiltSeries"))
				return new PortalLayout.Recognised(PortalLayout.CURRENT, "TiltSeries/{id}/");
		}
		try {
			if (kind == MetadataKind.RUN) return PortalLayout.ofRun(parent);
			if (kind == MetadataKind.DATASET && parent.store.canList()) for (final StorePath run : parent.children()) {
				final PortalLayout.Recognised l = PortalLayout.ofRun(run);
				if (l != null) return l;
			}
		}
		catch (final IOException e) {
			return null; // the surroundings cannot be read: they do not tell
		}
		return null;
	}
}

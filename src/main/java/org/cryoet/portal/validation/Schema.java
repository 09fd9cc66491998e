package org.cryoet.portal.validation;

import static org.cryoet.portal.validation.Rules.date;

import org.cryoet.portal.metadata.MetadataKind;

/** One schema version's rules, one per kind of metadata file. */
interface Schema {

	ObjectRule annotation();

	ObjectRule tomogram();

	ObjectRule tiltSeries();

	ObjectRule dataset();

	ObjectRule run();

	/** @return null where the version has no such kind (1.1.0 has no alignments) */
	ObjectRule alignment();

	default ObjectRule of(final MetadataKind kind) {
		switch (kind) {
			case ANNOTATION: return annotation();
			case TOMOGRAM: return tomogram();
			case TILT_SERIES: return tiltSeries();
			case DATASET: return dataset();
			case RUN: return run();
			default: return alignment();
		}
	}

	/** Deposition, release and last-modification dates: alike in both versions. */
	static Rule dates() {
		return new ObjectRule("DateStamp").req("deposition_date", date()).req("release_date", date()).req(
			"last_modified_date", date());
	}
}

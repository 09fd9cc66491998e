package org.cryoet.portal.validation;

/** The two metadata schema versions the portal has published sidecars under. */
public enum SchemaVersion {
	V1_1_0("1.1.0"), V2_0_0("2.0.0");

	private final String label;

	SchemaVersion(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static SchemaVersion of(final String s) {
		for (final SchemaVersion v : values())
			if (v.label.equals(s)) return v;
		throw new IllegalArgumentException("schema must be auto, 1.1.0 or 2.0.0, not " + s);
	}
}

package org.cryoet.portal.metadata;

import com.google.gson.JsonObject;

/** An alignment's {@code alignment_metadata.json} (schema 2.0.0). */
public final class AlignmentMetadata extends MetadataDocument {

	public AlignmentMetadata(final JsonObject json) {
		super(json);
	}

	/** {@code LOCAL} or {@code GLOBAL}. */
	public String alignmentType() {
		return string(json, "alignment_type");
	}

	/** {@code IMOD} or {@code ARETOMO3}. */
	public String format() {
		return string(json, "format");
	}

	public Boolean portalStandard() {
		return bool(json, "is_portal_standard");
	}

	public double[][] affineTransformationMatrix() {
		return matrix(json, "affine_transformation_matrix");
	}

	/** Å, x y z; null when absent or templated. */
	public double[] volumeOffset() {
		final JsonObject o = object(json, "volume_offset");
		final Double x = number(o, "x"), y = number(o, "y"), z = number(o, "z");
		return x == null || y == null || z == null ? null : new double[] { x, y, z };
	}
}

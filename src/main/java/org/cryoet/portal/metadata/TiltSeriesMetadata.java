package org.cryoet.portal.metadata;

import com.google.gson.JsonObject;

/** A tilt series' {@code tiltseries_metadata.json}. */
public final class TiltSeriesMetadata extends MetadataDocument {

	public TiltSeriesMetadata(final JsonObject json) {
		super(json);
	}

	/** Å per pixel. */
	public Double pixelSpacing() {
		return number(json, "pixel_spacing");
	}

	/** Degrees, {min, max}. */
	public double[] tiltRange() {
		final JsonObject r = object(json, "tilt_range");
		final Double min = number(r, "min"), max = number(r, "max");
		return min == null || max == null ? null : new double[] { min, max };
	}

	public Double tiltStep() {
		return number(json, "tilt_step");
	}

	public Double tiltAxis() {
		return number(json, "tilt_axis");
	}

	/** Volts. */
	public Double accelerationVoltage() {
		return number(json, "acceleration_voltage");
	}

	/** Pixels x, y and number of images z. */
	public int[] size() {
		return xyz(object(json, "size"));
	}

	public String tiltingScheme() {
		return string(json, "tilting_scheme");
	}
}

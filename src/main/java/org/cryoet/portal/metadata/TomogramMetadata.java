package org.cryoet.portal.metadata;

import com.google.gson.JsonObject;

/** A tomogram's {@code tomogram_metadata.json}. */
public final class TomogramMetadata extends MetadataDocument {

	public TomogramMetadata(final JsonObject json) {
		super(json);
	}

	/** Å; null when absent or a template string. */
	public Double voxelSpacing() {
		return number(json, "voxel_spacing");
	}

	/** {@code raw}, {@code denoised} or {@code filtered}. */
	public String processing() {
		return string(json, "processing");
	}

	public String reconstructionMethod() {
		return string(json, "reconstruction_method");
	}

	public String reconstructionSoftware() {
		return string(json, "reconstruction_software");
	}

	public Boolean fiducialAlignment() {
		final String s = string(json, "fiducial_alignment_status");
		return s == null ? null : s.equals("FIDUCIAL") ? Boolean.TRUE : s.equals("NON_FIDUCIAL") ? Boolean.FALSE : null;
	}

	/** Placement relative to the canonical tomogram, voxels x, y, z. */
	public int[] offset() {
		return xyz(object(json, "offset"));
	}

	/** Voxels x, y, z. */
	public int[] size() {
		return xyz(object(json, "size"));
	}

	public double[][] affineTransformationMatrix() {
		return matrix(json, "affine_transformation_matrix");
	}

	public String alignmentMetadataPath() {
		return string(json, "alignment_metadata_path");
	}

	public Boolean visualizationDefault() {
		return bool(json, "is_visualization_default");
	}
}

package org.cryoet.portal.annotation;

import java.nio.file.Path;

import org.cryoet.portal.layout.PortalLayout;
import org.cryoet.portal.validation.SchemaVersion;

/** What a user says about an annotation to export: where, in which layout and schema, and its metadata fields. */
public final class ExportSettings {

	/** A run folder, a VoxelSpacing folder, or any folder (then taken as the run folder). */
	public Path output;
	public PortalLayout layout = PortalLayout.CURRENT;
	public SchemaVersion schema = SchemaVersion.V2_0_0;
	public String objectName;
	/** GO, UniProtKB, CL, ... id (GO only under 1.1.0). */
	public String objectId;
	public String annotationMethod;
	/** manual, automated, hybrid (or simulated under 2.0.0) */
	public String methodType = "manual";
	/** {@code "Name; Name <ORCID>"} */
	public String authors;
	public double version = 1.0;
	/** Å per voxel of the annotation's locations. */
	public double voxelSpacing;
	public Integer depositionId;
	public boolean groundTruth;
	public boolean overwrite;
	public String software = "CryoET Fiji tools";
}

package org.cryoet.portal.layout;

/** The two ways the portal has laid out a run's files. */
public enum PortalLayout {
	/** Until late 2024: {@code Tomograms/VoxelSpacing{vs}/CanonicalTomogram/}, {@code Annotations/{id}-{object}-{version}*}. */
	SEED,
	/** Since: {@code Reconstructions/VoxelSpacing{vs}/Tomograms/{id}/}, {@code Annotations/{id}/}, {@code TiltSeries/{id}/}. */
	CURRENT,
	/** A run folder with neither (nothing downloaded yet, or only metadata). */
	UNKNOWN
}

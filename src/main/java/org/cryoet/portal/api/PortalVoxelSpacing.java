package org.cryoet.portal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A voxel spacing of a run (Å): its tomograms and the annotations made at it. */
public final class PortalVoxelSpacing {

	public final int id;
	public final double value;
	/** Null in run listings, which do not ask for it. */
	public final RemoteLocation location;
	public final List<PortalTomogram> tomograms;
	public final List<PortalAnnotation> annotations;

	public PortalVoxelSpacing(final int id, final double value, final RemoteLocation location,
		final List<PortalTomogram> tomograms, final List<PortalAnnotation> annotations)
	{
		this.id = id;
		this.value = value;
		this.location = location;
		this.tomograms = Collections.unmodifiableList(new ArrayList<>(tomograms));
		this.annotations = Collections.unmodifiableList(new ArrayList<>(annotations));
	}
}

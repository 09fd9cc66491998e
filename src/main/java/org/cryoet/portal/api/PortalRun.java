package org.cryoet.portal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A run as the API describes it. From a run's tree everything is filled in;
 * from a dataset's run listing only the tomograms (grouped by voxel spacing)
 * and the number of annotations.
 */
public final class PortalRun {

	public final int id;
	public final String name;
	public final int datasetId;
	public final RemoteLocation location;
	public final List<PortalVoxelSpacing> voxelSpacings;
	public final List<PortalTiltSeries> tiltSeries;
	public final List<PortalAlignment> alignments;
	public final int annotationCount;

	public PortalRun(final int id, final String name, final int datasetId, final RemoteLocation location,
		final List<PortalVoxelSpacing> voxelSpacings, final List<PortalTiltSeries> tiltSeries,
		final List<PortalAlignment> alignments, final int annotationCount)
	{
		this.id = id;
		this.name = name;
		this.datasetId = datasetId;
		this.location = location;
		this.voxelSpacings = Collections.unmodifiableList(new ArrayList<>(voxelSpacings));
		this.tiltSeries = Collections.unmodifiableList(new ArrayList<>(tiltSeries));
		this.alignments = Collections.unmodifiableList(new ArrayList<>(alignments));
		this.annotationCount = annotationCount;
	}

	public List<PortalTomogram> tomograms() {
		final List<PortalTomogram> all = new ArrayList<>();
		voxelSpacings.forEach(v -> all.addAll(v.tomograms));
		return all;
	}

	public List<PortalAnnotation> annotations() {
		final List<PortalAnnotation> all = new ArrayList<>();
		voxelSpacings.forEach(v -> all.addAll(v.annotations));
		return all;
	}

	/**
	 * The tomogram to open by default: the curators' visualization default,
	 * else the finest voxel spacing's first; null when the run has none.
	 */
	public PortalTomogram defaultTomogram() {
		PortalTomogram best = null;
		for (final PortalTomogram t : tomograms()) {
			if (t.visualizationDefault) return t;
			if (best == null || t.voxelSpacing < best.voxelSpacing) best = t;
		}
		return best;
	}
}

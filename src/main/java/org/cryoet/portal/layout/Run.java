package org.cryoet.portal.layout;

import java.util.Collections;
import java.util.List;

import org.cryoet.store.StorePath;

/** A run (one tilt series and what was made from it) in either layout. */
public final class Run {

	public final String name;
	public final StorePath path;
	public final StorePath metadata;
	public final PortalLayout layout;
	public final List<VolumeEntry> tiltSeries;
	public final List<VoxelSpacing> voxelSpacings;
	public final List<VolumeEntry> alignments;
	public final List<String> problems;

	public Run(final String name, final StorePath path, final StorePath metadata, final PortalLayout layout,
		final List<VolumeEntry> tiltSeries, final List<VoxelSpacing> voxelSpacings, final List<VolumeEntry> alignments,
		final List<String> problems)
	{
		this.name = name;
		this.path = path;
		this.metadata = metadata;
		this.layout = layout;
		this.tiltSeries = Collections.unmodifiableList(tiltSeries);
		this.voxelSpacings = Collections.unmodifiableList(voxelSpacings);
		this.alignments = Collections.unmodifiableList(alignments);
		this.problems = Collections.unmodifiableList(problems);
	}
}

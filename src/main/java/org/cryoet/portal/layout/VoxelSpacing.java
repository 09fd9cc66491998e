package org.cryoet.portal.layout;

import java.util.Collections;
import java.util.List;

import org.cryoet.store.StorePath;

/** A {@code VoxelSpacing{vs}} folder: the tomograms and annotations at that voxel size (Å). */
public final class VoxelSpacing {

	/** NaN when the folder name does not parse. */
	public final double value;
	public final StorePath path;
	public final List<VolumeEntry> tomograms;
	public final List<Annotation> annotations;
	public final List<String> problems;

	public VoxelSpacing(final double value, final StorePath path, final List<VolumeEntry> tomograms,
		final List<Annotation> annotations, final List<String> problems)
	{
		this.value = value;
		this.path = path;
		this.tomograms = Collections.unmodifiableList(tomograms);
		this.annotations = Collections.unmodifiableList(annotations);
		this.problems = Collections.unmodifiableList(problems);
	}
}

package org.cryoet.portal.layout;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cryoet.store.StorePath;

/**
 * A tomogram or a tilt series: a folder with its metadata and the same
 * volume in one or more formats ({@code zarr}, {@code mrc}), plus side files
 * (angle lists, CTF files).
 */
public final class VolumeEntry {

	public final String id;
	public final StorePath path;
	public final StorePath metadata;
	/** format → file, e.g. "mrc" → TS_026.mrc */
	public final Map<String, StorePath> volumes;
	public final List<StorePath> otherFiles;
	public final String alignmentMetadataPath;
	public final List<String> problems;

	public VolumeEntry(final String id, final StorePath path, final StorePath metadata, final Map<String, StorePath> volumes,
		final List<StorePath> otherFiles, final String alignmentMetadataPath, final List<String> problems)
	{
		this.id = id;
		this.path = path;
		this.metadata = metadata;
		this.volumes = Collections.unmodifiableMap(new TreeMap<>(volumes));
		this.otherFiles = Collections.unmodifiableList(otherFiles);
		this.alignmentMetadataPath = alignmentMetadataPath;
		this.problems = Collections.unmodifiableList(problems);
	}
}

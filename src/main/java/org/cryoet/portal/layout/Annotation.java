package org.cryoet.portal.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

import org.cryoet.store.StorePath;

/** An annotation: its metadata file and its files, in a voxel-spacing folder. */
public final class Annotation {

	public final String id;
	public final StorePath metadata;
	public final String objectName;
	public final String objectId;
	public final String version;
	public final String alignmentMetadataPath;
	public final List<AnnotationFile> files;
	public final List<String> problems;

	public Annotation(final String id, final StorePath metadata, final String objectName, final String objectId,
		final String version, final String alignmentMetadataPath, final List<AnnotationFile> files,
		final List<String> problems)
	{
		this.id = id;
		this.metadata = metadata;
		this.objectName = objectName;
		this.objectId = objectId;
		this.version = version;
		this.alignmentMetadataPath = alignmentMetadataPath;
		this.files = Collections.unmodifiableList(new ArrayList<>(files));
		this.problems = Collections.unmodifiableList(new ArrayList<>(problems));
	}

	public List<String> shapes() {
		final LinkedHashSet<String> s = new LinkedHashSet<>();
		for (final AnnotationFile f : files)
			s.add(f.shape);
		return new ArrayList<>(s);
	}
}

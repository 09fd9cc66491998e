package org.cryoet.portal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/** An annotation: what it marks, how, its metadata file and its data files. */
public final class PortalAnnotation {

	public final int id;
	public final String objectName;
	public final String objectId;
	public final String methodType;
	public final Boolean groundTruth;
	public final RemoteLocation metadata;
	public final List<PortalAnnotationFile> files;

	public PortalAnnotation(final int id, final String objectName, final String objectId, final String methodType,
		final Boolean groundTruth, final RemoteLocation metadata, final List<PortalAnnotationFile> files)
	{
		this.id = id;
		this.objectName = objectName;
		this.objectId = objectId;
		this.methodType = methodType;
		this.groundTruth = groundTruth;
		this.metadata = metadata;
		this.files = Collections.unmodifiableList(new ArrayList<>(files));
	}

	public List<String> shapes() {
		final LinkedHashSet<String> s = new LinkedHashSet<>();
		files.forEach(f -> s.add(f.shape));
		return new ArrayList<>(s);
	}

	/** The voxel spacing its files were made at (the first file's), or null. */
	public Integer voxelSpacingId() {
		for (final PortalAnnotationFile f : files)
			if (f.voxelSpacingId != null) return f.voxelSpacingId;
		return null;
	}

	public Integer alignmentId() {
		for (final PortalAnnotationFile f : files)
			if (f.alignmentId != null) return f.alignmentId;
		return null;
	}
}

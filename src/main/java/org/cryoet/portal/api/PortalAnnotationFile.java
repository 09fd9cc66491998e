package org.cryoet.portal.api;

/** One file of an annotation: its shape (Point, SegmentationMask, ...), format and URLs. */
public final class PortalAnnotationFile {

	public final int id;
	public final String shape;
	public final String format;
	public final RemoteLocation location;
	public final Integer voxelSpacingId;
	public final Integer alignmentId;
	public final boolean visualizationDefault;

	public PortalAnnotationFile(final int id, final String shape, final String format, final RemoteLocation location,
		final Integer voxelSpacingId, final Integer alignmentId, final boolean visualizationDefault)
	{
		this.id = id;
		this.shape = shape;
		this.format = format;
		this.location = location;
		this.voxelSpacingId = voxelSpacingId;
		this.alignmentId = alignmentId;
		this.visualizationDefault = visualizationDefault;
	}
}

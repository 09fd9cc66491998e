package org.cryoet.portal.api;

/** A tomogram as the API describes it, with the URLs of its OME-Zarr and MRC files. */
public final class PortalTomogram {

	public final int id;
	public final String name;
	public final double voxelSpacing;
	public final Integer voxelSpacingId;
	public final Integer alignmentId;
	public final String processing;
	public final boolean visualizationDefault;
	public final int[] size;
	public final RemoteLocation omezarr;
	public final RemoteLocation mrc;
	public final String thumbnailUrl;

	public PortalTomogram(final int id, final String name, final double voxelSpacing, final Integer voxelSpacingId,
		final Integer alignmentId, final String processing, final boolean visualizationDefault, final int[] size,
		final RemoteLocation omezarr, final RemoteLocation mrc, final String thumbnailUrl)
	{
		this.id = id;
		this.name = name;
		this.voxelSpacing = voxelSpacing;
		this.voxelSpacingId = voxelSpacingId;
		this.alignmentId = alignmentId;
		this.processing = processing;
		this.visualizationDefault = visualizationDefault;
		this.size = size;
		this.omezarr = omezarr;
		this.mrc = mrc;
		this.thumbnailUrl = thumbnailUrl;
	}

	/** The tomogram's folder in the bucket ({@code .../Tomograms/<n>/}). */
	public RemoteLocation folder() {
		final RemoteLocation f = omezarr != null ? omezarr : mrc;
		return f == null ? null : f.parent();
	}
}

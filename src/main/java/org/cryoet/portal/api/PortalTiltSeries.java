package org.cryoet.portal.api;

/** A tilt series with the URLs of its OME-Zarr, MRC and angle list. */
public final class PortalTiltSeries {

	public final int id;
	public final double pixelSpacing;
	public final RemoteLocation omezarr;
	public final RemoteLocation mrc;
	public final RemoteLocation angleList;

	public PortalTiltSeries(final int id, final double pixelSpacing, final RemoteLocation omezarr,
		final RemoteLocation mrc, final RemoteLocation angleList)
	{
		this.id = id;
		this.pixelSpacing = pixelSpacing;
		this.omezarr = omezarr;
		this.mrc = mrc;
		this.angleList = angleList;
	}

	public RemoteLocation folder() {
		final RemoteLocation f = omezarr != null ? omezarr : mrc != null ? mrc : angleList;
		return f == null ? null : f.parent();
	}
}

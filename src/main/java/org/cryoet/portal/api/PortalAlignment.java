package org.cryoet.portal.api;

/** An alignment of a run's tilt series: its metadata file. */
public final class PortalAlignment {

	public final int id;
	public final RemoteLocation metadata;

	public PortalAlignment(final int id, final RemoteLocation metadata) {
		this.id = id;
		this.metadata = metadata;
	}
}

package org.cryoet.portal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A dataset: what a search shows of it, and its runs once they are listed. */
public final class PortalDataset {

	public final int id;
	public final String title;
	public final String organism;
	public final int runCount;
	public final String thumbnailUrl;
	public final RemoteLocation location;
	public final List<PortalRun> runs;

	public PortalDataset(final int id, final String title, final String organism, final int runCount,
		final String thumbnailUrl, final RemoteLocation location, final List<PortalRun> runs)
	{
		this.id = id;
		this.title = title;
		this.organism = organism;
		this.runCount = runCount;
		this.thumbnailUrl = thumbnailUrl;
		this.location = location;
		this.runs = Collections.unmodifiableList(new ArrayList<>(runs));
	}

	public PortalDataset withRuns(final List<PortalRun> r) {
		return new PortalDataset(id, title, organism, runCount, thumbnailUrl, location, r);
	}
}

package org.cryoet.portal.layout;

import java.util.Collections;
import java.util.List;

import org.cryoet.store.StorePath;

/** A dataset folder ({@code 10000/}) and its runs. */
public final class Dataset {

	public final String id;
	public final StorePath path;
	public final StorePath metadata;
	public final List<Run> runs;
	public final List<String> problems;

	public Dataset(final String id, final StorePath path, final StorePath metadata, final List<Run> runs,
		final List<String> problems)
	{
		this.id = id;
		this.path = path;
		this.metadata = metadata;
		this.runs = Collections.unmodifiableList(runs);
		this.problems = Collections.unmodifiableList(problems);
	}
}

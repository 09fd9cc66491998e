package org.cryoet.portal.layout;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

/** A dataset folder ({@code 10000/}) and its runs. */
public final class Dataset {

	public final String id;
	public final Path path;
	public final Path metadata;
	public final List<Run> runs;
	public final List<String> problems;

	public Dataset(final String id, final Path path, final Path metadata, final List<Run> runs,
		final List<String> problems)
	{
		this.id = id;
		this.path = path;
		this.metadata = metadata;
		this.runs = Collections.unmodifiableList(runs);
		this.problems = Collections.unmodifiableList(problems);
	}
}

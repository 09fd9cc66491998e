package org.cryoet.portal.annotation;

import java.util.Collections;
import java.util.List;

import org.cryoet.format.FormatException;
import org.cryoet.portal.validation.Problem;

/** The metadata an export would write breaks its schema: nothing was written; every problem has its JSON path. */
public final class InvalidMetadataException extends FormatException {

	private static final long serialVersionUID = 1L;

	public final List<Problem> problems;

	public InvalidMetadataException(final String file, final String schema, final List<Problem> problems) {
		super(file + ": nothing written, the metadata would break schema " + schema + " (" + problems.size() +
			" problem" + (problems.size() == 1 ? "" : "s") + "): " + String.join("; ", problems.stream().map(Problem::toString)
				.toArray(String[]::new)));
		this.problems = Collections.unmodifiableList(problems);
	}
}

package org.cryoet.portal.validation;

/** One way a metadata file breaks its schema: where (a JSON path such as {@code $.authors[1].ORCID}) and what was expected. */
public final class Problem {

	public final String path;
	public final String message;

	public Problem(final String path, final String message) {
		this.path = path;
		this.message = message;
	}

	@Override
	public String toString() {
		return path + ": " + message;
	}
}

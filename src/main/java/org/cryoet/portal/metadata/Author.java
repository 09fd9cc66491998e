package org.cryoet.portal.metadata;

/** An author entry: name, ORCID (may be null) and the two status flags. */
public final class Author {

	public final String name;
	public final String orcid;
	public final Boolean primary;
	public final Boolean corresponding;

	public Author(final String name, final String orcid, final Boolean primary, final Boolean corresponding) {
		this.name = name;
		this.orcid = orcid;
		this.primary = primary;
		this.corresponding = corresponding;
	}
}

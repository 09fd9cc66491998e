package org.cryoet.portal.metadata;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An ontology term id such as {@code GO:0005840}, {@code UniProtKB:P69905} or {@code PDB-1abc}. */
public final class OntologyId {

	private static final Pattern ID = Pattern.compile("^([A-Za-z]+)[:-](.+)$");

	public final String prefix;
	public final String local;

	private OntologyId(final String prefix, final String local) {
		this.prefix = prefix;
		this.local = local;
	}

	/** @return null when {@code s} is not of the form PREFIX:ID (or PDB-ID) */
	public static OntologyId parse(final String s) {
		if (s == null) return null;
		final Matcher m = ID.matcher(s);
		return m.matches() ? new OntologyId(m.group(1), m.group(2)) : null;
	}

	@Override
	public String toString() {
		return prefix + (prefix.equals("PDB") ? "-" : ":") + local;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof OntologyId && o.toString().equals(toString());
	}

	@Override
	public int hashCode() {
		return toString().hashCode();
	}
}

package org.cryoet.portal.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Authors as a user types them: {@code "Ada Lovelace; Alan Turing <0000-0002-1825-0097>"} (ORCID optional). */
public final class AuthorList {

	private static final Pattern ONE = Pattern.compile("^([^<>]*?)\\s*(?:<\\s*([^<>]*?)\\s*>)?$");

	private AuthorList() {}

	/**
	 * The first author is the primary and corresponding author, as in a
	 * one-person deposition; the others are neither.
	 * @throws IllegalArgumentException naming the entry that does not parse
	 */
	public static List<Author> parse(final String text) {
		final List<Author> out = new ArrayList<>();
		if (text == null) return out;
		for (final String part : text.split(";")) {
			final String s = part.trim();
			if (s.isEmpty()) continue;
			final Matcher m = ONE.matcher(s);
			if (!m.matches() || m.group(1).isEmpty())
				throw new IllegalArgumentException("authors: cannot read \"" + s + "\" (expected Name or Name <ORCID>)");
			final boolean first = out.isEmpty();
			out.add(new Author(m.group(1), m.group(2) == null || m.group(2).isEmpty() ? null : m.group(2), first, first));
		}
		return out;
	}
}

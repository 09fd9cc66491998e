package org.cryoet.portal.annotation;

import java.util.regex.Pattern;

/**
 * The rule for the object name in file names, so that no name a user types
 * can reach outside the output folder: runs of spaces become one {@code _}
 * (as the portal writes {@code cytosolic ribosome} as {@code cytosolic_ribosome});
 * what remains must be letters, digits and {@code . _ - + ( )}, start with a
 * letter or digit, and hold no {@code ..}. Anything else is refused, never guessed.
 */
public final class ObjectNames {

	private static final Pattern ALLOWED = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._+()-]*$");
	public static final int MAX_LENGTH = 100;

	private ObjectNames() {}

	/** @throws IllegalArgumentException saying what is wrong with {@code name} */
	public static String fileNamePart(final String name) {
		if (name == null || name.trim().isEmpty()) throw new IllegalArgumentException("object_name is empty");
		final String s = name.trim().replaceAll("\\s+", "_");
		if (name.chars().anyMatch(c -> c < 0x20 && c != ' ') || !ALLOWED.matcher(s).matches() || s.contains("..") || s.length() > MAX_LENGTH)
			throw new IllegalArgumentException("object_name \"" + name + "\" cannot be part of a file name (allowed: " +
				"letters, digits, spaces and . _ - + ( ), starting with a letter or digit, no \"..\", at most " + MAX_LENGTH +
				" characters)");
		return s;
	}
}

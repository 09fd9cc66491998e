package org.cryoet.fuzz;

/** The test's own statement of the containment rule, independent of the code under test. */
final class SafeKeys {

	private SafeKeys() {}

	/** A relative key of non-empty segments, none of them "." or "..", without backslashes or drive letters. */
	static boolean inside(final String key) {
		if (key == null || key.isEmpty() || key.startsWith("/") || key.indexOf('\\') >= 0 || key.indexOf(':') >= 0 ||
			key.indexOf('\0') >= 0) return false;
		for (final String s : key.split("/", -1))
			if (s.isEmpty() || s.equals(".") || s.equals("..")) return false;
		return true;
	}
}

package org.cryoet.store;

/**
 * Store keys: '/'-separated relative names ("10000/TS_026/run_metadata.json").
 * A key never leaves its store: no "." or ".." segment, no leading '/', no
 * backslash, no empty segment, no control character. The empty key names the
 * store's root.
 */
public final class Keys {

	private Keys() {}

	/** @return {@code key} when it is a safe key, else throws naming it */
	public static String check(final String key) throws StoreException {
		final String why = problem(key);
		if (why != null) throw new StoreException("key \"" + key + "\": " + why);
		return key;
	}

	public static boolean isSafe(final String key) {
		return problem(key) == null;
	}

	private static String problem(final String key) {
		if (key == null) return "no key";
		if (key.isEmpty()) return null;
		if (key.startsWith("/")) return "absolute keys are not allowed";
		if (key.indexOf('\\') >= 0) return "backslashes are not allowed";
		for (int i = 0; i < key.length(); i++)
			if (key.charAt(i) < 0x20 || key.charAt(i) == 0x7f) return "control characters are not allowed";
		// A trailing '/' names a "folder" prefix; every other segment must be a real name.
		final String body = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
		for (final String s : body.split("/", -1)) {
			if (s.isEmpty()) return "empty path segments are not allowed";
			if (s.equals(".") || s.equals("..")) return "\"" + s + "\" segments are not allowed";
		}
		if (key.length() > 1 && key.endsWith("//")) return "empty path segments are not allowed";
		return null;
	}

	/** {@code parent/child}; either may be empty. */
	public static String join(final String parent, final String child) {
		if (parent.isEmpty()) return child;
		if (child.isEmpty()) return parent;
		return parent.endsWith("/") ? parent + child : parent + "/" + child;
	}

	/** The key's last segment ("" for the root). */
	public static String name(final String key) {
		final String k = strip(key);
		return k.substring(k.lastIndexOf('/') + 1);
	}

	/** The key's parent ("" for a top-level key), or null for the root. */
	public static String parent(final String key) {
		final String k = strip(key);
		if (k.isEmpty()) return null;
		final int i = k.lastIndexOf('/');
		return i < 0 ? "" : k.substring(0, i);
	}

	/** The key without a trailing '/'. */
	public static String strip(final String key) {
		return key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
	}
}

package org.cryoet.portal.api;

import java.io.File;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A page of the portal's web site that names data: {@code /datasets/<id>} or
 * {@code /runs/<id>} (also {@code /view/runs/<id>}), as users copy them from
 * the browser's address bar, query string and fragment ignored.
 */
public final class PortalPageUrl {

	public enum Kind {
		DATASET, RUN
	}

	private static final Pattern PAGE = Pattern.compile(
		"^https?://(?:www\\.)?cryoetdataportal\\.czi?science\\.com/(?:view/)?(datasets|runs)/(\\d+)/?(?:[?#].*)?$",
		Pattern.CASE_INSENSITIVE);

	public final Kind kind;
	public final int id;
	public final String url;

	private PortalPageUrl(final Kind kind, final int id, final String url) {
		this.kind = kind;
		this.id = id;
		this.url = url;
	}

	/** The page a string names, or null when it is not a portal page URL. */
	public static PortalPageUrl parse(final String s) {
		if (s == null) return null;
		final Matcher m = PAGE.matcher(s.trim());
		if (!m.matches()) return null;
		final long id = Long.parseLong(m.group(2));
		if (id > Integer.MAX_VALUE) return null;
		return new PortalPageUrl(m.group(1).toLowerCase(Locale.ROOT).equals("datasets") ? Kind.DATASET : Kind.RUN,
			(int) id, s.trim());
	}

	/** Whether a string looks like a portal page URL at all (to tell "wrong page" from "a local path"). */
	public static boolean looksLikePortalPage(final String s) {
		return s != null && s.trim().toLowerCase(Locale.ROOT).matches("^https?://(www\\.)?cryoetdataportal\\..*");
	}

	/**
	 * The URL a user typed, recovered from a {@link File} made of it. SciJava
	 * turns a command's string input into a {@code File}, whose path collapses
	 * the double slash ({@code https:/host/...}) and, on Windows, turns slashes
	 * into backslashes; a dialog may also put the current folder in front.
	 * This undoes all three. Any other file gives its path unchanged.
	 */
	public static String recoverUrl(final File f) {
		if (f == null) return null;
		final String p = f.getPath().replace('\\', '/');
		final Matcher m = Pattern.compile("^(?i)(?:.*/)?(https?|s3):/+(.*)$").matcher(p);
		if (!m.matches()) return f.getPath();
		// an s3 URL's endpoint=http://... parameter lost its double slash too
		final String rest = m.group(2).replaceAll("(?i)(=https?:)/(?=[^/])", "$1//");
		return m.group(1).toLowerCase(Locale.ROOT) + "://" + rest;
	}

	@Override
	public String toString() {
		return url;
	}
}

package org.cryoet.portal.api;

/** Where a file or folder lives in the portal's bucket: its {@code s3://} and its HTTPS URL (either may be null). */
public final class RemoteLocation {

	public final String s3;
	public final String https;

	public RemoteLocation(final String s3, final String https) {
		this.s3 = s3;
		this.https = https;
	}

	public static RemoteLocation of(final String s3, final String https) {
		return s3 == null && https == null ? null : new RemoteLocation(s3, https);
	}

	/** The HTTPS URL when there is one (any HTTP client opens it), else the S3 URL. */
	public String preferred() {
		return https != null ? https : s3;
	}

	/** The bucket key ({@code 10000/TS_026/...}) taken from the S3 URL, or null. */
	public String key() {
		if (s3 == null || !s3.startsWith("s3://")) return null;
		final int slash = s3.indexOf('/', "s3://".length());
		return slash < 0 ? "" : s3.substring(slash + 1);
	}

	/** The last name in the URL's path ({@code .../Tomograms/100/} → 100). */
	public String name() {
		return RemoteLocation.lastName(preferred());
	}

	/** The folder holding this file or folder, ending in {@code /}. */
	public RemoteLocation parent() {
		return new RemoteLocation(parentOf(s3), parentOf(https));
	}

	/** A file in this folder. */
	public RemoteLocation child(final String name) {
		return new RemoteLocation(childOf(s3, name), childOf(https, name));
	}

	static String lastName(final String url) {
		if (url == null) return null;
		String u = url;
		while (u.endsWith("/"))
			u = u.substring(0, u.length() - 1);
		return u.substring(u.lastIndexOf('/') + 1);
	}

	private static String parentOf(final String url) {
		if (url == null) return null;
		String u = url;
		while (u.endsWith("/"))
			u = u.substring(0, u.length() - 1);
		return u.substring(0, u.lastIndexOf('/') + 1);
	}

	private static String childOf(final String dir, final String name) {
		if (dir == null) return null;
		return dir.endsWith("/") ? dir + name : dir + "/" + name;
	}

	@Override
	public String toString() {
		return preferred();
	}
}

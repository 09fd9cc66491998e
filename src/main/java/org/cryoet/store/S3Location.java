package org.cryoet.store;

import java.net.URI;
import java.util.Map;

/**
 * Where an S3 bucket answers. With an endpoint (from the {@code s3://} URL's
 * {@code endpoint=} parameter, {@code AWS_ENDPOINT_URL_S3} or
 * {@code AWS_ENDPOINT_URL}) requests go path-style to
 * {@code endpoint/bucket/key}; otherwise virtual-hosted style to
 * {@code https://bucket.s3.region.amazonaws.com/key}, the region coming from
 * the URL's {@code region=}, {@code AWS_REGION}, {@code AWS_DEFAULT_REGION},
 * us-west-2 for the portal's bucket, else us-east-1.
 */
public final class S3Location {

	public static final String PORTAL_BUCKET = "cryoet-data-portal-public";
	public static final String PORTAL_REGION = "us-west-2";

	public final String bucket;
	public final String region;
	/** Null for AWS itself. */
	public final URI endpoint;

	public S3Location(final String bucket, final String region, final URI endpoint) {
		if (!bucket.matches("[a-z0-9][a-z0-9.\\-]{1,61}[a-z0-9]"))
			throw new IllegalArgumentException("\"" + bucket + "\" is not an S3 bucket name");
		this.bucket = bucket;
		this.region = region;
		this.endpoint = endpoint;
	}

	/**
	 * @param env the environment (System.getenv() in real use)
	 * @param endpoint an explicit endpoint or null
	 * @param region an explicit region or null
	 */
	public static S3Location resolve(final String bucket, final String endpoint, final String region,
		final Map<String, String> env)
	{
		String e = endpoint;
		if (empty(e)) e = env.get("AWS_ENDPOINT_URL_S3");
		if (empty(e)) e = env.get("AWS_ENDPOINT_URL");
		String r = region;
		if (empty(r)) r = env.get("AWS_REGION");
		if (empty(r)) r = env.get("AWS_DEFAULT_REGION");
		if (empty(r)) r = bucket.equals(PORTAL_BUCKET) ? PORTAL_REGION : "us-east-1";
		return new S3Location(bucket, r, empty(e) ? null : URI.create(e.endsWith("/") ? e : e + "/"));
	}

	private static boolean empty(final String s) {
		return s == null || s.trim().isEmpty();
	}

	/** The URL of the bucket itself (listing requests go there), ending in '/'. */
	public String bucketUrl() {
		if (endpoint != null) return endpoint + bucket + "/";
		// Dotted names do not match the wildcard certificate: path style for them.
		if (bucket.contains(".")) return "https://s3." + region + ".amazonaws.com/" + bucket + "/";
		return "https://" + bucket + ".s3." + region + ".amazonaws.com/";
	}

	@Override
	public String toString() {
		return "s3://" + bucket + (endpoint != null ? " at " + endpoint : " (" + region + ")");
	}
}

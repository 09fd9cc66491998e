package org.cryoet.store;

import java.io.IOException;

/**
 * A web server that serves a bucket's keys (the portal's files host is a CDN
 * in front of its public bucket): values come over HTTPS, listings from the
 * bucket, so folder URLs of that host can be browsed like {@code s3://} ones.
 */
final class BucketMirrorStore extends ForwardingStore {

	/** The portal's HTTPS host, in front of {@link S3Location#PORTAL_BUCKET} (FACTS §6). */
	static final String PORTAL_FILES_HOST = "files.cryoetdataportal.cziscience.com";

	private final Store bucket;

	BucketMirrorStore(final Store web, final Store bucket) {
		super(web);
		this.bucket = bucket;
	}

	@Override
	public Listing list(final String prefix, final String delimiter) throws IOException {
		return bucket.list(prefix, delimiter);
	}

	@Override
	public boolean canList() {
		return true;
	}

	@Override
	public boolean isFolder(final String key) throws IOException {
		return bucket.isFolder(key);
	}

	@Override
	public void close() throws IOException {
		try {
			bucket.close();
		}
		finally {
			inner.close();
		}
	}
}

package org.cryoet.store;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * An S3 bucket read anonymously (the portal's bucket is public): GET and
 * ranged GET of objects, ListObjectsV2 with prefix, delimiter and
 * continuation tokens. No AWS SDK: see the README for why.
 */
public final class S3Store extends RemoteStore {

	private final S3Location location;
	/** Keys per listing page; 0 leaves it to the server (1000 on AWS). Tests make it small to see continuation. */
	int listPageSize;

	public S3Store(final S3Location location, final RemoteOptions options) {
		super(options, location.endpoint != null && "http".equalsIgnoreCase(location.endpoint.getScheme()));
		this.location = location;
	}

	public S3Location location() {
		return location;
	}

	@Override
	protected URI uri(final String key) {
		return URI.create(location.bucketUrl() + percentEncode(key, true));
	}

	@Override
	public Listing list(final String prefix, final String delimiter) throws IOException {
		Keys.check(prefix);
		if (delimiter != null && !delimiter.equals("/"))
			throw new IllegalArgumentException("delimiter must be \"/\" or null, not \"" + delimiter + "\"");
		final List<String> keys = new ArrayList<>(), prefixes = new ArrayList<>();
		String token = null;
		int pages = 0;
		do {
			final StringBuilder q = new StringBuilder("?list-type=2&prefix=").append(percentEncode(prefix, false));
			if (delimiter != null) q.append("&delimiter=").append(percentEncode(delimiter, false));
			if (listPageSize > 0) q.append("&max-keys=").append(listPageSize);
			if (token != null) q.append("&continuation-token=").append(percentEncode(token, false));
			final URI u = URI.create(location.bucketUrl() + q);
			final HttpFetcher.Answer a = fetcher.get(u, describe(prefix) + " (listing)", 0, -1, null);
			if (a.status == 404) throw new StoreException(describe("") + ": no such bucket");
			final S3ListingPage page = S3ListingPage.parse(a.body, describe(prefix));
			for (final String k : page.keys)
				if (inside(k, prefix) && !k.equals(prefix)) keys.add(k);
			for (final String p : page.prefixes)
				if (inside(p, prefix) && !p.equals(prefix)) prefixes.add(p);
			if (page.truncated && (page.nextToken == null || page.nextToken.isEmpty()))
				throw new StoreException(describe(prefix) + ": a truncated listing without a continuation token");
			token = page.truncated ? page.nextToken : null;
			if (++pages > 100_000) throw new StoreException(describe(prefix) + ": listing does not end");
		}
		while (token != null);
		return new Listing(keys, prefixes);
	}

	/** Keys from a listing stay under the prefix asked for and are safe keys, or are left out. */
	private static boolean inside(final String key, final String prefix) {
		return key.startsWith(prefix) && Keys.isSafe(key);
	}

	@Override
	public String describe(final String key) {
		return "s3://" + location.bucket + "/" + key;
	}
}

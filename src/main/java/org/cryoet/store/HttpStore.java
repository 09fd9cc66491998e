package org.cryoet.store;

import java.io.IOException;
import java.net.URI;

/**
 * Files under an HTTP(S) URL, read with GET and ranged GET. A plain web
 * server (the portal's CloudFront) offers no listing, so this store cannot
 * list: its users compute keys from metadata and the known layouts.
 */
public final class HttpStore extends RemoteStore {

	private final String base;

	/** @param base the URL that key "" names, e.g. {@code https://files.cryoetdataportal.cziscience.com/} */
	public HttpStore(final URI base, final RemoteOptions options) {
		super(options, "http".equalsIgnoreCase(base.getScheme()));
		final String s = base.toString();
		this.base = s.endsWith("/") ? s : s + "/";
	}

	@Override
	protected URI uri(final String key) {
		return URI.create(base + percentEncode(key, true));
	}

	@Override
	public boolean canList() {
		return false;
	}

	@Override
	public Listing list(final String prefix, final String delimiter) throws IOException {
		throw new StoreException(describe(prefix) + ": an HTTP server offers no listing (open a file or a known " +
			"folder, or use the s3:// address)");
	}

	@Override
	public String describe(final String key) {
		return base + key;
	}
}

package org.cryoet.portal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * Responses kept on disk for a while, keyed by endpoint and request body, so
 * browsing the same datasets again costs no request. A file is written under
 * a temporary name and moved into place, so a reader never sees half of one;
 * a stale or unreadable entry is simply fetched again.
 */
public final class ResponseCache {

	public static final String PROPERTY = "cryoet.portal.cache";
	public static final String ENVIRONMENT = "CRYOET_PORTAL_CACHE";
	public static final String TTL_PROPERTY = "cryoet.portal.cache.minutes";

	private final Path dir;
	private final Duration ttl;

	public ResponseCache(final Path dir, final Duration ttl) {
		this.dir = dir;
		this.ttl = ttl;
	}

	/** The cache the user configured (system property or environment), or null when none. */
	public static ResponseCache configured() {
		String d = System.getProperty(PROPERTY);
		if (d == null || d.isBlank()) d = System.getenv(ENVIRONMENT);
		if (d == null || d.isBlank()) return null;
		return new ResponseCache(Path.of(d), Duration.ofMinutes(Long.getLong(TTL_PROPERTY, 24 * 60)));
	}

	public Path directory() {
		return dir;
	}

	/** The cached response to this request, or null when absent or older than the time limit. */
	public String get(final String endpoint, final String body) {
		final Path f = file(endpoint, body);
		try {
			if (!Files.isRegularFile(f)) return null;
			final long age = System.currentTimeMillis() - Files.getLastModifiedTime(f).toMillis();
			if (age > ttl.toMillis()) return null;
			return new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			return null;
		}
	}

	/** Stores a response; a cache that cannot be written is no reason to fail the request. */
	public void put(final String endpoint, final String body, final String response) {
		final Path f = file(endpoint, body);
		Path tmp = null;
		try {
			Files.createDirectories(dir);
			tmp = Files.createTempFile(dir, ".response-", ".tmp");
			Files.write(tmp, response.getBytes(StandardCharsets.UTF_8));
			try {
				Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		catch (final IOException e) {
			// not cached this time
		}
		finally {
			try {
				if (tmp != null) Files.deleteIfExists(tmp);
			}
			catch (final IOException e) {
				// a stray temporary file; harmless
			}
		}
	}

	private Path file(final String endpoint, final String body) {
		try {
			final MessageDigest md = MessageDigest.getInstance("SHA-256");
			md.update(endpoint.getBytes(StandardCharsets.UTF_8));
			md.update((byte) 0);
			md.update(body.getBytes(StandardCharsets.UTF_8));
			final StringBuilder sb = new StringBuilder();
			for (final byte b : md.digest())
				sb.append(String.format("%02x", b));
			return dir.resolve(sb + ".json");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}

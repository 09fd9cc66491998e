package org.cryoet.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Opens what a user typed as a {@link StorePath}: a local path or
 * {@code file:} URL, {@code http(s)://host/key}, or
 * {@code s3://bucket/key} (optionally {@code ?endpoint=URL&region=R}). The
 * store is rooted high enough (the file system's root, the server, the
 * bucket) that parents of the location can be reached too.
 */
public final class Stores {

	private Stores() {}

	public static StorePath open(final String pathOrUrl) throws StoreException {
		return open(pathOrUrl, RemoteOptions.fromSystemProperties(), System.getenv());
	}

	public static StorePath open(final String pathOrUrl, final RemoteOptions options) throws StoreException {
		return open(pathOrUrl, options, System.getenv());
	}

	/** @param env the environment, for {@code AWS_ENDPOINT_URL_S3} and friends */
	public static StorePath open(final String pathOrUrl, final RemoteOptions options, final Map<String, String> env)
		throws StoreException
	{
		final String s = pathOrUrl.trim();
		final String lower = s.toLowerCase(Locale.ROOT);
		if (lower.startsWith("s3://")) return s3(s, options, env);
		if (lower.startsWith("http://") || lower.startsWith("https://")) return http(s, options, env);
		if (lower.startsWith("file:")) {
			try {
				return local(Path.of(new URI(s)));
			}
			catch (final URISyntaxException | IllegalArgumentException e) {
				throw new StoreException(s + ": not a valid file: URL (" + e.getMessage() + ")");
			}
		}
		try {
			return local(Path.of(s));
		}
		catch (final InvalidPathException e) {
			throw new StoreException(s + ": not a valid path (" + e.getReason() + ")");
		}
	}

	/**
	 * Like {@link #open(String)}, with a remote store shared: whatever is opened
	 * from the location takes its own handle ({@link SharedStore#share}), and
	 * the caller closes this one when done.
	 */
	public static StorePath openShared(final String pathOrUrl) throws StoreException {
		final StorePath p = open(pathOrUrl);
		return p.store instanceof FileStore ? p : new StorePath(SharedStore.of(p.store), p.key);
	}

	public static boolean isRemote(final String pathOrUrl) {
		final String lower = pathOrUrl.trim().toLowerCase(Locale.ROOT);
		return lower.startsWith("s3://") || lower.startsWith("http://") || lower.startsWith("https://");
	}

	/** A local file or folder: a store rooted at the file system's root, keyed by the rest of the absolute path. */
	public static StorePath local(final Path path) throws StoreException {
		final Path abs = path.toAbsolutePath().normalize();
		final Path root = abs.getRoot();
		final StringBuilder key = new StringBuilder();
		for (final Path segment : root.relativize(abs)) {
			if (key.length() > 0) key.append('/');
			key.append(segment);
		}
		return new StorePath(new FileStore(root), Keys.check(key.toString()));
	}

	private static StorePath http(final String url, final RemoteOptions options, final Map<String, String> env)
		throws StoreException
	{
		final URI u;
		try {
			u = new URI(url);
		}
		catch (final URISyntaxException e) {
			throw new StoreException(url + ": not a valid URL (" + e.getReason() + ")");
		}
		if (u.getHost() == null) throw new StoreException(url + ": the URL names no host");
		if (u.getRawQuery() != null || u.getRawFragment() != null)
			throw new StoreException(url + ": query strings and fragments are not supported");
		final String origin = u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getRawAuthority() + "/";
		final String path = u.getPath() == null ? "" : u.getPath();
		final String key = Keys.strip(path.startsWith("/") ? path.substring(1) : path);
		final String k = checked(url, key);
		final Store web = new HttpStore(URI.create(origin), options);
		if (!BucketMirrorStore.PORTAL_FILES_HOST.equalsIgnoreCase(u.getHost())) return new StorePath(web, k);
		// the portal's files host lists nothing itself; its bucket does
		final S3Location bucket;
		try {
			// the portal's bucket and region, whatever the user's own S3 settings; a mirror only by AWS_ENDPOINT_URL_S3
			final Map<String, String> mirror = new HashMap<>();
			if (env.containsKey("AWS_ENDPOINT_URL_S3")) mirror.put("AWS_ENDPOINT_URL_S3", env.get("AWS_ENDPOINT_URL_S3"));
			bucket = S3Location.resolve(S3Location.PORTAL_BUCKET, null, S3Location.PORTAL_REGION, mirror);
		}
		catch (final IllegalArgumentException e) {
			try {
				web.close();
			}
			catch (final java.io.IOException ignored) {
				// nothing was fetched through it
			}
			throw new StoreException(url + ": " + e.getMessage());
		}
		return new StorePath(new BucketMirrorStore(web, new S3Store(bucket, options)), k);
	}

	private static StorePath s3(final String url, final RemoteOptions options, final Map<String, String> env)
		throws StoreException
	{
		String rest = url.substring("s3://".length());
		final Map<String, String> params = new HashMap<>();
		final int q = rest.indexOf('?');
		if (q >= 0) {
			for (final String kv : rest.substring(q + 1).split("&")) {
				final int eq = kv.indexOf('=');
				final String k = eq < 0 ? kv : kv.substring(0, eq);
				if (!k.equals("endpoint") && !k.equals("region"))
					throw new StoreException(url + ": unknown parameter \"" + k + "\" (endpoint and region are known)");
				params.put(k, eq < 0 ? "" : java.net.URLDecoder.decode(kv.substring(eq + 1),
					java.nio.charset.StandardCharsets.UTF_8));
			}
			rest = rest.substring(0, q);
		}
		final int slash = rest.indexOf('/');
		final String bucket = slash < 0 ? rest : rest.substring(0, slash);
		final String key = Keys.strip(slash < 0 ? "" : rest.substring(slash + 1));
		final S3Location loc;
		try {
			loc = S3Location.resolve(bucket, params.get("endpoint"), params.get("region"), env);
		}
		catch (final IllegalArgumentException e) {
			throw new StoreException(url + ": " + e.getMessage());
		}
		return new StorePath(new S3Store(loc, options), checked(url, key));
	}

	private static String checked(final String url, final String key) throws StoreException {
		try {
			return Keys.check(key);
		}
		catch (final StoreException e) {
			throw new StoreException(url + ": " + e.getMessage());
		}
	}
}

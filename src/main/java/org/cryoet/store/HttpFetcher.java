package org.cryoet.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP request done properly: at most {@link RemoteOptions#connections}
 * at once, a connect and a read timeout, retries with exponential backoff and
 * jitter on 5xx, 429, 408 and connection faults, none on other 4xx, bodies
 * checked against their length and range, and a cancel that stops waiting at
 * once. After the last try, one line naming the resource and the status.
 */
final class HttpFetcher {

	/** A final answer: the status, its headers and (for GET) the checked body. */
	static final class Answer {

		final int status;
		final HttpHeaders headers;
		final ByteBuffer body;

		Answer(final int status, final HttpHeaders headers, final ByteBuffer body) {
			this.status = status;
			this.headers = headers;
			this.body = body;
		}
	}

	/** At most 18 digits: every value fits a long, and no sum of two overflows. */
	private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");
	private static final Pattern S3_CODE = Pattern.compile("<Code>([^<]{1,80})</Code>");

	private final HttpClient client;
	private final RemoteOptions options;
	private final Semaphore permits;

	HttpFetcher(final RemoteOptions options, final boolean plainHttp) {
		this.options = options;
		this.permits = new Semaphore(options.connections, true);
		// Plain http stays on HTTP/1.1: no h2c upgrade dance with simple servers.
		this.client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(options.connectTimeoutMillis))
			.followRedirects(HttpClient.Redirect.NORMAL).version(plainHttp ? HttpClient.Version.HTTP_1_1
				: HttpClient.Version.HTTP_2).build();
	}

	RemoteOptions options() {
		return options;
	}

	/**
	 * GET (whole, or {@code length} bytes from {@code offset} when length >= 0).
	 *
	 * @return the answer; status 404 and 416 are answers too (no body)
	 */
	Answer get(final URI uri, final String name, final long offset, final long length, final ByteBuffer reuse)
		throws IOException
	{
		return exchange("GET", uri, name, offset, length, reuse);
	}

	/** HEAD; statuses 404, 405 and 501 are answers too. */
	Answer head(final URI uri, final String name) throws IOException {
		return exchange("HEAD", uri, name, 0, -1, null);
	}

	private Answer exchange(final String method, final URI uri, final String name, final long offset,
		final long length, final ByteBuffer reuse) throws IOException
	{
		for (int attempt = 0;; attempt++) {
			checkCancel(name);
			String fault;
			long retryAfter = -1;
			try {
				final Attempt a = once(method, uri, name, offset, length, reuse);
				final int s = a.response.statusCode();
				if (s / 100 == 2 || s == 404 || s == 416 || method.equals("HEAD") && (s == 405 || s == 501)) {
					final ByteBuffer body = s / 100 == 2 && method.equals("GET") ? checked(a.response, offset, length)
						: null;
					options.listener.requestDone(uri.toString(), body == null ? 0 : body.remaining());
					return new Answer(s, a.response.headers(), body);
				}
				fault = "HTTP " + s + code(a.response.body());
				if (s / 100 != 5 && s != 429 && s != 408) throw new StoreException(name + ": " + fault + regionHint(a.response
					.headers()));
				retryAfter = a.response.headers().firstValueAsLong("retry-after").orElse(-1);
			}
			catch (final StoreException e) {
				throw e;
			}
			catch (final InterruptedIOException e) {
				// A socket timeout is a fault to retry; any other interruption is a cancel.
				if (!(e instanceof java.net.SocketTimeoutException)) throw e;
				fault = "timed out";
			}
			catch (final IOException e) {
				fault = e.getMessage() == null || e.getMessage().isEmpty() ? e.getClass().getSimpleName() : e.getMessage();
			}
			if (attempt >= options.retries) throw new StoreException(name + ": " + fault + (attempt > 0 ? " (after " +
				(attempt + 1) + " tries)" : ""));
			final long delay = backoff(attempt, retryAfter);
			options.listener.retrying(uri.toString(), fault, attempt + 1, delay);
			sleep(delay, name);
		}
	}

	private static final class Attempt {

		final HttpResponse<ByteBuffer> response;

		Attempt(final HttpResponse<ByteBuffer> response) {
			this.response = response;
		}
	}

	private Attempt once(final String method, final URI uri, final String name, final long offset, final long length,
		final ByteBuffer reuse) throws IOException
	{
		acquire(name);
		try {
			final HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody())
				.header("User-Agent", "cryoet-fiji");
			final boolean ranged = length >= 0;
			if (ranged) b.header("Range", "bytes=" + offset + "-" + (offset + length - 1));
			final BodyCollector.Watch watch = new BodyCollector.Watch();
			final BodyCollector[] collector = new BodyCollector[1];
			final CompletableFuture<HttpResponse<ByteBuffer>> cf = client.sendAsync(b.build(), info -> {
				final int s = info.statusCode();
				final long declared = method.equals("HEAD") ? 0 : info.headers().firstValueAsLong("content-length")
					.orElse(-1);
				final BodyCollector c;
				if (s / 100 != 2) c = new BodyCollector(watch, -1, 0, 4096, null); // an error page: its start only
				else if (method.equals("HEAD")) c = new BodyCollector(watch, 0, 0, -1, null);
				else if (ranged && s == 200) c = new BodyCollector(watch, declared, offset, length, null);
				else c = new BodyCollector(watch, declared, 0, -1, reuse != null && reuse.hasArray() ? reuse.array() : null);
				collector[0] = c;
				return c;
			});
			return new Attempt(await(cf, watch, collector, name, uri));
		}
		finally {
			permits.release();
		}
	}

	/** Waits for the response, giving up when no bytes came for the read timeout or when cancelled. */
	private HttpResponse<ByteBuffer> await(final CompletableFuture<HttpResponse<ByteBuffer>> cf,
		final BodyCollector.Watch watch, final BodyCollector[] collector, final String name, final URI uri)
		throws IOException
	{
		try {
			while (true) {
				try {
					return cf.get(50, TimeUnit.MILLISECONDS);
				}
				catch (final TimeoutException e) {
					if (options.cancelled.getAsBoolean()) {
						abandon(cf, collector);
						throw new InterruptedIOException(name + ": cancelled");
					}
					if (System.nanoTime() - watch.lastNanos > options.readTimeoutMillis * 1_000_000L) {
						abandon(cf, collector);
						throw new TransientFault("no answer for " + options.readTimeoutMillis + " ms");
					}
				}
			}
		}
		catch (final InterruptedException e) {
			abandon(cf, collector);
			Thread.currentThread().interrupt();
			throw new InterruptedIOException(name + ": interrupted");
		}
		catch (final CancellationException e) {
			throw new InterruptedIOException(name + ": cancelled");
		}
		catch (final ExecutionException e) {
			Throwable t = e.getCause();
			while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null)
				t = t.getCause();
			if (t instanceof IOException) throw (IOException) t;
			throw new TransientFault(String.valueOf(t));
		}
	}

	private static void abandon(final CompletableFuture<?> cf, final BodyCollector[] collector) {
		cf.cancel(true);
		if (collector[0] != null) collector[0].abandon();
	}

	/** The body of a 2xx GET, checked against the range asked for. */
	static ByteBuffer checked(final HttpResponse<ByteBuffer> r, final long offset, final long length)
		throws IOException
	{
		final ByteBuffer body = r.body();
		if (length < 0 || r.statusCode() != 206) {
			if (length >= 0 && body.remaining() > length) throw new TransientFault("more bytes than asked for");
			return body;
		}
		final String cr = r.headers().firstValue("content-range").orElse(null);
		if (cr == null) {
			if (body.remaining() != length) throw new TransientFault("a short range (" + body.remaining() + " of " +
				length + " bytes) without Content-Range");
			return body;
		}
		final Matcher m = CONTENT_RANGE.matcher(cr.trim());
		if (!m.matches()) throw new TransientFault("a malformed Content-Range \"" + cr.replaceAll("[\\x00-\\x1f\\x7f]", "?") +
			"\"");
		final long first = Long.parseLong(m.group(1)), last = Long.parseLong(m.group(2));
		if (first != offset) throw new TransientFault("bytes from " + first + " instead of " + offset);
		long expect = Math.min(length, last - first + 1);
		if (!m.group(3).equals("*")) expect = Math.min(length, Long.parseLong(m.group(3)) - offset);
		if (last - first + 1 != expect || body.remaining() != expect)
			throw new TransientFault("a short range (" + body.remaining() + " bytes of " + expect + ", " + cr + ")");
		return body;
	}

	/** S3 answers a request sent to the wrong region with the bucket's region in a header. */
	private static String regionHint(final HttpHeaders h) {
		return h.firstValue("x-amz-bucket-region").map(r -> "; the bucket is in " + r +
			" (add ?region=" + r + " to the s3:// URL or set AWS_REGION)").orElse("");
	}

	private static String code(final ByteBuffer errorBody) {
		if (errorBody == null) return "";
		final Matcher m = S3_CODE.matcher(StandardCharsets.UTF_8.decode(errorBody.duplicate()));
		return m.find() ? " (" + m.group(1) + ")" : "";
	}

	private long backoff(final int attempt, final long retryAfterSeconds) {
		final long exp = Math.min(options.backoffMaxMillis, (long) options.backoffBaseMillis << Math.min(attempt, 20));
		long d = exp / 2 + ThreadLocalRandom.current().nextLong(exp / 2 + 1);
		if (retryAfterSeconds > 0) d = Math.max(d, Math.min(retryAfterSeconds * 1000, options.backoffMaxMillis));
		return d;
	}

	private void sleep(final long millis, final String name) throws InterruptedIOException {
		final long end = System.nanoTime() + millis * 1_000_000L;
		try {
			for (long left = millis; left > 0; left = (end - System.nanoTime()) / 1_000_000L) {
				checkCancel(name);
				Thread.sleep(Math.min(left, 50));
			}
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException(name + ": interrupted");
		}
	}

	private void acquire(final String name) throws InterruptedIOException {
		try {
			while (!permits.tryAcquire(50, TimeUnit.MILLISECONDS))
				checkCancel(name);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException(name + ": interrupted");
		}
	}

	private void checkCancel(final String name) throws InterruptedIOException {
		if (Thread.currentThread().isInterrupted()) throw new InterruptedIOException(name + ": interrupted");
		if (options.cancelled.getAsBoolean()) throw new InterruptedIOException(name + ": cancelled");
	}
}

package org.cryoet.store;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;

import javax.net.ssl.SSLSession;

/**
 * The store's response parsers, reachable from the fuzz targets
 * (org.cryoet.fuzz) without widening them in the main code: S3 listing pages,
 * the check of a ranged answer against its Content-Range, and the body
 * collector fed in pieces.
 */
public final class StoreParsing {

	private StoreParsing() {}

	/** The keys, sizes and prefixes of a listing page, or our refusal. */
	public static List<Object> listing(final byte[] xml, final String where) throws StoreException {
		final S3ListingPage p = S3ListingPage.parse(ByteBuffer.wrap(xml), where);
		return java.util.Arrays.asList(p.keys, p.sizes, p.prefixes, p.truncated, p.nextToken);
	}

	/** A 206 (or other) answer with this Content-Range and body, checked against the range asked for. */
	public static ByteBuffer ranged(final int status, final String contentRange, final byte[] body, final long offset,
		final long length) throws IOException
	{
		final HttpHeaders h = HttpHeaders.of(contentRange == null ? Collections.emptyMap() : Collections.singletonMap(
			"content-range", Collections.singletonList(contentRange)), (k, v) -> true);
		return HttpFetcher.checked(new Answer(status, h, ByteBuffer.wrap(body)), offset, length);
	}

	/** Feeds {@code pieces} to a collector declared to hold {@code declared} bytes; what it completes with. */
	public static ByteBuffer collect(final long declared, final long skip, final long want, final List<byte[]> pieces,
		final boolean complete) throws IOException
	{
		final BodyCollector c = new BodyCollector(new BodyCollector.Watch(), declared, skip, want, null);
		c.onSubscribe(new Flow.Subscription() {

			@Override
			public void request(final long n) {}

			@Override
			public void cancel() {}
		});
		for (final byte[] p : pieces)
			c.onNext(Collections.singletonList(ByteBuffer.wrap(p)));
		if (complete) c.onComplete();
		else c.onError(new IOException("connection reset"));
		try {
			return c.getBody().toCompletableFuture().get();
		}
		catch (final ExecutionException e) {
			if (e.getCause() instanceof IOException) throw (IOException) e.getCause();
			throw new IllegalStateException(e.getCause());
		}
		catch (final InterruptedException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Ours: a StoreException, or the retried TransientFault (a StoreException after the last try). */
	public static boolean isOurs(final IOException e) {
		return e instanceof StoreException || e instanceof TransientFault;
	}

	private static final class Answer implements HttpResponse<ByteBuffer> {

		private final int status;
		private final HttpHeaders headers;
		private final ByteBuffer body;

		Answer(final int status, final HttpHeaders headers, final ByteBuffer body) {
			this.status = status;
			this.headers = headers;
			this.body = body;
		}

		@Override
		public int statusCode() {
			return status;
		}

		@Override
		public HttpRequest request() {
			return HttpRequest.newBuilder(URI.create("http://127.0.0.1/")).build();
		}

		@Override
		public Optional<HttpResponse<ByteBuffer>> previousResponse() {
			return Optional.empty();
		}

		@Override
		public HttpHeaders headers() {
			return headers;
		}

		@Override
		public ByteBuffer body() {
			return body;
		}

		@Override
		public Optional<SSLSession> sslSession() {
			return Optional.empty();
		}

		@Override
		public URI uri() {
			return URI.create("http://127.0.0.1/");
		}

		@Override
		public HttpClient.Version version() {
			return HttpClient.Version.HTTP_1_1;
		}
	}

}

package org.cryoet.portal.api;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * POSTs a GraphQL query as JSON and returns its {@code data}: retries what
 * passes (502, 503, 504, connection faults) with backoff, turns an
 * {@code errors} array into one line naming the query, and optionally keeps
 * responses in a {@link ResponseCache}. Thread-safe.
 */
public final class GraphQLHttp {

	private static final Gson GSON = new Gson();
	private static final String USER_AGENT = "cryoet-fiji (java.net.http)";

	private final URI endpoint;
	private final HttpClient http;
	private final RetryPolicy retry;
	private final ResponseCache cache;
	private final Duration timeout;
	private final AtomicLong requests = new AtomicLong();

	public GraphQLHttp(final URI endpoint, final RetryPolicy retry, final ResponseCache cache, final Duration timeout) {
		this.endpoint = endpoint;
		this.retry = retry;
		this.cache = cache;
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(
			HttpClient.Redirect.NORMAL).build();
	}

	/** The configured endpoint and cache, the default retries, a 2-minute timeout (the server's own is 120 s). */
	public static GraphQLHttp configured() throws PortalApiException {
		return new GraphQLHttp(PortalEndpoint.configured(), RetryPolicy.configured(), ResponseCache.configured(), Duration
			.ofMinutes(2));
	}

	public URI endpoint() {
		return endpoint;
	}

	/** HTTP requests sent so far (retries included; cache hits excluded). */
	public long requestCount() {
		return requests.get();
	}

	/**
	 * @return the response's {@code data} object
	 * @throws PortalApiException in one line, naming the query
	 */
	public JsonObject query(final String operationName, final String query, final JsonObject variables)
		throws PortalApiException
	{
		final JsonObject body = new JsonObject();
		body.addProperty("query", query);
		body.add("variables", variables == null ? new JsonObject() : variables);
		body.addProperty("operationName", operationName);
		final String json = GSON.toJson(body);
		final String cached = cache == null ? null : cache.get(endpoint.toString(), json);
		if (cached != null) {
			final JsonObject data = data(operationName, cached, 200);
			if (data != null) return data;
		}
		final String response = send(operationName, json);
		final JsonObject data = data(operationName, response, 200);
		if (cache != null) cache.put(endpoint.toString(), json, response);
		return data;
	}

	private String send(final String operationName, final String json) throws PortalApiException {
		final HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(timeout).header("Content-Type",
			"application/json").header("Accept", "application/json").header("User-Agent", USER_AGENT).POST(
				HttpRequest.BodyPublishers.ofString(json)).build();
		String last = null;
		for (int attempt = 0; attempt < retry.attempts; attempt++) {
			if (attempt > 0) pause(operationName, retry.delayMillis(attempt - 1));
			requests.incrementAndGet();
			try {
				final HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) return r.body();
				if (RetryPolicy.retryableStatus(r.statusCode())) {
					last = "HTTP " + r.statusCode();
					continue;
				}
				// A GraphQL server may answer a bad query with 400 and an errors array: say what it says.
				final JsonObject data = data(operationName, r.body(), r.statusCode());
				if (data != null) return r.body();
			}
			catch (final HttpTimeoutException e) {
				last = "no answer within " + timeout.getSeconds() + " s";
			}
			catch (final IOException e) {
				last = "connection failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")";
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new PortalApiException(where(operationName) + ": interrupted");
			}
		}
		throw new PortalUnavailableException(where(operationName) + ": " + last + " after " + retry.attempts + " attempt" +
			(retry.attempts == 1 ? "" : "s"));
	}

	private void pause(final String operationName, final long millis) throws PortalApiException {
		try {
			Thread.sleep(millis);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new PortalApiException(where(operationName) + ": interrupted");
		}
	}

	private String where(final String operationName) {
		return "portal API " + endpoint + ", query " + operationName;
	}

	/** The data object of a response; an errors array or a body that is not GraphQL becomes one line. */
	private JsonObject data(final String operationName, final String body, final int status)
		throws PortalApiException
	{
		final JsonElement e;
		try {
			// An error's text is printed from the tree: a hostile depth would overflow the stack.
			org.cryoet.format.json.JsonDocument.checkDepth(body, where(operationName));
		}
		catch (final org.cryoet.format.FormatException ex) {
			throw new PortalApiException(ex.getMessage());
		}
		try {
			e = JsonParser.parseString(body);
		}
		catch (final JsonParseException ex) {
			throw new PortalApiException(where(operationName) + ": " + (status == 200 ? "" : "HTTP " + status + ", ") +
				"the answer is not JSON");
		}
		if (!e.isJsonObject()) throw new PortalApiException(where(operationName) + ": the answer is not a GraphQL response");
		final JsonObject o = e.getAsJsonObject();
		if (o.has("errors") && o.get("errors").isJsonArray() && o.getAsJsonArray("errors").size() > 0) {
			final JsonArray errors = o.getAsJsonArray("errors");
			final JsonElement first = errors.get(0);
			String msg = first.isJsonObject() && first.getAsJsonObject().has("message") ? first.getAsJsonObject().get(
				"message").getAsString() : first.toString();
			msg = msg.replace('\n', ' ').trim();
			if (errors.size() > 1) msg += " (and " + (errors.size() - 1) + " more error" + (errors.size() > 2 ? "s" : "") + ")";
			throw new PortalApiException(where(operationName) + ": " + msg);
		}
		if (!o.has("data") || !o.get("data").isJsonObject()) throw new PortalApiException(where(operationName) + ": " +
			(status == 200 ? "" : "HTTP " + status + ", ") + "the answer has no data");
		return o.getAsJsonObject("data");
	}
}

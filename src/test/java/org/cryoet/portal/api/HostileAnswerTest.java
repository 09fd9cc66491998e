package org.cryoet.portal.api;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** A GraphQL answer nested 100,000 deep (its error printed from the tree) gives one line, not a StackOverflowError. */
class HostileAnswerTest {

	@Test
	void deepErrorsAreOneLine() throws Exception {
		final StringBuilder sb = new StringBuilder("{\"errors\": ");
		for (int i = 0; i < 100_000; i++)
			sb.append('[');
		for (int i = 0; i < 100_000; i++)
			sb.append(']');
		final byte[] body = sb.append('}').toString().getBytes(StandardCharsets.UTF_8);
		final HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/graphql", x -> {
			x.getRequestBody().readAllBytes();
			x.sendResponseHeaders(200, body.length);
			x.getResponseBody().write(body);
			x.close();
		});
		server.start();
		try {
			final GraphQLHttp http = new GraphQLHttp(URI.create("http://127.0.0.1:" + server.getAddress().getPort() +
				"/graphql"), RetryPolicy.DEFAULT, null, Duration.ofSeconds(20));
			final PortalApiException e = assertThrows(PortalApiException.class, () -> http.query("Deep", "{ x }", null));
			assertTrue(e.getMessage().contains("query Deep: JSON nested deeper than 128 levels"), e.getMessage());
		}
		finally {
			server.stop(0);
		}
	}
}

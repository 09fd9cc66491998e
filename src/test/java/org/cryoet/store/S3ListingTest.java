package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ListObjectsV2 answers from a hostile or odd server: keys outside the prefix, DTDs, endless pages. */
class S3ListingTest {

	private HttpServer server;
	private final Map<String, String> pages = new HashMap<>();

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
		server.createContext("/", ex -> {
			final Map<String, String> q = new HashMap<>();
			for (final String kv : ex.getRequestURI().getRawQuery().split("&")) {
				final int i = kv.indexOf('=');
				q.put(kv.substring(0, i), URLDecoder.decode(kv.substring(i + 1), StandardCharsets.UTF_8));
			}
			final String body = pages.getOrDefault(q.getOrDefault("continuation-token", ""), "");
			final byte[] b = body.getBytes(StandardCharsets.UTF_8);
			ex.sendResponseHeaders(200, b.length);
			ex.getResponseBody().write(b);
			ex.close();
		});
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private Store store() throws StoreException {
		return Stores.open("s3://bucket-a/p", RemoteOptions.defaults().withRetries(0, 1, 1), Collections.singletonMap(
			"AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort())).store;
	}

	private static String page(final String token, final String... entries) {
		final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
			"<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>bucket-a</Name><Prefix>p/</Prefix>");
		for (final String e : entries)
			sb.append(e.endsWith("/") ? "<CommonPrefixes><Prefix>" + e + "</Prefix></CommonPrefixes>" : "<Contents><Key>" +
				e + "</Key><Size>3</Size></Contents>");
		sb.append("<IsTruncated>").append(token != null).append("</IsTruncated>");
		if (token != null) sb.append("<NextContinuationToken>").append(token).append("</NextContinuationToken>");
		return sb.append("</ListBucketResult>").toString();
	}

	@Test
	void pagesAreFollowedAndKeysOutsideThePrefixLeftOut() throws IOException {
		pages.put("", page("t 1+/=&amp;", "p/a", "p/../../etc/passwd", "other/x", "p/b//c", "p/", "p/d/", "q/",
			"p/back\\slash"));
		pages.put("t 1+/=&", page(null, "p/z", "p/e/"));
		try (Store s = store()) {
			final Listing l = s.list("p/", "/");
			assertEquals(Arrays.asList("p/a", "p/z"), l.keys);
			assertEquals(Arrays.asList("p/d/", "p/e/"), l.prefixes);
		}
	}

	@Test
	void documentTypeDeclarationsAreRefused() throws IOException {
		pages.put("", "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" +
			"<ListBucketResult><Contents><Key>p/&x;</Key></Contents></ListBucketResult>");
		try (Store s = store()) {
			final StoreException e = assertThrows(StoreException.class, () -> s.list("p/", "/"));
			assertTrue(e.getMessage().startsWith("s3://bucket-a/p/: the listing is not valid XML"), e.getMessage());
		}
	}

	@Test
	void aTruncatedPageWithoutATokenIsAnError() throws IOException {
		pages.put("", page("", "p/a"));
		pages.put("x", "<Error><Code>NoSuchBucket</Code></Error>");
		try (Store s = store()) {
			assertTrue(assertThrows(StoreException.class, () -> s.list("p/", "/")).getMessage().contains(
				"without a continuation token"));
		}
		pages.put("", "<Error><Code>Odd</Code></Error>");
		try (Store s = store()) {
			assertTrue(assertThrows(StoreException.class, () -> s.list("p/", "/")).getMessage().contains(
				"expected a ListBucketResult"));
		}
	}
}

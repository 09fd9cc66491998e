package org.cryoet.ui.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;
import javax.swing.Icon;

import org.junit.jupiter.api.Test;

/** Thumbnails are fetched once, only when asked for, off the caller's thread, and scaled to fit. */
class ThumbnailLoaderTest {

	@Test
	void fetchedLazilyOnceAndScaled() throws Exception {
		final BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
		final ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(img, "png", png);
		final AtomicInteger hits = new AtomicInteger();
		final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", ex -> {
			hits.incrementAndGet();
			final boolean ok = ex.getRequestURI().getPath().equals("/thumb.png");
			ex.sendResponseHeaders(ok ? 200 : 404, ok ? png.size() : -1);
			try (OutputStream o = ex.getResponseBody()) {
				if (ok) o.write(png.toByteArray());
			}
		});
		server.start();
		try (ThumbnailLoader loader = new ThumbnailLoader()) {
			final String base = "http://127.0.0.1:" + server.getAddress().getPort();
			assertEquals(0, hits.get(), "nothing fetched before it is shown");
			final CountDownLatch arrived = new CountDownLatch(1);
			assertNull(loader.get(base + "/thumb.png", arrived::countDown), "not there yet: the caller does not wait");
			assertTrue(arrived.await(20, TimeUnit.SECONDS));
			final Icon icon = loader.get(base + "/thumb.png", () -> {});
			assertNotNull(icon);
			assertEquals(ThumbnailLoader.SIZE, icon.getIconWidth());
			assertEquals(ThumbnailLoader.SIZE / 2, icon.getIconHeight());
			assertNull(loader.get(base + "/missing.png", () -> {}));
			Thread.sleep(200);
			assertNull(loader.get(base + "/missing.png", () -> {}), "a missing thumbnail stays empty");
			assertEquals(2, hits.get(), "each URL fetched once");
			assertNull(loader.get(null, () -> {}));
		}
		finally {
			server.stop(0);
		}
	}
}

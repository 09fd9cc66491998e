package org.cryoet.ui.portal;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.imageio.ImageIO;
import javax.swing.Icon;
import javax.swing.ImageIcon;
import javax.swing.SwingUtilities;

/**
 * Dataset thumbnails, fetched only when a list cell first shows them, on two
 * background threads; a cell shows nothing until its image has arrived and
 * is repainted then. A thumbnail that fails stays empty.
 */
final class ThumbnailLoader implements AutoCloseable {

	static final int SIZE = 64;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(
		HttpClient.Redirect.NORMAL).build();
	private final ExecutorService threads = Executors.newFixedThreadPool(2, r -> {
		final Thread t = new Thread(r, "cryoet-thumbnails");
		t.setDaemon(true);
		return t;
	});
	private final Map<String, Icon> done = new ConcurrentHashMap<>();
	private final Map<String, Boolean> asked = new ConcurrentHashMap<>();

	/** The thumbnail if it has arrived, else null (and it is fetched; {@code arrived} runs on the event thread then). */
	Icon get(final String url, final Runnable arrived) {
		if (url == null) return null;
		final Icon i = done.get(url);
		if (i != null || asked.putIfAbsent(url, true) != null) return i;
		threads.submit(() -> {
			try {
				final HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(
					30)).build(), HttpResponse.BodyHandlers.ofByteArray());
				final BufferedImage img = r.statusCode() == 200 ? ImageIO.read(new ByteArrayInputStream(r.body())) : null;
				if (img == null) return;
				done.put(url, new ImageIcon(scaled(img)));
				SwingUtilities.invokeLater(arrived);
			}
			catch (final Exception e) {
				// no thumbnail: the list shows the text alone
			}
		});
		return null;
	}

	/** Fits an image into SIZE x SIZE, drawn at once (no asynchronous toolkit image). */
	static BufferedImage scaled(final BufferedImage img) {
		final double s = (double) SIZE / Math.max(img.getWidth(), img.getHeight());
		final int w = Math.max(1, (int) Math.round(img.getWidth() * s)), h = Math.max(1, (int) Math.round(img.getHeight() *
			s));
		final BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
		final Graphics2D g = out.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
		g.drawImage(img, 0, 0, w, h, null);
		g.dispose();
		return out;
	}

	@Override
	public void close() {
		threads.shutdownNow();
	}
}

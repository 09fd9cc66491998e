package org.cryoet.ui.portal;

import java.awt.Image;
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
				final double s = (double) SIZE / Math.max(img.getWidth(), img.getHeight());
				done.put(url, new ImageIcon(img.getScaledInstance(Math.max(1, (int) (img.getWidth() * s)), Math.max(1,
					(int) (img.getHeight() * s)), Image.SCALE_SMOOTH)));
				SwingUtilities.invokeLater(arrived);
			}
			catch (final Exception e) {
				// no thumbnail: the list shows the text alone
			}
		});
		return null;
	}

	@Override
	public void close() {
		threads.shutdownNow();
	}
}

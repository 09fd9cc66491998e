package org.cryoet.testutil;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A static file server on 127.0.0.1 over a folder, in this JVM: GET and HEAD
 * with single byte ranges, added latency, and scripted faults (error
 * statuses, dropped connections, bodies shorter than their Content-Length,
 * short ranges). Counts requests per path and the most in flight at once.
 */
public final class TreeHttpServer implements AutoCloseable {

	public enum Fault {
		/** HTTP 500, 503, 429, 403 with an S3-style error body. */
		E500, E503, E429, E403,
		/** The connection closes before any answer. */
		DROP,
		/** Content-Length says the full length; half the bytes come, then the connection closes. */
		CUT_BODY,
		/** A consistent answer with half the bytes: 206 whose Content-Range covers half of what was asked (or a 200 with a short Content-Length). */
		SHORT,
		/** The range header is ignored: 200 with the whole file. */
		IGNORE_RANGE
	}

	static {
		// Without TCP_NODELAY the JDK server's separate header and body writes wait ~40 ms for delayed ACKs.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

	private final Path root;
	private final HttpServer server;
	private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
		final Thread t = new Thread(r, "tree-http");
		t.setDaemon(true);
		return t;
	});
	private final ArrayDeque<Fault> script = new ArrayDeque<>();
	private volatile Fault always;
	private volatile Pattern faultPaths = Pattern.compile(".*");
	private volatile long latencyMillis;
	private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
	private final AtomicInteger epoch = new AtomicInteger();
	private final AtomicInteger total = new AtomicInteger(), inFlight = new AtomicInteger(), maxInFlight =
		new AtomicInteger();

	public TreeHttpServer(final Path root) throws IOException {
		this.root = root;
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
		server.createContext("/", this::handle);
		server.setExecutor(pool);
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
	}

	public TreeHttpServer latency(final long millis) {
		latencyMillis = millis;
		return this;
	}

	/** The next requests (matching {@link #faultPaths}) get these faults, one each, in order. */
	public synchronized TreeHttpServer script(final Fault... faults) {
		for (final Fault f : faults)
			script.add(f);
		return this;
	}

	/** Every matching request gets this fault (null: none). */
	public TreeHttpServer always(final Fault f) {
		always = f;
		return this;
	}

	/** Faults apply only to paths matching this regular expression (without the leading '/'). */
	public TreeHttpServer faultPaths(final String regex) {
		faultPaths = Pattern.compile(regex);
		return this;
	}

	/**
	 * Forgets faults, latency and counts. Requests still waiting out an earlier
	 * latency are dropped first, so they cannot take the next test's faults.
	 */
	public void reset() {
		epoch.incrementAndGet();
		final long end = System.nanoTime() + 3_000_000_000L;
		while (inFlight.get() > 0 && System.nanoTime() < end)
			Thread.onSpinWait();
		synchronized (this) {
			clear();
		}
	}

	private void clear() {
		script.clear();
		always = null;
		faultPaths = Pattern.compile(".*");
		latencyMillis = 0;
		counts.clear();
		total.set(0);
		maxInFlight.set(0);
	}

	public int requests() {
		return total.get();
	}

	public int requests(final String path) {
		final AtomicInteger n = counts.get(path);
		return n == null ? 0 : n.get();
	}

	public int maxInFlight() {
		return maxInFlight.get();
	}

	private synchronized Fault nextFault(final String path) {
		if (!faultPaths.matcher(path).matches()) return null;
		if (!script.isEmpty()) return script.poll();
		return always;
	}

	/**
	 * A request counts as in flight from its arrival until its answer starts:
	 * after that the client may already hold the whole answer and send the next
	 * request before this thread is done.
	 */
	private void handle(final HttpExchange ex) throws IOException {
		final int now = inFlight.incrementAndGet();
		maxInFlight.accumulateAndGet(now, Math::max);
		final boolean[] left = { false };
		try {
			serve(ex, () -> {
				if (!left[0]) {
					left[0] = true;
					inFlight.decrementAndGet();
				}
			});
		}
		finally {
			if (!left[0]) inFlight.decrementAndGet();
		}
	}

	private void serve(final HttpExchange ex, final Runnable answering) throws IOException {
		final String path = URLDecoder.decode(ex.getRequestURI().getRawPath(), StandardCharsets.UTF_8).substring(1);
		total.incrementAndGet();
		counts.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
		final int myEpoch = epoch.get();
		final long wake = System.nanoTime() + latencyMillis * 1_000_000L;
		while (System.nanoTime() < wake) {
			try {
				Thread.sleep(Math.min(10, Math.max(1, (wake - System.nanoTime()) / 1_000_000L)));
			}
			catch (final InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
			if (epoch.get() != myEpoch) throw new IllegalStateException("reset while waiting");
		}
		final Fault fault = nextFault(path);
		answering.run();
		if (fault == Fault.DROP) throw new IllegalStateException("dropping the connection, as scripted");
		if (fault == Fault.E500 || fault == Fault.E503 || fault == Fault.E429 || fault == Fault.E403) {
			final int status = Integer.parseInt(fault.name().substring(1));
			final byte[] body = ("<Error><Code>Scripted" + status + "</Code></Error>").getBytes(StandardCharsets.UTF_8);
			ex.sendResponseHeaders(status, body.length);
			ex.getResponseBody().write(body);
			ex.close();
			return;
		}
		final Path f = root.resolve(path).normalize();
		if (!f.startsWith(root) || !Files.isRegularFile(f)) {
			ex.sendResponseHeaders(404, -1);
			ex.close();
			return;
		}
		final long size = Files.size(f);
		final boolean head = ex.getRequestMethod().equals("HEAD");
		long from = 0, to = size - 1;
		boolean partial = false;
		final String range = ex.getRequestHeaders().getFirst("Range");
		if (range != null && fault != Fault.IGNORE_RANGE) {
			final Matcher m = RANGE.matcher(range);
			if (m.matches()) {
				from = Long.parseLong(m.group(1));
				if (!m.group(2).isEmpty()) to = Math.min(to, Long.parseLong(m.group(2)));
				if (from >= size) {
					ex.getResponseHeaders().set("Content-Range", "bytes */" + size);
					ex.sendResponseHeaders(416, -1);
					ex.close();
					return;
				}
				partial = true;
			}
		}
		int n = (int) (to - from + 1);
		if (fault == Fault.SHORT) {
			n = n / 2;
			to = from + n - 1;
		}
		if (partial) ex.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + size);
		ex.getResponseHeaders().set("Accept-Ranges", "bytes");
		if (head) {
			ex.getResponseHeaders().set("Content-Length", Integer.toString(n));
			ex.sendResponseHeaders(partial ? 206 : 200, -1);
			ex.close();
			return;
		}
		ex.sendResponseHeaders(partial ? 206 : 200, n == 0 ? -1 : n);
		final OutputStream out = ex.getResponseBody();
		if (fault == Fault.CUT_BODY) {
			copy(f, from, n / 2, out);
			out.flush();
			throw new IllegalStateException("cutting the body short, as scripted");
		}
		copy(f, from, n, out);
		ex.close();
	}

	/**
	 * Streams {@code n} bytes of a file from {@code from} in small pieces: the
	 * JDK's server copies each write into a new buffer, so writing a chunk
	 * file whole made tens of MB of garbage per request, whose GC and page
	 * faults made the remote benchmarks' timings (ours and the minimum's) vary.
	 */
	private static void copy(final Path f, final long from, final long n, final OutputStream out) throws IOException {
		try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(f.toFile(), "r")) {
			in.seek(from);
			final byte[] piece = new byte[64 << 10];
			for (long left = n; left > 0;) {
				final int k = in.read(piece, 0, (int) Math.min(piece.length, left));
				if (k < 0) throw new IOException(f + " ended early");
				out.write(piece, 0, k);
				left -= k;
			}
		}
	}

	@Override
	public void close() {
		server.stop(0);
		pool.shutdownNow();
	}
}

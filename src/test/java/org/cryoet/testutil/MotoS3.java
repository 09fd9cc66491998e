package org.cryoet.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real S3-compatible server on 127.0.0.1: the {@code moto_server} program
 * (python moto), started on a free port and stopped after. Buckets and objects
 * are made public-read, as the portal's bucket is, and read anonymously. Tests that need it
 * are skipped, saying why, where it is not installed.
 */
public final class MotoS3 implements AutoCloseable {

	private final Process process;
	private final String endpoint;
	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(
		Duration.ofSeconds(5)).build();

	private MotoS3(final Process process, final String endpoint) {
		this.process = process;
		this.endpoint = endpoint;
	}

	/** Starts moto_server, or skips the calling test when it is absent or does not start. */
	public static MotoS3 start() throws IOException, InterruptedException {
		final String exe = find("moto_server");
		assumeTrue(exe != null, "moto_server is not on the PATH (pip install 'moto[server]'): S3 tests skipped");
		final int port;
		try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = s.getLocalPort();
		}
		final Path log = Files.createTempFile("moto", ".log");
		final Process p = new ProcessBuilder(exe, "-H", "127.0.0.1", "-p", Integer.toString(port)).redirectErrorStream(
			true).redirectOutput(log.toFile()).start();
		final MotoS3 m = new MotoS3(p, "http://127.0.0.1:" + port);
		final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < end && p.isAlive()) {
			try {
				m.client.send(HttpRequest.newBuilder(URI.create(m.endpoint + "/")).GET().build(), HttpResponse.BodyHandlers
					.discarding());
				return m;
			}
			catch (final IOException e) {
				Thread.sleep(100);
			}
		}
		m.close();
		assumeTrue(false, "moto_server did not start within 30 s: " + new String(Files.readAllBytes(log)));
		return null;
	}

	private static String find(final String name) {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			final Path p = Path.of(dir, name);
			if (Files.isExecutable(p)) return p.toString();
		}
		return null;
	}

	public String endpoint() {
		return endpoint;
	}

	public void createBucket(final String bucket) throws IOException, InterruptedException {
		send(HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket)).header("x-amz-acl", "public-read").PUT(HttpRequest.BodyPublishers.noBody()),
			"create bucket " + bucket);
	}

	public void put(final String bucket, final String key, final byte[] data) throws IOException,
		InterruptedException
	{
		send(HttpRequest.newBuilder(URI.create(endpoint + "/" + bucket + "/" + encode(key))).header("x-amz-acl", "public-read").PUT(HttpRequest.BodyPublishers
			.ofByteArray(data)), "put " + key);
	}

	/** Uploads every file under {@code dir} as {@code prefix + relative path}. */
	public int upload(final String bucket, final String prefix, final Path dir) throws IOException,
		InterruptedException
	{
		final List<Path> files;
		try (Stream<Path> s = Files.walk(dir)) {
			files = s.filter(Files::isRegularFile).collect(Collectors.toList());
		}
		final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			final List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
			for (final Path f : files)
				done.add(pool.submit(() -> {
					put(bucket, prefix + dir.relativize(f).toString().replace(File.separatorChar, '/'), Files.readAllBytes(
						f));
					return null;
				}));
			for (final java.util.concurrent.Future<?> d : done)
				d.get();
		}
		catch (final java.util.concurrent.ExecutionException e) {
			throw new IOException(e.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return files.size();
	}

	private void send(final HttpRequest.Builder b, final String what) throws IOException, InterruptedException {
		final HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() / 100 != 2) throw new IOException("moto: " + what + ": HTTP " + r.statusCode() + " " + r
			.body());
	}

	private static String encode(final String key) {
		final StringBuilder sb = new StringBuilder();
		for (final byte b : key.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
			final char c = (char) (b & 0xff);
			if (Character.isLetterOrDigit(c) && c < 128 || "-_.~/".indexOf(c) >= 0) sb.append(c);
			else sb.append(String.format("%%%02X", b & 0xff));
		}
		return sb.toString();
	}

	@Override
	public void close() {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}

package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.cryoet.testutil.TreeHttpServer;
import org.cryoet.testutil.TreeHttpServer.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Faults a real server can produce, injected by the loopback server: recovered when transient, one line when not. */
class RemoteFaultTest {

	private static Path dir;
	private static TreeHttpServer server;
	private static final Map<String, byte[]> TREE = StoreContractTest.tree();

	@BeforeAll
	static void setUp() throws IOException {
		dir = Files.createTempDirectory("remote-faults");
		StoreContractTest.write(dir);
		server = new TreeHttpServer(dir);
	}

	@AfterAll
	static void tearDown() throws IOException {
		server.close();
		AtomicOutput.deleteTree(dir);
	}

	@BeforeEach
	void resetServer() {
		server.reset();
	}

	/** Fast retries for tests: 3 retries, 5..40 ms apart. */
	private static RemoteOptions fast(final TransferListener l) {
		return RemoteOptions.defaults().withRetries(3, 5, 40).withTimeouts(2000, 2000).withListener(l);
	}

	private static Store store(final RemoteOptions o) throws StoreException {
		return Stores.open(server.url(), o).store;
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "E500", "E503", "E429", "DROP", "CUT_BODY", "SHORT" })
	void transientFaultsAreRetriedAndTheDataIsExact(final Fault fault) throws IOException {
		final TransferCounter c = new TransferCounter();
		try (Store s = store(fast(c))) {
			final byte[] y = TREE.get("dir/sub/y.bin");
			int retries = 0;
			// A consistent but short whole body cannot be told from HTTP (the decoders refuse it): ranges only.
			if (fault != Fault.SHORT) {
				server.script(fault, fault);
				assertArrayEquals(y, s.get("dir/sub/y.bin"));
				retries += 2;
			}
			server.script(fault);
			assertArrayEquals(Arrays.copyOfRange(y, 5000, 105_000), s.getRange("dir/sub/y.bin", 5000, 100_000));
			retries++;
			// Java's client repeats a GET once itself when a reused connection drops before any answer.
			if (fault == Fault.DROP) assertTrue(c.retries() >= 1);
			else {
				assertEquals(retries, c.retries());
				assertEquals(retries + (fault == Fault.SHORT ? 1 : 2), server.requests("dir/sub/y.bin"));
			}
		}
	}

	@Test
	void aServerIgnoringRangesStillGivesOnlyTheRange() throws IOException {
		try (Store s = store(fast(TransferListener.NONE))) {
			server.always(Fault.IGNORE_RANGE);
			final byte[] y = TREE.get("dir/sub/y.bin");
			assertArrayEquals(Arrays.copyOfRange(y, 7, 1007), s.getRange("dir/sub/y.bin", 7, 1000));
			assertArrayEquals(Arrays.copyOfRange(y, y.length - 3, y.length), s.getRange("dir/sub/y.bin", y.length - 3,
				1000));
		}
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "E503", "DROP", "CUT_BODY", "SHORT" })
	void persistentFaultsEndInOneLineNamingTheUrl(final Fault fault) throws IOException {
		try (Store s = store(fast(TransferListener.NONE))) {
			server.always(fault);
			final StoreException e = assertThrows(StoreException.class, () -> s.getRange("dir/sub/y.bin", 0, 50_000));
			final String m = e.getMessage();
			assertTrue(m.startsWith(server.url() + "dir/sub/y.bin: "), m);
			assertTrue(m.endsWith("(after 4 tries)"), m);
			assertFalse(m.contains("\n"), m);
			if (fault == Fault.E503) assertTrue(m.contains("HTTP 503"), m);
			if (fault != Fault.DROP) assertEquals(4, server.requests("dir/sub/y.bin"));
		}
	}

	@Test
	void progressLinesCountRequestsAndSayWhyTheyWait() throws IOException {
		final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
		final TransferReporter r = new TransferReporter(lines::add, 0);
		try (Store s = store(fast(r))) {
			server.script(Fault.E503);
			s.getAll(Arrays.asList("a.txt", "dir/x.bin"));
		}
		r.finish();
		assertEquals(2, r.counter().requests());
		assertEquals(1011, r.counter().bytes());
		assertTrue(lines.stream().anyMatch(l -> l.contains("HTTP 503 (Scripted503); try 2 in")), lines.toString());
		assertEquals("remote: 2 requests, 0.0 MB, 1 retries", lines.get(lines.size() - 1));
	}

	@Test
	void otherClientErrorsAreNotRetried() throws IOException {
		try (Store s = store(fast(TransferListener.NONE))) {
			server.always(Fault.E403);
			final StoreException e = assertThrows(StoreException.class, () -> s.get("a.txt"));
			assertEquals(server.url() + "a.txt: HTTP 403 (Scripted403)", e.getMessage());
			assertEquals(1, server.requests("a.txt"));
			server.reset();
			assertNull(s.get("absent.bin"));
			assertEquals(1, server.requests("absent.bin"), "404 means absent, at once");
		}
	}

	@Test
	void aSilentServerTimesOutAndIsRetried() throws IOException {
		final RemoteOptions o = RemoteOptions.defaults().withRetries(1, 5, 10).withTimeouts(1000, 200);
		try (Store s = store(o)) {
			server.latency(600);
			final long t0 = System.nanoTime();
			final StoreException e = assertThrows(StoreException.class, () -> s.get("a.txt"));
			assertTrue(e.getMessage().contains("no answer for 200 ms"), e.getMessage());
			assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "gave up after two short waits");
			assertEquals(2, server.requests("a.txt"));
		}
	}

	@Test
	void aCancelFlagStopsFetchesAtOnce() throws Exception {
		final AtomicBoolean cancel = new AtomicBoolean();
		try (Store s = store(fast(TransferListener.NONE).withCancel(cancel::get))) {
			server.latency(5000);
			final ExecutorService ex = Executors.newSingleThreadExecutor();
			final Future<?> f = ex.submit(() -> s.getAll(Arrays.asList("a.txt", "dir/x.bin", "dirx.bin")));
			Thread.sleep(200);
			final long t0 = System.nanoTime();
			cancel.set(true);
			final Exception e = assertThrows(Exception.class, () -> f.get(2, TimeUnit.SECONDS));
			assertTrue(e.getCause() instanceof InterruptedIOException, String.valueOf(e.getCause()));
			assertTrue(System.nanoTime() - t0 < 1_000_000_000L);
			ex.shutdownNow();
		}
	}

	@Test
	void anInterruptStopsAFetch() throws Exception {
		try (Store s = store(fast(TransferListener.NONE))) {
			server.latency(5000);
			final Thread me = Thread.currentThread();
			final Thread interrupter = new Thread(() -> {
				try {
					Thread.sleep(200);
				}
				catch (final InterruptedException e) {
					return;
				}
				me.interrupt();
			});
			interrupter.start();
			final long t0 = System.nanoTime();
			assertThrows(InterruptedIOException.class, () -> s.get("a.txt"));
			assertTrue(Thread.interrupted(), "the interrupt flag stays set");
			assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
		}
	}

	@Test
	void concurrentReadsOfOneKeyShareOneRequest() throws Exception {
		try (Store s = store(fast(TransferListener.NONE))) {
			server.latency(300);
			final ExecutorService ex = Executors.newFixedThreadPool(8);
			final CountDownLatch go = new CountDownLatch(1);
			final List<Future<byte[]>> fs = new ArrayList<>();
			for (int i = 0; i < 8; i++)
				fs.add(ex.submit(() -> {
					go.await();
					return s.get("dir/sub/y.bin");
				}));
			go.countDown();
			for (final Future<byte[]> f : fs)
				assertArrayEquals(TREE.get("dir/sub/y.bin"), f.get());
			ex.shutdown();
			assertEquals(1, server.requests("dir/sub/y.bin"));
		}
	}

	@Test
	void bulkFetchesRunInParallelWithinTheBound() throws Exception {
		final Path many = dir.resolve("many");
		Files.createDirectories(many);
		final List<String> keys = new ArrayList<>();
		for (int i = 0; i < 24; i++) {
			Files.write(many.resolve(i + ".bin"), new byte[] { (byte) i });
			keys.add("many/" + i + ".bin");
		}
		try (Store s = store(fast(TransferListener.NONE).withConnections(4))) {
			server.latency(100);
			final long t0 = System.nanoTime();
			final Map<String, byte[]> all = s.getAll(keys);
			final long ms = (System.nanoTime() - t0) / 1_000_000;
			for (int i = 0; i < 24; i++)
				assertArrayEquals(new byte[] { (byte) i }, all.get("many/" + i + ".bin"));
			assertEquals(4, server.maxInFlight(), "at most 4 requests at once, and 4 used");
			assertTrue(ms >= 600 && ms < 2400, "24 requests of 100 ms in waves of 4 took " + ms + " ms");
		}
	}

	@Test
	void truncatedChunksAreNeverDecoded() throws Exception {
		// A consistent but short answer to a whole-value GET is invisible to HTTP: the decoder must refuse it.
		final Path z = dir.resolve("z.zarr");
		final org.cryoet.format.zarr.ZarrArrayMetadata meta = org.cryoet.format.zarr.ZarrArrayMetadata.parse(("{\"chunks\":[4,4,4],\"compressor\":{\"blocksize\":0,\"clevel\":5,\"cname\":\"lz4\",\"id\":\"blosc\",\"shuffle\":1},\"dimension_separator\":\"/\",\"dtype\":\"<f4\",\"fill_value\":0.0,\"filters\":null,\"order\":\"C\",\"shape\":[4,4,4],\"zarr_format\":2}").getBytes(java.nio.charset.StandardCharsets.UTF_8), "test");
		final org.cryoet.format.zarr.ZarrArray local = org.cryoet.format.zarr.ZarrArray.create(new FileStore(z), "", meta);
		final float[] data = new float[64];
		for (int i = 0; i < 64; i++)
			data[i] = i * 1.5f;
		local.writeChunk(new long[3], data);
		try (Store s = store(fast(TransferListener.NONE))) {
			final org.cryoet.format.zarr.ZarrArray remote = org.cryoet.format.zarr.ZarrArray.open(s, "z.zarr");
			assertArrayEquals(data, (float[]) remote.readChunk(new long[3]));
			server.faultPaths("z.zarr/0/0/0").always(Fault.SHORT);
			final IOException e = assertThrows(IOException.class, () -> remote.readChunk(new long[3]));
			assertTrue(e.getMessage().contains("z.zarr/0/0/0"), e.getMessage());
			assertFalse(e.getMessage().contains("\n"));
		}
	}
}

package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.cryoet.testutil.TreeHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readers that ask for one key at once share one request, but each gets a
 * buffer of its own (pooled buffers must never be handed to two readers).
 */
class RemoteBuffersTest {

	@TempDir
	Path dir;

	@Test
	void concurrentReadersOfOneKeyGetBuffersOfTheirOwn() throws Exception {
		final byte[] data = new byte[100_000];
		for (int i = 0; i < data.length; i++)
			data[i] = (byte) (i * 31);
		Files.write(dir.resolve("chunk"), data);
		try (TreeHttpServer server = new TreeHttpServer(dir).latency(200)) {
			final StorePath p = Stores.open(server.url() + (server.url().endsWith("/") ? "" : "/") + "chunk");
			final ExecutorService pool = Executors.newFixedThreadPool(6);
			final CountDownLatch start = new CountDownLatch(1);
			final List<Future<ByteBuffer>> fs = new ArrayList<>();
			for (int t = 0; t < 6; t++)
				fs.add(pool.submit(() -> {
					start.await();
					return p.store.get(p.key, ByteBuffer.allocate(0));
				}));
			start.countDown();
			final IdentityHashMap<byte[], Boolean> arrays = new IdentityHashMap<>();
			for (final Future<ByteBuffer> f : fs) {
				final ByteBuffer b = f.get();
				assertEquals(data.length, b.limit());
				final byte[] copy = new byte[b.limit()];
				System.arraycopy(b.array(), 0, copy, 0, copy.length);
				assertArrayEquals(data, copy);
				arrays.put(b.array(), Boolean.TRUE);
			}
			pool.shutdown();
			assertEquals(6, arrays.size(), "readers were handed the same buffer");
			assertTrue(server.requests() < 6, "concurrent reads of one key were not shared: " + server.requests());
			p.store.close();
		}
	}
}

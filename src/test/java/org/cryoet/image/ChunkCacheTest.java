package org.cryoet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ChunkCacheTest {

	private static final Object OWNER = new Object();

	@Test
	void concurrentRequestsForOneChunkLoadItOnce() throws Exception {
		final ChunkCache cache = new ChunkCache(1 << 20);
		final AtomicInteger loads = new AtomicInteger();
		final CountDownLatch start = new CountDownLatch(1);
		final ExecutorService pool = Executors.newFixedThreadPool(8);
		final List<Future<Object>> fs = new ArrayList<>();
		for (int t = 0; t < 8; t++)
			fs.add(pool.submit(() -> {
				start.await();
				return cache.get(OWNER, 7, 4000, () -> {
					loads.incrementAndGet();
					try {
						Thread.sleep(50);
					}
					catch (final InterruptedException e) {
						throw new IOException(e);
					}
					return new float[1000];
				});
			}));
		start.countDown();
		final Object first = fs.get(0).get();
		for (final Future<Object> f : fs)
			assertSame(first, f.get());
		pool.shutdown();
		assertEquals(1, loads.get());
		assertSame(first, cache.getIfPresent(OWNER, 7));
	}

	@Test
	void staysWithinItsBudgetAndKeepsWhatIsUsed() throws Exception {
		final ChunkCache cache = new ChunkCache(10 * (4000 + 16));
		for (int i = 0; i < 10; i++)
			cache.get(OWNER, i, 4000, () -> new float[1000]);
		assertEquals(10 * (4000 + 16), cache.usedBytes());
		// Touch 0..4 so that CLOCK gives them a second chance over 5..9.
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < 5; i++)
				assertNotNull(cache.getIfPresent(OWNER, i));
			cache.get(OWNER, 100 + round, 4000, () -> new float[1000]);
		}
		assertTrue(cache.usedBytes() <= cache.budget());
		int kept = 0;
		for (int i = 0; i < 5; i++)
			if (cache.getIfPresent(OWNER, i) != null) kept++;
		assertTrue(kept >= 4, "recently used chunks were evicted: kept " + kept);
	}

	@Test
	void aLoadReservesItsBytesBeforeItStarts() throws Exception {
		final ChunkCache cache = new ChunkCache(2 * (4000 + 16));
		cache.get(OWNER, 0, 4000, () -> new float[1000]);
		cache.get(OWNER, 1, 4000, () -> new float[1000]);
		cache.get(OWNER, 2, 4000, () -> {
			// While this chunk decodes, the cache has made room for it already.
			assertTrue(cache.usedBytes() <= 4016, "used " + cache.usedBytes());
			return new float[1000];
		});
	}

	@Test
	void aChunkLargerThanTheBudgetIsReturnedButNotKept() throws Exception {
		final ChunkCache cache = new ChunkCache(100);
		final Object a = cache.get(OWNER, 0, 4000, () -> new float[1000]);
		assertNotNull(a);
		assertNull(cache.getIfPresent(OWNER, 0));
		assertEquals(0, cache.usedBytes());
	}

	@Test
	void failuresReachEveryWaiterAndAreNotCached() {
		final ChunkCache cache = new ChunkCache(1 << 20);
		assertThrows(IOException.class, () -> cache.get(OWNER, 3, 10, () -> {
			throw new IOException("broken chunk");
		}));
		assertNull(cache.getIfPresent(OWNER, 3));
	}

	@Test
	void invalidateDropsOneOwnersChunks() throws Exception {
		final ChunkCache cache = new ChunkCache(1 << 20);
		final Object other = new Object();
		cache.get(OWNER, 0, 40, () -> new float[10]);
		cache.get(other, 0, 40, () -> new float[10]);
		cache.invalidate(OWNER);
		assertNull(cache.getIfPresent(OWNER, 0));
		assertNotNull(cache.getIfPresent(other, 0));
		assertEquals(56, cache.usedBytes());
	}

	@Test
	void aBadBudgetIsOneLineNamingTheProperty() {
		assertEquals(2L << 30, CacheBudget.parse("2g"));
		assertEquals(512L << 20, CacheBudget.parse("512M"));
		assertEquals(1000, CacheBudget.parse("1000"));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CacheBudget.parse("lots"));
		assertTrue(e.getMessage().contains("cryoet.cache.bytes"), e.getMessage());
	}
}

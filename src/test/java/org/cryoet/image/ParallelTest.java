package org.cryoet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ParallelTest {

	private static List<Integer> range(final int n) {
		final List<Integer> l = new ArrayList<>();
		for (int i = 0; i < n; i++)
			l.add(i);
		return l;
	}

	@Test
	void everyItemRunsOnceAndProgressComesInOrder() throws IOException {
		final int[] runs = new int[100];
		final List<Integer> doneAfter = Collections.synchronizedList(new ArrayList<>());
		final AtomicInteger finished = new AtomicInteger();
		Parallel.forEach(range(100), 3, "test-work", i -> {
			synchronized (runs) {
				runs[i]++;
			}
			finished.incrementAndGet();
		}, () -> doneAfter.add(finished.get()));
		for (final int r : runs)
			assertEquals(1, r);
		assertEquals(100, doneAfter.size());
		for (int k = 0; k < 100; k++)
			assertTrue(doneAfter.get(k) >= k + 1, "progress " + k + " reported before its item ended");
	}

	/** Threads are kept between calls: a plane-by-plane export does not start two new threads per plane. */
	@Test
	void workersAreReusedAcrossCalls() throws IOException {
		final Set<Thread> seen = ConcurrentHashMap.newKeySet();
		for (int call = 0; call < 50; call++)
			Parallel.forEach(range(4), 2, "test-reuse", i -> {
				seen.add(Thread.currentThread());
				assertEquals("test-reuse", Thread.currentThread().getName());
				sleep(1);
			}, () -> {});
		assertTrue(seen.size() < 20, seen.size() + " threads for 50 calls of 2 workers");
	}

	/** The first failure is thrown as it was, and only once no worker is still running an item. */
	@Test
	void aFailureIsThrownAsItWasAfterEveryWorkerStopped() {
		final AtomicInteger running = new AtomicInteger();
		final IOException boom = new IOException("item 5 is unreadable");
		final IOException e = assertThrows(IOException.class, () -> Parallel.forEach(range(40), 2, "test-fail", i -> {
			running.incrementAndGet();
			try {
				if (i == 5) throw boom;
				sleep(20);
			}
			finally {
				running.decrementAndGet();
			}
		}, () -> {}));
		assertSame(boom, e);
		assertEquals(0, running.get(), "a worker still ran after forEach returned");
	}

	/** Work that itself runs in parallel (a volume read inside an export worker) does not wait for a thread forever. */
	@Test
	void nestedUseDoesNotDeadlock() {
		final AtomicInteger inner = new AtomicInteger();
		assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Parallel.forEach(range(8), 2, "test-outer",
			i -> Parallel.forEach(range(8), 2, "test-inner", j -> inner.incrementAndGet(), () -> {}), () -> {}));
		assertEquals(64, inner.get());
	}

	@Test
	void anInterruptedCallerStopsWaiting() throws Exception {
		final CountDownLatch started = new CountDownLatch(1);
		final Throwable[] thrown = new Throwable[1];
		final Thread caller = new Thread(() -> {
			try {
				Parallel.forEach(range(4), 2, "test-interrupt", i -> {
					started.countDown();
					sleep(60_000);
				}, () -> {});
			}
			catch (final Throwable t) {
				thrown[0] = t;
			}
		});
		caller.start();
		started.await();
		caller.interrupt();
		caller.join(10_000);
		assertTrue(thrown[0] instanceof InterruptedIOException, String.valueOf(thrown[0]));
	}

	private static void sleep(final long millis) throws InterruptedIOException {
		try {
			Thread.sleep(millis);
		}
		catch (final InterruptedException e) {
			throw new InterruptedIOException("interrupted");
		}
	}
}

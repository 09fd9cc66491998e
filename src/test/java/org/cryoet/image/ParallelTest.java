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
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
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
	void everyItemRunsOnceAndProgressComesInOrderOnTheCallersThread() throws IOException {
		final int[] runs = new int[100];
		final Set<Integer> finished = ConcurrentHashMap.newKeySet();
		final Thread caller = Thread.currentThread();
		final int[] reported = { 0 };
		Parallel.forEach(range(100), 3, "test-work", i -> {
			synchronized (runs) {
				runs[i]++;
			}
			if (i % 7 == 0) sleep(2); // items end out of order
			finished.add(i);
		}, () -> {
			assertSame(caller, Thread.currentThread());
			assertTrue(finished.contains(reported[0]), "progress for item " + reported[0] + " before it ended");
			reported[0]++;
		});
		for (final int r : runs)
			assertEquals(1, r);
		assertEquals(100, reported[0]);
	}

	/** A worker runs under the call's name and gets its own back before forEach returns. */
	@Test
	void workerNamesAreRestored() throws IOException {
		final Set<Thread> seen = ConcurrentHashMap.newKeySet();
		Parallel.forEach(range(6), 2, "test-name", i -> {
			assertEquals("test-name", Thread.currentThread().getName());
			seen.add(Thread.currentThread());
		}, () -> {});
		for (final Thread t : seen)
			assertEquals("cryoet-worker", t.getName());
	}

	@Test
	void anErrorIsThrownAsItWas() {
		final StackOverflowError deep = new StackOverflowError("too deep");
		assertSame(deep, assertThrows(StackOverflowError.class, () -> Parallel.forEach(range(10), 2, "test-error",
			i -> {
				if (i == 3) throw deep;
			}, () -> {})));
	}

	/** A cancel from the progress callback leaves as it was, once the workers stopped; the rest is not read. */
	@Test
	void aCancelFromProgressStopsTheWorkers() {
		final AtomicInteger running = new AtomicInteger(), ran = new AtomicInteger();
		final int[] reported = { 0 };
		assertThrows(CancellationException.class, () -> Parallel.forEach(range(200), 2, "test-cancel", i -> {
			running.incrementAndGet();
			ran.incrementAndGet();
			try {
				sleep(2);
			}
			finally {
				running.decrementAndGet();
			}
		}, () -> {
			if (++reported[0] == 3) throw new CancellationException("cancelled by the user");
		}));
		assertEquals(0, running.get(), "a worker still ran after forEach returned");
		assertTrue(ran.get() < 200, ran.get() + " items ran after the cancel");
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
		final AtomicInteger running = new AtomicInteger();
		final Throwable[] thrown = new Throwable[1];
		final int[] runningAtReturn = { -1 };
		final Thread caller = new Thread(() -> {
			try {
				Parallel.forEach(range(4), 2, "test-interrupt", i -> {
					running.incrementAndGet();
					try {
						started.countDown();
						sleep(60_000);
					}
					finally {
						running.decrementAndGet();
					}
				}, () -> {});
			}
			catch (final Throwable t) {
				thrown[0] = t;
				runningAtReturn[0] = running.get();
			}
		});
		caller.start();
		started.await();
		caller.interrupt();
		caller.join(10_000);
		assertTrue(thrown[0] instanceof InterruptedIOException, String.valueOf(thrown[0]));
		assertEquals(0, runningAtReturn[0], "workers still ran after forEach returned");
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

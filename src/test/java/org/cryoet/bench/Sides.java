package org.cryoet.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Paired measurement: ours and its baselines run one after another in every
 * operation, each timed on its own, so a ratio compares code under the same
 * state of the machine. Measured in separate JMH forks minutes apart, native
 * c-blosc's lz4 decoding took 17.6 ms in one and 21.2 in another while ours
 * held, which moved a ratio across its target. JMH reports these public
 * fields per iteration and summed over the measured ones.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class Sides {

	/** Nanoseconds spent in each side during this iteration. */
	public long oursNanos, nativeNanos, bytesNanos, oneThreadNanos;
	/** Operations (rounds of every side) in this iteration. */
	public long rounds;

	/** One side of a pair; returns what the blackhole should consume. */
	interface Side {

		Object run() throws Exception;
	}

	/** JMH leaves resetting aux counters to the benchmark. */
	@Setup(Level.Iteration)
	public void reset() {
		oursNanos = nativeNanos = bytesNanos = oneThreadNanos = rounds = 0;
	}

	void round(final Blackhole bh, final Side ours, final Side nativeSide) throws Exception {
		round(bh, ours, nativeSide, null, null);
	}

	/**
	 * Runs each side once, a different one first each round so that none
	 * always finds the caches as another left them. A null side (native
	 * c-blosc not installed, or one a benchmark has not) is skipped and keeps
	 * its counter at zero.
	 */
	void round(final Blackhole bh, final Side ours, final Side nativeSide, final Side bytes, final Side oneThread)
		throws Exception
	{
		final Side[] sides = { ours, nativeSide, bytes, oneThread };
		final int[] present = new int[sides.length];
		int n = 0;
		for (int i = 0; i < sides.length; i++)
			if (sides[i] != null) present[n++] = i;
		for (int k = 0; k < n; k++) {
			final int i = present[(int) ((rounds + k) % n)];
			final long t = System.nanoTime();
			bh.consume(sides[i].run());
			final long dt = System.nanoTime() - t;
			if (i == 0) oursNanos += dt;
			else if (i == 1) nativeNanos += dt;
			else if (i == 2) bytesNanos += dt;
			else oneThreadNanos += dt;
		}
		rounds++;
	}
}

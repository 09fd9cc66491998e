package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Bodies larger than the part of a Content-Length trusted up front (16 MiB)
 * end in an array of exactly their length, so the store hands that array on
 * without a copy: a 25 MB chunk used to pass through 16, 32 and 25 MB arrays.
 */
class BodyCollectorTest {

	private static final int MIB = 1 << 20;

	@Test
	void aWholeBodyEndsInAnArrayOfItsLength() throws IOException {
		final byte[] body = random(40 * MIB + 5);
		final ByteBuffer got = StoreParsing.collect(body.length, 0, -1, pieces(body, 0, MIB - 3), true);
		assertExact(Arrays.copyOf(body, body.length), got);
	}

	/** A ranged request the server answered whole: the skipped head does not count, nor the tail past the range. */
	@Test
	void aRangeCutFromAWholeAnswerEndsInAnArrayOfItsLength() throws IOException {
		final byte[] body = random(45 * MIB);
		final int from = 3 * MIB + 7, length = 30 * MIB + 11;
		final ByteBuffer got = StoreParsing.collect(body.length, from, length, pieces(body, 0, 64 << 10), true);
		assertExact(Arrays.copyOfRange(body, from, from + length), got);
	}

	/** Without a Content-Length the array doubles as before; the bytes are right. */
	@Test
	void aBodyOfUnknownLengthIsWhole() throws IOException {
		final byte[] body = random(20 * MIB + 1);
		final ByteBuffer got = StoreParsing.collect(-1, 0, -1, pieces(body, 0, MIB), true);
		final byte[] bytes = new byte[got.remaining()];
		got.duplicate().get(bytes);
		assertArrayEquals(body, bytes);
	}

	/** A claim of 1 GiB with 20 MiB behind it: the array grows by what came (16, then 32 MiB), never to the claim. */
	@Test
	void anInflatedClaimGrowsOnlyWithTheBytesThatCame() {
		final BodyCollector c = new BodyCollector(new BodyCollector.Watch(), 1L << 30, 0, -1, null);
		c.onSubscribe(new java.util.concurrent.Flow.Subscription() {

			@Override
			public void request(final long n) {}

			@Override
			public void cancel() {}
		});
		assertEquals(BodyCollector.INITIAL_MAX, c.capacity());
		long came = 0;
		for (final byte[] p : pieces(new byte[20 * MIB], 0, MIB)) {
			c.onNext(java.util.Collections.singletonList(ByteBuffer.wrap(p)));
			came += p.length;
			assertTrue(c.capacity() <= Math.max(BodyCollector.INITIAL_MAX, 2 * came), c.capacity() + " bytes for " + came);
		}
		assertEquals(32 * MIB, c.capacity());
	}

	private static void assertExact(final byte[] expected, final ByteBuffer got) {
		assertEquals(expected.length, got.remaining());
		assertEquals(0, got.arrayOffset());
		assertEquals(0, got.position());
		assertEquals(expected.length, got.array().length, "the array holds more than the body");
		assertArrayEquals(expected, got.array());
	}

	private static byte[] random(final int n) {
		final byte[] b = new byte[n];
		new Random(n).nextBytes(b);
		return b;
	}

	private static List<byte[]> pieces(final byte[] body, final int from, final int piece) {
		final List<byte[]> out = new ArrayList<>();
		for (int at = from; at < body.length; at += piece)
			out.add(Arrays.copyOfRange(body, at, Math.min(body.length, at + piece)));
		return out;
	}
}

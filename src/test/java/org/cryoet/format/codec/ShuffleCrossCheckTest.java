package org.cryoet.format.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The word-at-a-time shuffles against the plain definition (byte j of
 * element i at j·n + i; bit k of byte j of element i at bit row 8j + k),
 * for every type size 1..16, random and structured data, block sizes that
 * leave partial words and trailing bytes, and offsets in both arrays.
 */
class ShuffleCrossCheckTest {

	/** 288, 418, 2400, 2403: 4-byte bit rows of 9, 13 and 75 bytes, not whole steps of eight groups. */
	private static final int[] BLOCK_SIZES = { 0, 1, 7, 8, 31, 32, 33, 64, 100, 255, 256, 257, 288, 418, 1000, 2400, 2403,
		4096, 4099, 65536, 65541 };

	static void plainShuffle(final int ts, final int bs, final byte[] src, final int so, final byte[] dst, final int d) {
		final int n = bs / ts;
		for (int i = 0; i < n; i++)
			for (int j = 0; j < ts; j++)
				dst[d + j * n + i] = src[so + i * ts + j];
		System.arraycopy(src, so + n * ts, dst, d + n * ts, bs - n * ts);
	}

	static void plainBitShuffle(final int ts, final int bs, final byte[] src, final int so, final byte[] dst,
		final int d)
	{
		final int n = bs / ts;
		if (n % 8 != 0) {
			System.arraycopy(src, so, dst, d, bs);
			return;
		}
		java.util.Arrays.fill(dst, d, d + n * ts, (byte) 0);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < ts; j++)
				for (int k = 0; k < 8; k++)
					if ((src[so + i * ts + j] >> k & 1) != 0) dst[d + (8 * j + k) * (n / 8) + i / 8] |= (byte) (1 << (i % 8));
		System.arraycopy(src, so + n * ts, dst, d + n * ts, bs - n * ts);
	}

	static byte[] data(final Random r, final int size, final int kind) {
		final byte[] b = new byte[size];
		switch (kind) {
			case 0: r.nextBytes(b); break;
			case 1: // floats of a smooth field: repeated exponents, noisy mantissas
				for (int i = 0; i + 4 <= size; i += 4) {
					final int v = Float.floatToIntBits((float) Math.sin(i * 1e-3) + (float) r.nextGaussian() * 1e-3f);
					b[i] = (byte) v; b[i + 1] = (byte) (v >> 8); b[i + 2] = (byte) (v >> 16); b[i + 3] = (byte) (v >> 24);
				}
				break;
			case 2: for (int i = 0; i < size; i++) b[i] = (byte) (i % 7 == 0 ? 0xFF : i); break;
			default: break; // zeros
		}
		return b;
	}

	/** A shuffle or unshuffle: {@code typesize, blocksize, src, srcOffset, dst, dstOffset}. */
	private interface Transform {

		void apply(int ts, int bs, byte[] src, int so, byte[] dst, int d);
	}

	@Test
	void byteShuffleAndUnshuffleMatchThePlainDefinition() {
		crossCheck(new Random(1), ShuffleCrossCheckTest::plainShuffle, Shuffle::byteShuffle, Shuffle::byteUnshuffle);
	}

	@Test
	void bitShuffleAndUnshuffleMatchThePlainDefinition() {
		crossCheck(new Random(2), ShuffleCrossCheckTest::plainBitShuffle, Shuffle::bitShuffle, Shuffle::bitUnshuffle);
	}

	/** Every type size, block size and kind of data, at odd offsets: shuffle as the plain definition, unshuffle back. */
	private static void crossCheck(final Random r, final Transform plain, final Transform shuffle,
		final Transform unshuffle)
	{
		for (int ts = 1; ts <= 16; ts++)
			for (final int bs : BLOCK_SIZES)
				for (int kind = 0; kind < 4; kind++) {
					final int so = r.nextInt(9), d = r.nextInt(9);
					final byte[] raw = data(r, so + bs + 3, kind);
					final byte[] expected = new byte[d + bs + 5], actual = expected.clone();
					plain.apply(ts, bs, raw, so, expected, d);
					shuffle.apply(ts, bs, raw, so, actual, d);
					final String what = "typesize " + ts + ", block " + bs + ", data " + kind;
					assertArrayEquals(expected, actual, what);
					final byte[] back = new byte[so + bs + 3];
					System.arraycopy(raw, 0, back, 0, so);
					System.arraycopy(raw, so + bs, back, so + bs, 3);
					unshuffle.apply(ts, bs, expected, d, back, so);
					assertArrayEquals(raw, back, what);
				}
	}
}

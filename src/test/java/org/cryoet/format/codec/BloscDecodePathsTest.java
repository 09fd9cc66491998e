package org.cryoet.format.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.scalableminds.bloscjava.Blosc;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The decoder's special paths against c-blosc on the data that takes them:
 * float-like elements whose noisy low bytes are stored as is while the
 * exponent bytes compress, so one block mixes stored and compressed splits
 * (unshuffled straight from the frame for type size 4), for every type size
 * 1..16; and hostile frames refused with our exception, never another.
 */
class BloscDecodePathsTest {

	/** Elements whose high byte repeats and whose low bytes are noise: splits stored and compressed in one block. */
	static byte[] mixed(final Random r, final int size, final int typeSize) {
		final byte[] b = new byte[size];
		for (int i = 0; i < size; i++)
			b[i] = i % typeSize == typeSize - 1 ? (byte) (0x40 + (i / 4096 & 1)) : (byte) r.nextInt(256);
		return b;
	}

	@Test
	void mixedBlocksOfEveryTypeSizeDecodeAsCBloscWritesThem() throws Exception {
		final Random r = new Random(8);
		for (int ts = 1; ts <= 16; ts++)
			for (final int size : new int[] { 4096 * ts, 200_000, 1 << 20, (1 << 20) + 12 })
				for (final int shuffle : new int[] { 0, 1, 2 }) {
					final byte[] data = mixed(r, size, ts);
					final String what = "typesize " + ts + ", size " + size + ", shuffle " + shuffle;
					for (final byte[] frame : new byte[][] { Blosc.compress(data, ts, Blosc.Compressor.LZ4, 5, Blosc.Shuffle
						.fromInt(shuffle)), new BloscCodec(BloscCodec.Cname.LZ4, 5, shuffle).encode(data, ts) }) {
						for (final int threads : new int[] { 1, 2 }) {
							final byte[] out = new byte[size];
							BloscCodec.decode(frame, out, threads);
							assertArrayEquals(data, out, what);
						}
						// and the same bytes through the range reader, which sees the frame in windows
						final byte[] part = new byte[size / 3];
						BloscCodec.decodeRange(BloscRangeTest.ranges(frame, new java.util.concurrent.atomic.AtomicLong()), size,
							size / 3, size / 3 + part.length, part, 0);
						assertArrayEquals(java.util.Arrays.copyOfRange(data, size / 3, size / 3 + part.length), part, what);
					}
				}
	}

	@Test
	void hostileFramesAreRefusedWithOurException() {
		final Random r = new Random(9);
		final byte[] data = mixed(r, 300_000, 4);
		final byte[][] frames = { Blosc.compress(data, 4, Blosc.Compressor.LZ4, 5, Blosc.Shuffle.BYTE_SHUFFLE), Blosc
			.compress(data, 4, Blosc.Compressor.LZ4, 5, Blosc.Shuffle.BIT_SHUFFLE), Blosc.compress(data, 2,
				Blosc.Compressor.ZSTD, 5, Blosc.Shuffle.BYTE_SHUFFLE) };
		int refused = 0;
		for (int i = 0; i < 3000; i++) {
			final byte[] bad = frames[i % frames.length].clone();
			for (int k = 1 + r.nextInt(6); k > 0; k--) {
				// most changes where the sizes and offsets are: header, block starts, split lengths
				final int at = r.nextInt(3) == 0 ? r.nextInt(Math.min(bad.length, 200)) : r.nextInt(bad.length);
				bad[at] = (byte) (r.nextInt(3) == 0 ? 0xFF : r.nextInt(256));
			}
			final int length = r.nextInt(10) == 0 ? r.nextInt(bad.length) : bad.length;
			try {
				BloscCodec.decode(bad, length, new byte[data.length], 1 + i % 2);
			}
			catch (final CorruptDataException e) {
				refused++;
			}
			catch (final RuntimeException e) {
				fail("hostile frame " + i + " gave " + e);
			}
		}
		assertTrue(refused > 300, "refused " + refused);
	}
}

package org.cryoet.format.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.scalableminds.bloscjava.Blosc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A frame decoded block by block as its blocks are read by parts (a local
 * file, see {@code ZarrArray}) hands over exactly the bytes the whole
 * frame's decode gives, each once, on c-blosc's frames and ours; it reads no
 * byte twice and none outside the frame, keeps an I/O error an I/O error,
 * and refuses hostile frames with our exception.
 */
class BloscStreamedDecodeTest {

	/** Decoded bytes [from, to) as the sink receives them; fails if a byte comes twice or splits an element. */
	private static byte[] streamed(final BloscCodec codec, final BloscCodec.FrameRanges frame, final int size,
		final int align, final int from, final int to) throws IOException
	{
		final byte[] out = new byte[size];
		final boolean[] seen = new boolean[size];
		codec.decodeBlocks(frame, size, align, from, to, (data, offset, start, length) -> {
			assertTrue(start % align == 0 && (length % align == 0 || start + length == size), start + "+" + length);
			synchronized (seen) {
				for (int i = start; i < start + length; i++) {
					assertFalse(seen[i], "byte " + i + " handed over twice");
					seen[i] = true;
				}
			}
			System.arraycopy(data, offset, out, start, length);
		});
		for (int i = from; i < to; i++)
			assertTrue(seen[i], "byte " + i + " never handed over");
		return out;
	}

	/** Elements whose high byte repeats and whose low bytes are noise, as tomograms' floats are. */
	private static byte[] data(final Random r, final int size, final int typeSize) {
		final byte[] b = new byte[size];
		for (int i = 0; i < size; i++)
			b[i] = i % typeSize == typeSize - 1 ? (byte) (0x40 + (i / 4096 & 1)) : i % 251 < 120 ? (byte) (i / 64)
				: (byte) r.nextInt(256);
		return b;
	}

	@Test
	void everyCompressorShuffleAndTypeSizeDecodesAsTheWholeFrame() throws Exception {
		final Random r = new Random(11);
		for (final BloscCodec.Cname cname : BloscCodec.Cname.values())
			for (final int typeSize : new int[] { 1, 2, 4, 8 })
				for (final int shuffle : new int[] { 0, 1, 2 })
					for (final int size : new int[] { 4096 * typeSize, 200_000, (1 << 20) + 8 }) {
						final byte[] data = data(r, size, typeSize);
						final List<byte[]> frames = new ArrayList<>();
						frames.add(Blosc.compress(data, typeSize, Blosc.Compressor.fromString(cname.id()), 5, Blosc.Shuffle
							.fromInt(shuffle)));
						frames.add(new BloscCodec(cname, 5, shuffle).encode(data, typeSize));
						for (final byte[] frame : frames)
							for (final int threads : new int[] { 1, 3 }) {
								final String what = cname + ", typesize " + typeSize + ", shuffle " + shuffle + ", size " + size +
									", " + threads + " threads";
								final BloscCodec codec = new BloscCodec(cname, 5, shuffle, 0, threads);
								final AtomicLong read = new AtomicLong();
								assertArrayEquals(data, streamed(codec, BloscRangeTest.ranges(frame, read), size, typeSize, 0,
									size), what);
								assertTrue(read.get() <= frame.length, what + ": read " + read + " of " + frame.length);
								// a part: only its blocks are read, and exactly its bytes come out
								final int from = size / 3 / typeSize * typeSize, to = 2 * size / 3 / typeSize * typeSize;
								final byte[] part = streamed(codec, BloscRangeTest.ranges(frame, new AtomicLong()), size,
									typeSize, from, to);
								assertArrayEquals(Arrays.copyOfRange(data, from, to), Arrays.copyOfRange(part, from, to), what);
							}
					}
	}

	/** c-blosc on several threads stores blocks in the order they finish: the same frame with its blocks swapped. */
	@Test
	void blocksStoredOutOfOrderDecodeTheSame() throws Exception {
		final byte[] data = data(new Random(12), 1 << 20, 4);
		final byte[] frame = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, 64 << 10, 1).encode(data, 4);
		final ByteBuffer f = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
		final int blocks = (f.getInt(4) + f.getInt(8) - 1) / f.getInt(8);
		assertTrue(blocks >= 3, "blocks: " + blocks);
		final int[] starts = new int[blocks + 1];
		for (int b = 0; b < blocks; b++)
			starts[b] = f.getInt(16 + 4 * b);
		starts[blocks] = frame.length;
		// reversed: the last block's data first
		final byte[] swapped = frame.clone();
		final ByteBuffer s = ByteBuffer.wrap(swapped).order(ByteOrder.LITTLE_ENDIAN);
		int at = starts[0];
		for (int b = blocks - 1; b >= 0; b--) {
			final int length = starts[b + 1] - starts[b];
			System.arraycopy(frame, starts[b], swapped, at, length);
			s.putInt(16 + 4 * b, at);
			at += length;
		}
		final byte[] whole = new byte[data.length];
		BloscCodec.decode(swapped, whole, 1);
		assertArrayEquals(data, whole);
		for (final int threads : new int[] { 1, 2 })
			assertArrayEquals(data, streamed(new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, 0, threads), BloscRangeTest
				.ranges(swapped, new AtomicLong()), data.length, 4, 0, data.length));
	}

	/**
	 * A hostile frame whose blocks all claim one start: each block is read no
	 * further than a block can take, by parts and by range, not to the end of
	 * the file (which made reading such a chunk quadratic in its blocks).
	 */
	@Test
	void blocksSharingAStartReadNoMoreThanABlockEach() throws Exception {
		final byte[] data = data(new Random(15), 1 << 20, 4);
		final int blockSize = 4 << 10;
		final byte[] frame = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, blockSize, 1).encode(data, 4);
		final ByteBuffer f = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
		final int blocks = data.length / blockSize;
		for (int b = 1; b < blocks; b++)
			f.putInt(16 + 4 * b, f.getInt(16));
		final long bound = 16 + 4L * blocks + (long) blocks * (2 * blockSize + 64);
		final AtomicLong read = new AtomicLong();
		final byte[] whole = new byte[data.length];
		BloscCodec.decode(frame, whole, 1);
		// each block decodes block 0's data, whole and by parts alike
		assertArrayEquals(whole, streamed(new BloscCodec(BloscCodec.Cname.LZ4, 5, 1), BloscRangeTest.ranges(frame, read),
			data.length, 4, 0, data.length));
		assertTrue(read.get() <= bound, "read " + read + " bytes of a " + frame.length + "-byte frame");
		final AtomicLong byRange = new AtomicLong();
		final byte[] part = new byte[data.length];
		BloscCodec.decodeRange(BloscRangeTest.ranges(frame, byRange), data.length, 0, data.length, part, 0);
		assertArrayEquals(whole, part);
		assertTrue(byRange.get() <= bound, "read " + byRange + " bytes by range");
	}

	@Test
	void anIoErrorStaysAnIoErrorOnEveryThread() throws Exception {
		final byte[] data = data(new Random(13), 1 << 20, 4);
		final byte[] frame = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, 64 << 10, 1).encode(data, 4);
		for (final int threads : new int[] { 1, 2, 4 })
			for (final int failing : new int[] { 1, 2, 5 }) {
				final AtomicInteger reads = new AtomicInteger();
				final BloscCodec.FrameRanges disk = new BloscCodec.FrameRanges() {

					@Override
					public long size() {
						return frame.length;
					}

					@Override
					public byte[] read(final long offset, final int length) {
						return Arrays.copyOfRange(frame, (int) offset, (int) offset + length);
					}

					@Override
					public void read(final long offset, final byte[] dst, final int length) throws IOException {
						// the header and block starts come through the other read; block reads count from 1
						if (reads.incrementAndGet() == failing) throw new IOException("disk gone");
						System.arraycopy(frame, (int) offset, dst, 0, length);
					}
				};
				final IOException e = assertThrows(IOException.class, () -> streamed(new BloscCodec(BloscCodec.Cname.LZ4, 5,
					1, 0, threads), disk, data.length, 4, 0, data.length));
				assertFalse(e instanceof CorruptDataException, "an I/O error is not bad data: " + e);
				assertEquals("disk gone", e.getMessage());
			}
	}

	/**
	 * An interrupt while the caller waits for Blosc's helper threads is not
	 * bad data: the wait goes on until no helper writes into the caller's
	 * buffer, the frame decodes whole, and the interrupt stays set.
	 */
	@Test
	void anInterruptWaitsForTheHelpersAndKeepsTheInterrupt() throws Exception {
		final byte[] data = data(new Random(16), 1 << 20, 4);
		final byte[] frame = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, 64 << 10, 1).encode(data, 4);
		for (final int threads : new int[] { 2, 4 }) {
			final byte[] whole = new byte[data.length];
			Thread.currentThread().interrupt();
			try {
				BloscCodec.decode(frame, whole, threads);
			}
			finally {
				assertTrue(Thread.interrupted(), "the interrupt is kept, " + threads + " threads");
			}
			assertArrayEquals(data, whole, threads + " threads");
			Thread.currentThread().interrupt();
			final byte[] parts;
			try {
				parts = streamed(new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, 0, threads), BloscRangeTest.ranges(frame,
					new AtomicLong()), data.length, 4, 0, data.length);
			}
			finally {
				assertTrue(Thread.interrupted(), "the interrupt is kept by parts, " + threads + " threads");
			}
			assertArrayEquals(data, parts, threads + " threads, by parts");
		}
	}

	@Test
	void hostileFramesAreRefusedWithOurExceptionOrDecodeAsWhole() throws Exception {
		final Random r = new Random(14);
		final byte[] data = data(r, 300_000, 4);
		final byte[][] frames = { Blosc.compress(data, 4, Blosc.Compressor.LZ4, 5, Blosc.Shuffle.BYTE_SHUFFLE), Blosc
			.compress(data, 4, Blosc.Compressor.LZ4, 5, Blosc.Shuffle.BIT_SHUFFLE), Blosc.compress(data, 2,
				Blosc.Compressor.ZSTD, 5, Blosc.Shuffle.BYTE_SHUFFLE), new BloscCodec(BloscCodec.Cname.BLOSCLZ, 5, 1,
					32 << 10, 1).encode(data, 4) };
		int refused = 0, decoded = 0;
		for (int i = 0; i < 3000; i++) {
			final byte[] bad = frames[i % frames.length].clone();
			for (int k = 1 + r.nextInt(6); k > 0; k--) {
				// most changes where the sizes and offsets are: header, block starts, split lengths
				final int at = r.nextInt(3) == 0 ? r.nextInt(Math.min(bad.length, 200)) : r.nextInt(bad.length);
				bad[at] = (byte) (r.nextInt(3) == 0 ? 0xFF : r.nextInt(256));
			}
			final byte[] frame = r.nextInt(10) == 0 ? Arrays.copyOf(bad, r.nextInt(bad.length)) : bad;
			final byte[] part;
			try {
				part = streamed(new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, 0, 1 + i % 2), BloscRangeTest.ranges(frame,
					new AtomicLong()), data.length, 4, 0, data.length);
			}
			catch (final CorruptDataException e) {
				refused++;
				continue;
			}
			catch (final IOException | RuntimeException e) {
				fail("hostile frame " + i + " gave " + e);
				return;
			}
			final byte[] whole = new byte[data.length];
			try {
				BloscCodec.decode(frame, whole, 1);
			}
			catch (final CorruptDataException e) {
				fail("hostile frame " + i + " decoded by parts but not whole: " + e.getMessage());
			}
			assertArrayEquals(whole, part, "hostile frame " + i);
			decoded++;
		}
		assertTrue(refused > 300 && decoded > 0, "refused " + refused + ", decoded " + decoded);
	}
}

package org.cryoet.format.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.scalableminds.bloscjava.Blosc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Decoding part of a frame (the blocks that hold a byte range) gives exactly
 * the bytes a full decode gives there, on c-blosc's frames and ours, for
 * every compressor, shuffle and type size, and reads only a part of the frame.
 */
class BloscRangeTest {

	/**
	 * A frame in memory read by range or into the decoder's reused buffers,
	 * refusing reads outside it and counting the bytes read (shared by the
	 * other Blosc tests).
	 */
	static BloscCodec.FrameRanges ranges(final byte[] frame, final AtomicLong read) {
		return new BloscCodec.FrameRanges() {

			@Override
			public long size() {
				return frame.length;
			}

			@Override
			public byte[] read(final long offset, final int length) {
				final byte[] b = new byte[length];
				read(offset, b, length);
				return b;
			}

			@Override
			public void read(final long offset, final byte[] dst, final int length) {
				assertTrue(offset >= 0 && offset + length <= frame.length, "read " + offset + "+" + length +
					" outside the frame");
				read.addAndGet(length);
				System.arraycopy(frame, (int) offset, dst, 0, length);
			}
		};
	}

	@ParameterizedTest
	@EnumSource(BloscCodec.Cname.class)
	void aRangeDecodesAsTheWholeFrameDoes(final BloscCodec.Cname cname) throws Exception {
		final Random r = new Random(7);
		for (final int shuffle : new int[] { 0, 1, 2 })
			for (final int typeSize : new int[] { 1, 2, 4, 8, 3 }) {
				final int n = 1 << 20;
				final byte[] data = new byte[n];
				for (int i = 0; i < n; i++)
					data[i] = (byte) (i % 251 < 200 ? (i / 64) : r.nextInt());
				final List<byte[]> frames = new ArrayList<>();
				frames.add(Blosc.compress(data, typeSize, Blosc.Compressor.fromString(cname.id()), 5, Blosc.Shuffle.fromInt(
					shuffle)));
				frames.add(new BloscCodec(cname, 5, shuffle).encode(data, typeSize));
				for (final byte[] frame : frames)
					for (int k = 0; k < 20; k++) {
						final int from = r.nextInt(n), to = from + r.nextInt(Math.min(n - from, 300_000) + 1);
						final byte[] part = new byte[to - from];
						BloscCodec.decodeRange(ranges(frame, new AtomicLong()), n, from, to, part, 0);
						assertArrayEquals(Arrays.copyOfRange(data, from, to), part, () -> cname + " shuffle " + shuffle +
							" typesize " + typeSize + " bytes " + from + ".." + to);
					}
			}
	}

	@Test
	void aSliceOfALargeChunkReadsAboutOneBlock() throws Exception {
		final int n = 64 << 20; // a 256³ float32 chunk
		final byte[] data = new byte[n];
		final Random r = new Random(1);
		for (int i = 0; i < n; i += 4)
			data[i] = (byte) r.nextInt();
		final byte[] frame = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1).encode(data, 4);
		final AtomicLong read = new AtomicLong();
		final byte[] plane = new byte[256 * 256 * 4];
		BloscCodec.decodeRange(ranges(frame, read), n, 100 * plane.length, 101 * plane.length, plane, 0);
		assertArrayEquals(Arrays.copyOfRange(data, 100 * plane.length, 101 * plane.length), plane);
		assertTrue(read.get() < frame.length / 50, "read " + read.get() + " of " + frame.length + " bytes");
	}

	@Test
	void aDamagedFrameIsOurError() throws Exception {
		final byte[] data = new byte[100_000];
		Arrays.fill(data, (byte) 3);
		final byte[] frame = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1).encode(data, 4);
		final byte[] cut = Arrays.copyOf(frame, frame.length / 2);
		assertThrows(CorruptDataException.class, () -> BloscCodec.decodeRange(ranges(cut, new AtomicLong()), 100_000, 0, 100_000,
			new byte[100_000], 0));
		final byte[] wrongStart = frame.clone();
		wrongStart[16] = (byte) 0xff; // the first block's offset now points past the end
		wrongStart[17] = (byte) 0xff;
		assertThrows(CorruptDataException.class, () -> BloscCodec.decodeRange(ranges(wrongStart, new AtomicLong()), 100_000,
			0, 100, new byte[100], 0));
	}
}

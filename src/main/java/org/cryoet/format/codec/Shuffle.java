package org.cryoet.format.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;

/**
 * Blosc's byte shuffle and bit shuffle of one block, and their inverses.
 * Byte shuffle groups byte j of every element together; bit shuffle groups
 * bit k of byte j of every element, least significant bit first.
 */
final class Shuffle {

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final long LOW = 0xFFFFFFFFL, HIGH = 0xFFFFFFFF00000000L;

	private Shuffle() {}

	static void byteShuffle(final int typeSize, final int blockSize, final byte[] src, final int srcOff,
		final byte[] dst, final int dstOff)
	{
		final int n = blockSize / typeSize;
		if (typeSize == 4) shuffle4(n, src, srcOff, dst, dstOff);
		else for (int j = 0; j < typeSize; j++) {
			final int d = dstOff + j * n;
			for (int i = 0, s = srcOff + j; i < n; i++, s += typeSize)
				dst[d + i] = src[s];
		}
		final int done = n * typeSize;
		System.arraycopy(src, srcOff + done, dst, dstOff + done, blockSize - done);
	}

	static void byteUnshuffle(final int typeSize, final int blockSize, final byte[] src, final int srcOff,
		final byte[] dst, final int dstOff)
	{
		final int n = blockSize / typeSize;
		switch (typeSize) {
			case 2:
				for (int i = 0, d = dstOff; i < n; i++, d += 2) {
					dst[d] = src[srcOff + i];
					dst[d + 1] = src[srcOff + n + i];
				}
				break;
			case 4:
				unshuffle4(n, src, srcOff, dst, dstOff);
				break;
			default:
				for (int j = 0; j < typeSize; j++) {
					final int s = srcOff + j * n;
					for (int i = 0, d = dstOff + j; i < n; i++, d += typeSize)
						dst[d] = src[s + i];
				}
		}
		final int done = n * typeSize;
		System.arraycopy(src, srcOff + done, dst, dstOff + done, blockSize - done);
	}

	/**
	 * Four byte streams back into 4-byte elements, eight elements a step: a
	 * 4×8 byte transpose in four longs (two rounds of delta swaps), as
	 * C2 does not vectorise the byte-by-byte gather.
	 */
	private static void unshuffle4(final int n, final byte[] src, final int srcOff, final byte[] dst, final int dstOff) {
		unshuffle4(n, src, srcOff, src, srcOff + n, src, srcOff + 2 * n, src, srcOff + 3 * n, dst, dstOff);
	}

	/** Unshuffles n 4-byte elements whose byte streams lie apart (some in a Blosc frame, some decoded). */
	static void unshuffle4(final int n, final byte[][] streams, final int[] offsets, final byte[] dst, final int dstOff) {
		unshuffle4(n, streams[0], offsets[0], streams[1], offsets[1], streams[2], offsets[2], streams[3], offsets[3], dst,
			dstOff);
	}

	private static void unshuffle4(final int n, final byte[] a0, final int s0, final byte[] a1, final int s1,
		final byte[] a2, final int s2, final byte[] a3, final int s3, final byte[] dst, final int dstOff)
	{
		final int groups = n >>> 3;
		// Long views rather than byte-array VarHandles: C2 compiles their absolute gets and puts with fewer
		// range checks, and the loop is bound by instruction count (7.8 against 9.5 ms for a 64 MiB chunk).
		final LongBuffer l0 = longs(a0, s0, groups), l1 = longs(a1, s1, groups), l2 = longs(a2, s2, groups);
		final LongBuffer l3 = longs(a3, s3, groups), d = longs(dst, dstOff, 4 * groups);
		for (int g = 0; g < groups; g++)
			store4(l0.get(g), l1.get(g), l2.get(g), l3.get(g), d, 4 * g);
		for (int i = 8 * groups, o = dstOff + 4 * i; i < n; i++, o += 4) {
			dst[o] = a0[s0 + i];
			dst[o + 1] = a1[s1 + i];
			dst[o + 2] = a2[s2 + i];
			dst[o + 3] = a3[s3 + i];
		}
	}

	/** {@code count} little-endian longs of {@code a} from byte {@code off}. */
	private static LongBuffer longs(final byte[] a, final int off, final int count) {
		return ByteBuffer.wrap(a, off, 8 * count).slice().order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
	}

	/** The inverse of {@link #unshuffle4}: the same delta swaps (each its own inverse) in reverse order. */
	private static void shuffle4(final int n, final byte[] src, final int srcOff, final byte[] dst, final int dstOff) {
		final int d0 = dstOff, d1 = dstOff + n, d2 = dstOff + 2 * n, d3 = dstOff + 3 * n;
		final int groups = n >>> 3;
		final LongBuffer s = longs(src, srcOff, 4 * groups), o0 = longs(dst, d0, groups), o1 = longs(dst, d1, groups);
		final LongBuffer o2 = longs(dst, d2, groups), o3 = longs(dst, d3, groups);
		for (int g = 0; g < groups; g++) {
			final long x0 = s.get(4 * g), x1 = s.get(4 * g + 1), x2 = s.get(4 * g + 2), x3 = s.get(4 * g + 3);
			long w0 = x0 & LOW | x2 << 32, w1 = x0 >>> 32 | x2 & HIGH;
			long w2 = x1 & LOW | x3 << 32, w3 = x1 >>> 32 | x3 & HIGH;
			long t = ((w0 >>> 16) ^ w2) & 0x0000FFFF0000FFFFL;
			w2 ^= t;
			w0 ^= t << 16;
			t = ((w1 >>> 16) ^ w3) & 0x0000FFFF0000FFFFL;
			w3 ^= t;
			w1 ^= t << 16;
			t = ((w0 >>> 8) ^ w1) & 0x00FF00FF00FF00FFL;
			w1 ^= t;
			w0 ^= t << 8;
			t = ((w2 >>> 8) ^ w3) & 0x00FF00FF00FF00FFL;
			w3 ^= t;
			w2 ^= t << 8;
			o0.put(g, w0);
			o1.put(g, w1);
			o2.put(g, w2);
			o3.put(g, w3);
		}
		for (int i = 8 * groups, p = srcOff + 4 * i; i < n; i++, p += 4) {
			dst[d0 + i] = src[p];
			dst[d1 + i] = src[p + 1];
			dst[d2 + i] = src[p + 2];
			dst[d3 + i] = src[p + 3];
		}
	}

	/** Elements beyond the last multiple of 8 are copied unchanged, as c-blosc does. */
	static void bitShuffle(final int typeSize, final int blockSize, final byte[] src, final int srcOff,
		final byte[] dst, final int dstOff)
	{
		final int n = blockSize / typeSize;
		if (n % 8 != 0) {
			System.arraycopy(src, srcOff, dst, dstOff, blockSize);
			return;
		}
		java.util.Arrays.fill(dst, dstOff, dstOff + n * typeSize, (byte) 0);
		final int rowBytes = n / 8;
		for (int i = 0; i < n; i++) {
			final int e = srcOff + i * typeSize;
			for (int j = 0; j < typeSize; j++) {
				final int v = src[e + j];
				if (v == 0) continue;
				for (int k = 0; k < 8; k++)
					if ((v >> k & 1) != 0)
						dst[dstOff + (j * 8 + k) * rowBytes + (i >> 3)] |= (byte) (1 << (i & 7));
			}
		}
		final int done = n * typeSize;
		System.arraycopy(src, srcOff + done, dst, dstOff + done, blockSize - done);
	}

	static void bitUnshuffle(final int typeSize, final int blockSize, final byte[] src, final int srcOff,
		final byte[] dst, final int dstOff)
	{
		final int n = blockSize / typeSize;
		if (n % 8 != 0) {
			System.arraycopy(src, srcOff, dst, dstOff, blockSize);
			return;
		}
		final int rowBytes = n / 8;
		// Eight elements at a time: for each byte position j, gather bit row k's byte into bit k.
		if (typeSize == 4) bitUnshuffle4(rowBytes, src, srcOff, dst, dstOff);
		else for (int g = 0; g < rowBytes; g++) {
			for (int j = 0; j < typeSize; j++) {
				long rows = 0;
				for (int k = 0; k < 8; k++)
					rows |= (long) (src[srcOff + (j * 8 + k) * rowBytes + g] & 0xff) << (8 * k);
				final long t = transpose8x8(rows);
				final int base = dstOff + g * 8 * typeSize + j;
				for (int e = 0; e < 8; e++)
					dst[base + e * typeSize] = (byte) (t >>> (8 * e));
			}
		}
		final int done = n * typeSize;
		System.arraycopy(src, srcOff + done, dst, dstOff + done, blockSize - done);
	}

	/**
	 * {@link #bitUnshuffle} for 4-byte elements (n = 8 rowBytes, no trailing
	 * bytes): each group of 8 elements gives 4 transposed bit matrices, one
	 * per byte of the element, which the byte transpose of
	 * {@link #unshuffle4} turns into the 32 output bytes, stored as 4 longs.
	 */
	private static void bitUnshuffle4(final int rowBytes, final byte[] src, final int srcOff, final byte[] dst,
		final int dstOff)
	{
		final long[] m = new long[256];
		final byte[] lines = new byte[32 * 64];
		final LongBuffer d = longs(dst, dstOff, 4 * rowBytes);
		int g = 0;
		// 64 groups a step: a cache line of each of the 32 bit rows, copied side by side first. The rows lie
		// rowBytes apart (8 KiB in a 256 KiB block), all in one L1 set and 4 KiB-aliased with each other:
		// read in place a word at a time, as below, their loads stalled through 60 % of a zstd decode.
		for (; g + 64 <= rowBytes; g += 64) {
			for (int k = 0; k < 32; k++)
				System.arraycopy(src, srcOff + k * rowBytes + g, lines, 64 * k, 64);
			for (int j = 0; j < 4; j++)
				for (int w = 0; w < 8; w++)
					transposeRows(lines, 512 * j + 8 * w, 64, m, 64 * j + 8 * w);
			for (int k = 0; k < 64; k++)
				store4(m[k], m[64 + k], m[128 + k], m[192 + k], d, 4 * (g + k));
		}
		// eight groups a step: a word from each of the 32 bit rows, byte-transposed so that word 8j + b holds
		// group b's byte of bit rows 8j..8j+7, then bit-transposed into the group's byte j of its 8 elements
		for (; g + 8 <= rowBytes; g += 8) {
			for (int j = 0; j < 4; j++)
				transposeRows(src, srcOff + 8 * j * rowBytes + g, rowBytes, m, 8 * j);
			for (int b = 0; b < 8; b++)
				store4(m[b], m[8 + b], m[16 + b], m[24 + b], d, 4 * (g + b));
		}
		for (; g < rowBytes; g++)
			store4(transpose8x8(gather(src, srcOff + g, rowBytes)), transpose8x8(gather(src, srcOff + 8 * rowBytes + g,
				rowBytes)), transpose8x8(gather(src, srcOff + 16 * rowBytes + g, rowBytes)), transpose8x8(gather(src, srcOff +
					24 * rowBytes + g, rowBytes)), d, 4 * g);
	}

	/**
	 * A word at {@code r} from each of 8 bit rows {@code rowBytes} apart,
	 * byte-transposed so that word b holds group b's byte of the 8 rows, then
	 * bit-transposed into that group's byte of its 8 elements: {@code m[at + b]}.
	 */
	private static void transposeRows(final byte[] src, final int r, final int rowBytes, final long[] m, final int at) {
		long r0 = (long) LONG.get(src, r), r1 = (long) LONG.get(src, r + rowBytes);
		long r2 = (long) LONG.get(src, r + 2 * rowBytes), r3 = (long) LONG.get(src, r + 3 * rowBytes);
		long r4 = (long) LONG.get(src, r + 4 * rowBytes), r5 = (long) LONG.get(src, r + 5 * rowBytes);
		long r6 = (long) LONG.get(src, r + 6 * rowBytes), r7 = (long) LONG.get(src, r + 7 * rowBytes);
		long t;
		t = ((r0 >>> 8) ^ r1) & 0x00FF00FF00FF00FFL; r1 ^= t; r0 ^= t << 8;
		t = ((r2 >>> 8) ^ r3) & 0x00FF00FF00FF00FFL; r3 ^= t; r2 ^= t << 8;
		t = ((r4 >>> 8) ^ r5) & 0x00FF00FF00FF00FFL; r5 ^= t; r4 ^= t << 8;
		t = ((r6 >>> 8) ^ r7) & 0x00FF00FF00FF00FFL; r7 ^= t; r6 ^= t << 8;
		t = ((r0 >>> 16) ^ r2) & 0x0000FFFF0000FFFFL; r2 ^= t; r0 ^= t << 16;
		t = ((r1 >>> 16) ^ r3) & 0x0000FFFF0000FFFFL; r3 ^= t; r1 ^= t << 16;
		t = ((r4 >>> 16) ^ r6) & 0x0000FFFF0000FFFFL; r6 ^= t; r4 ^= t << 16;
		t = ((r5 >>> 16) ^ r7) & 0x0000FFFF0000FFFFL; r7 ^= t; r5 ^= t << 16;
		t = ((r0 >>> 32) ^ r4) & LOW; r4 ^= t; r0 ^= t << 32;
		t = ((r1 >>> 32) ^ r5) & LOW; r5 ^= t; r1 ^= t << 32;
		t = ((r2 >>> 32) ^ r6) & LOW; r6 ^= t; r2 ^= t << 32;
		t = ((r3 >>> 32) ^ r7) & LOW; r7 ^= t; r3 ^= t << 32;
		m[at] = transpose8x8(r0);
		m[at + 1] = transpose8x8(r1);
		m[at + 2] = transpose8x8(r2);
		m[at + 3] = transpose8x8(r3);
		m[at + 4] = transpose8x8(r4);
		m[at + 5] = transpose8x8(r5);
		m[at + 6] = transpose8x8(r6);
		m[at + 7] = transpose8x8(r7);
	}

	/**
	 * Stores 8 elements of 4 bytes, given byte j of each element in the bytes
	 * of wj: a 4×8 byte transpose in two rounds of delta swaps (bytes, then
	 * 16-bit pairs), after which w0..w3 hold elements (0, 4), (1, 5), (2, 6), (3, 7).
	 */
	private static void store4(long w0, long w1, long w2, long w3, final LongBuffer d, final int at) {
		long t = ((w0 >>> 8) ^ w1) & 0x00FF00FF00FF00FFL;
		w1 ^= t;
		w0 ^= t << 8;
		t = ((w2 >>> 8) ^ w3) & 0x00FF00FF00FF00FFL;
		w3 ^= t;
		w2 ^= t << 8;
		t = ((w0 >>> 16) ^ w2) & 0x0000FFFF0000FFFFL;
		w2 ^= t;
		w0 ^= t << 16;
		t = ((w1 >>> 16) ^ w3) & 0x0000FFFF0000FFFFL;
		w3 ^= t;
		w1 ^= t << 16;
		d.put(at, w0 & LOW | w1 << 32);
		d.put(at + 1, w2 & LOW | w3 << 32);
		d.put(at + 2, w0 >>> 32 | w1 & HIGH);
		d.put(at + 3, w2 >>> 32 | w3 & HIGH);
	}

	/** Byte {@code at} of 8 bit rows {@code rowBytes} apart, row k in byte k. */
	private static long gather(final byte[] src, final int at, final int rowBytes) {
		return src[at] & 0xffL | (src[at + rowBytes] & 0xffL) << 8 | (src[at + 2 * rowBytes] & 0xffL) << 16 |
			(src[at + 3 * rowBytes] & 0xffL) << 24 | (src[at + 4 * rowBytes] & 0xffL) << 32 | (src[at + 5 * rowBytes] &
				0xffL) << 40 | (src[at + 6 * rowBytes] & 0xffL) << 48 | (src[at + 7 * rowBytes] & 0xffL) << 56;
	}

	/** Transposes an 8x8 bit matrix held row by row in the bytes of a long (bit c of byte r -> bit r of byte c). */
	static long transpose8x8(long x) {
		long t;
		t = (x ^ (x >>> 7)) & 0x00AA00AA00AA00AAL;
		x = x ^ t ^ (t << 7);
		t = (x ^ (x >>> 14)) & 0x0000CCCC0000CCCCL;
		x = x ^ t ^ (t << 14);
		t = (x ^ (x >>> 28)) & 0x00000000F0F0F0F0L;
		x = x ^ t ^ (t << 28);
		return x;
	}
}

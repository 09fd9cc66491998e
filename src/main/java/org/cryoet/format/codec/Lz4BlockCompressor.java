package org.cryoet.format.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * An LZ4 block compressor with LZ4's acceleration factor, which c-blosc sets
 * to {@code 10 - clevel}: on data that hardly compresses (noisy tomograms)
 * it skips ahead faster, as c-blosc does. Output is a standard LZ4 block.
 */
final class Lz4BlockCompressor {

	private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
	private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
	private static final int MIN_MATCH = 4;
	private static final int LAST_LITERALS = 5;
	private static final int MF_LIMIT = 12;
	private static final int HASH_LOG = 12;
	private static final int SKIP_TRIGGER = 6;
	private static final int MAX_DISTANCE = 65535;

	private final int[] table = new int[1 << HASH_LOG];

	static int maxCompressedLength(final int n) {
		return n + n / 255 + 16;
	}

	/** @return the compressed length, or -1 when it would exceed {@code maxOut} */
	int compress(final byte[] in, final int inOff, final int len, final byte[] out, final int outOff, final int maxOut,
		final int acceleration)
	{
		final int outEnd = outOff + maxOut;
		int op = outOff;
		int anchor = inOff;
		final int end = inOff + len;
		if (len >= MF_LIMIT + 1) {
			java.util.Arrays.fill(table, inOff - MAX_DISTANCE - 1);
			final int matchLimit = end - LAST_LITERALS;
			final int mfLimit = end - MF_LIMIT;
			int ip = inOff + 1;
			table[hash(in, inOff)] = inOff;
			while (true) {
				int step = 1, searchMatchNb = acceleration << SKIP_TRIGGER;
				int ref, forward = ip;
				do {
					ip = forward;
					forward += step;
					step = searchMatchNb++ >>> SKIP_TRIGGER;
					if (forward > mfLimit) return finish(in, anchor, end, out, op, outEnd);
					final int h = hash(in, ip);
					ref = table[h];
					table[h] = ip;
				}
				while (ip - ref > MAX_DISTANCE || (int) INT.get(in, ref) != (int) INT.get(in, ip));
				while (ip > anchor && ref > inOff && in[ip - 1] == in[ref - 1]) {
					ip--;
					ref--;
				}
				while (true) {
					// literals, then the match
					final int litLen = ip - anchor;
					final int matchLen = MIN_MATCH + commonBytes(in, ref + MIN_MATCH, ip + MIN_MATCH, matchLimit);
					if (op + 1 + litLen + litLen / 255 + 2 + (matchLen - MIN_MATCH) / 255 + 1 > outEnd) return -1;
					final int token = op++;
					op = lengthAndLiterals(in, anchor, litLen, out, token, op);
					final int offset = ip - ref;
					out[op++] = (byte) offset;
					out[op++] = (byte) (offset >>> 8);
					int ml = matchLen - MIN_MATCH;
					if (ml >= 15) {
						out[token] |= 15;
						ml -= 15;
						while (ml >= 255) {
							out[op++] = (byte) 255;
							ml -= 255;
						}
						out[op++] = (byte) ml;
					}
					else out[token] |= (byte) ml;
					ip += matchLen;
					anchor = ip;
					if (ip > mfLimit) return finish(in, anchor, end, out, op, outEnd);
					table[hash(in, ip - 2)] = ip - 2;
					final int h = hash(in, ip);
					ref = table[h];
					table[h] = ip;
					if (ip - ref <= MAX_DISTANCE && (int) INT.get(in, ref) == (int) INT.get(in, ip)) continue;
					ip++;
					break;
				}
			}
		}
		return finish(in, anchor, end, out, op, outEnd);
	}

	/** Length of the common run at {@code a} and {@code b} (b ahead of a), stopping at {@code limit}; 8 bytes a step. */
	private static int commonBytes(final byte[] in, final int a, final int b, final int limit) {
		int n = 0;
		while (b + n + 8 <= limit) {
			final long diff = (long) LONG.get(in, a + n) ^ (long) LONG.get(in, b + n);
			if (diff != 0) return n + (Long.numberOfTrailingZeros(diff) >>> 3);
			n += 8;
		}
		while (b + n < limit && in[a + n] == in[b + n])
			n++;
		return n;
	}

	private static int hash(final byte[] in, final int i) {
		return ((int) INT.get(in, i) * -1640531535) >>> (32 - HASH_LOG);
	}

	/** Writes the literal length into the token's high nibble (and extra bytes), then the literals. */
	private static int lengthAndLiterals(final byte[] in, final int from, final int litLen, final byte[] out,
		final int token, int op)
	{
		if (litLen >= 15) {
			out[token] = (byte) (15 << 4);
			int rest = litLen - 15;
			while (rest >= 255) {
				out[op++] = (byte) 255;
				rest -= 255;
			}
			out[op++] = (byte) rest;
		}
		else out[token] = (byte) (litLen << 4);
		System.arraycopy(in, from, out, op, litLen);
		return op + litLen;
	}

	private static int finish(final byte[] in, final int anchor, final int end, final byte[] out, int op,
		final int outEnd)
	{
		final int litLen = end - anchor;
		if (op + 1 + litLen + litLen / 255 + 1 > outEnd) return -1;
		final int token = op++;
		op = lengthAndLiterals(in, anchor, litLen, out, token, op);
		return op;
	}
}

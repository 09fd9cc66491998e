package org.cryoet.format.codec;

/**
 * Blosc's own LZ77 variant (BloscLZ, FastLZ level 1 descendant), as c-blosc 1.x
 * writes it. A literal run is a control byte {@code n-1} (n = 1..32) followed by
 * n bytes. A match is a control byte {@code (lenCode << 5) | distHi}, extra
 * length bytes while {@code lenCode == 7} (each 255 continues), a distance low
 * byte, and, when the distance high and low parts are all ones, two big-endian
 * bytes of a far distance. The stream starts with a literal run.
 */
final class BloscLz {

	private static final int MAX_COPY = 32;
	private static final int MAX_DISTANCE = 8191;
	private static final int MAX_FAR_DISTANCE = 65535 + MAX_DISTANCE - 1;
	private static final int HASH_LOG = 14;

	private BloscLz() {}

	/** @return bytes written, which the caller checks against what it expected */
	static int decompress(final byte[] in, final int inOff, final int inLen, final byte[] out, final int outOff,
		final int maxOut) throws CorruptDataException
	{
		if (inLen == 0) return 0;
		int ip = inOff;
		final int ipEnd = inOff + inLen;
		int op = outOff;
		final int opEnd = outOff + maxOut;
		int ctrl = in[ip++] & 31;
		while (true) {
			if (ctrl >= 32) {
				int len = (ctrl >> 5) - 1;
				int ofs = (ctrl & 31) << 8;
				if (len == 6) {
					int code;
					do {
						if (ip >= ipEnd) throw truncated();
						code = in[ip++] & 0xff;
						len += code;
					}
					while (code == 255);
				}
				if (ip >= ipEnd) throw truncated();
				final int code = in[ip++] & 0xff;
				len += 3;
				int distance = ofs + code + 1;
				if (code == 255 && ofs == (31 << 8)) {
					if (ip + 1 >= ipEnd) throw truncated();
					ofs = (in[ip] & 0xff) << 8 | (in[ip + 1] & 0xff);
					ip += 2;
					distance = ofs + MAX_DISTANCE + 1;
				}
				final int ref = op - distance;
				if (ref < outOff || op + len > opEnd)
					throw new CorruptDataException("BloscLZ match points outside the block");
				if (distance >= len) System.arraycopy(out, ref, out, op, len);
				else for (int i = 0; i < len; i++)
					out[op + i] = out[ref + i];
				op += len;
			}
			else {
				final int run = ctrl + 1;
				if (op + run > opEnd || ip + run > ipEnd)
					throw new CorruptDataException("BloscLZ literal run runs past the block");
				System.arraycopy(in, ip, out, op, run);
				op += run;
				ip += run;
			}
			if (ip >= ipEnd) break;
			ctrl = in[ip++] & 0xff;
		}
		return op - outOff;
	}

	private static CorruptDataException truncated() {
		return new CorruptDataException("BloscLZ stream is truncated");
	}

	/**
	 * Greedy hash-chain-free compressor.
	 *
	 * @return compressed length, or -1 when the output would not fit in {@code maxOut}
	 */
	static int compress(final byte[] in, final int inOff, final int inLen, final byte[] out, final int outOff,
		final int maxOut)
	{
		final int outEnd = outOff + maxOut;
		int op = outOff;
		int anchor = inOff;
		final int inEnd = inOff + inLen;
		final int matchLimit = inEnd - 12; // the stream must end with literals
		final int[] table = new int[1 << HASH_LOG];
		java.util.Arrays.fill(table, -1);
		int ip = inOff;
		while (ip < matchLimit) {
			final int seq = read32(in, ip);
			final int h = (seq * 0x9E3779B1) >>> (32 - HASH_LOG);
			final int ref = table[h];
			table[h] = ip;
			final int distance = ip - ref;
			if (ref < 0 || distance > MAX_FAR_DISTANCE + 1 || read32(in, ref) != seq ||
				(distance > MAX_DISTANCE && ip + 4 < matchLimit && in[ref + 4] != in[ip + 4]))
			{
				ip++;
				continue;
			}
			int len = 4;
			while (ip + len < matchLimit && in[ref + len] == in[ip + len])
				len++;
			op = emitLiterals(in, anchor, ip - anchor, out, op, outEnd);
			if (op < 0 || op + 8 + len / 255 > outEnd) return -1;
			op = emitMatch(len, distance - 1, out, op);
			ip += len;
			anchor = ip;
		}
		op = emitLiterals(in, anchor, inEnd - anchor, out, op, outEnd);
		return op < 0 ? -1 : op - outOff;
	}

	private static int emitLiterals(final byte[] in, int from, int count, final byte[] out, int op, final int outEnd) {
		while (count > 0) {
			final int run = Math.min(count, MAX_COPY);
			if (op + 1 + run > outEnd) return -1;
			out[op++] = (byte) (run - 1);
			System.arraycopy(in, from, out, op, run);
			op += run;
			from += run;
			count -= run;
		}
		return op;
	}

	/** @param d distance minus one */
	private static int emitMatch(final int len, final int d, final byte[] out, int op) {
		final int m = len - 2; // 1..6 fit the control byte; 7 means extra length bytes follow
		final boolean far = d >= MAX_DISTANCE;
		final int hi = far ? 31 : d >> 8;
		if (m < 7) {
			out[op++] = (byte) (m << 5 | hi);
		}
		else {
			out[op++] = (byte) (7 << 5 | hi);
			int rest = m - 7;
			while (rest >= 255) {
				out[op++] = (byte) 255;
				rest -= 255;
			}
			out[op++] = (byte) rest;
		}
		if (far) {
			final int f = d - MAX_DISTANCE;
			out[op++] = (byte) 255;
			out[op++] = (byte) (f >> 8);
			out[op++] = (byte) f;
		}
		else {
			out[op++] = (byte) d;
		}
		return op;
	}

	private static int read32(final byte[] b, final int i) {
		return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
	}
}

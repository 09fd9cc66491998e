package org.cryoet.format.codec;

/**
 * Refuses an LZ4 block holding a match of offset 0, which the LZ4 block format
 * forbids but aircompressor's decoder (0.21, as Fiji ships it) copies from the
 * output position itself: the match then repeats whatever the destination
 * held before (another block's bytes, a reused buffer), so the same corrupt
 * frame would decode differently from one call to the next. Only tokens and
 * offsets are read, literals are skipped; anything else malformed is left to
 * the decoder, which reports it.
 */
final class Lz4Offsets {

	private Lz4Offsets() {}

	static void check(final byte[] in, final int off, final int len) throws CorruptDataException {
		final int end = off + len;
		int ip = off;
		while (ip < end) {
			final int token = in[ip++] & 0xff;
			long literals = token >>> 4;
			if (literals == 15) {
				int b;
				do {
					if (ip >= end) return;
					b = in[ip++] & 0xff;
					literals += b;
				}
				while (b == 255);
			}
			if (literals >= end - ip) return; // the last sequence: literals only (or a truncation the decoder reports)
			ip += (int) literals;
			if (end - ip < 2) return;
			if ((in[ip] | in[ip + 1]) == 0)
				throw new CorruptDataException("invalid LZ4 block in Blosc frame: a match at offset 0, byte " + (ip - off));
			ip += 2;
			if ((token & 15) == 15) {
				int b;
				do {
					if (ip >= end) return;
					b = in[ip++] & 0xff;
				}
				while (b == 255);
			}
		}
	}
}

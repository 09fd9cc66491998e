package org.cryoet.format.codec;

import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** numcodecs {@code zlib}: a zlib stream (RFC 1950); also used inside Blosc's zlib mode. */
public final class ZlibCodec implements Codec {

	private final int level;

	public ZlibCodec(final int level) {
		if (level < 0 || level > 9) throw new IllegalArgumentException("zlib level must be 0..9, got " + level);
		this.level = level;
	}

	@Override
	public byte[] decode(final byte[] encoded, final int expectedSize) throws CorruptDataException {
		return inflate(encoded, 0, encoded.length, expectedSize, false);
	}

	@Override
	public byte[] encode(final byte[] raw, final int typeSize) {
		return deflate(raw, 0, raw.length, level, false);
	}

	@Override
	public String toJson() {
		return "{\"id\": \"zlib\", \"level\": " + level + "}";
	}

	static byte[] inflate(final byte[] in, final int off, final int len, final int expectedSize, final boolean raw)
		throws CorruptDataException
	{
		final Inflater inflater = new Inflater(raw);
		try {
			inflater.setInput(in, off, len);
			final byte[] out = new byte[expectedSize];
			int n = 0;
			while (n < expectedSize) {
				final int got = inflater.inflate(out, n, expectedSize - n);
				if (got == 0 && (inflater.finished() || inflater.needsInput() || inflater.needsDictionary())) break;
				n += got;
			}
			if (n != expectedSize || !inflater.finished())
				throw new CorruptDataException("zlib stream decodes to " + (inflater.finished() ? n : "at least " + n) +
					" bytes, expected " + expectedSize);
			return out;
		}
		catch (final DataFormatException e) {
			throw new CorruptDataException("invalid zlib stream: " + e.getMessage(), e);
		}
		finally {
			inflater.end();
		}
	}

	static byte[] deflate(final byte[] in, final int off, final int len, final int level, final boolean raw) {
		final Deflater deflater = new Deflater(level, raw);
		try {
			deflater.setInput(in, off, len);
			deflater.finish();
			byte[] out = new byte[len + len / 1000 + 64];
			int n = 0;
			while (!deflater.finished()) {
				if (n == out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
				n += deflater.deflate(out, n, out.length - n);
			}
			return java.util.Arrays.copyOf(out, n);
		}
		finally {
			deflater.end();
		}
	}
}

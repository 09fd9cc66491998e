package org.cryoet.format.codec;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.zstd.ZstdCompressor;
import io.airlift.compress.zstd.ZstdDecompressor;

/**
 * numcodecs {@code zstd}: one Zstandard frame. Pure Java (aircompressor), so
 * nothing native has to load on a user's machine.
 */
public final class ZstdCodec implements Codec {

	private final int level;
	/** One per thread: a new one allocates its decoding tables, which cost more than a Blosc split's decoding. */
	private static final ThreadLocal<ZstdDecompressor> DECOMPRESSORS = ThreadLocal.withInitial(ZstdDecompressor::new);

	public ZstdCodec(final int level) {
		this.level = level;
	}

	@Override
	public byte[] decode(final byte[] encoded, final int expectedSize) throws CorruptDataException {
		final byte[] out = new byte[expectedSize];
		final int n = decompress(encoded, 0, encoded.length, out, 0, expectedSize);
		if (n != expectedSize)
			throw new CorruptDataException("zstd frame decodes to " + n + " bytes, expected " + expectedSize);
		return out;
	}

	@Override
	public byte[] encode(final byte[] raw, final int typeSize) {
		return compress(raw, 0, raw.length);
	}

	@Override
	public String toJson() {
		return "{\"id\": \"zstd\", \"level\": " + level + "}";
	}

	static int decompress(final byte[] in, final int off, final int len, final byte[] out, final int outOff,
		final int maxOut) throws CorruptDataException
	{
		try {
			return DECOMPRESSORS.get().decompress(in, off, len, out, outOff, maxOut);
		}
		catch (final MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
			throw new CorruptDataException("invalid zstd frame: " + e.getMessage(), e);
		}
	}

	static byte[] compress(final byte[] in, final int off, final int len) {
		final ZstdCompressor c = new ZstdCompressor();
		final byte[] out = new byte[c.maxCompressedLength(len)];
		final int n = c.compress(in, off, len, out, 0, out.length);
		return java.util.Arrays.copyOf(out, n);
	}
}

package org.cryoet.format.codec;

/** {@code "compressor": null}: chunks are stored as they are. */
public final class RawCodec implements Codec {

	@Override
	public byte[] decode(final byte[] encoded, final int expectedSize) throws CorruptDataException {
		if (encoded.length != expectedSize)
			throw new CorruptDataException("uncompressed chunk has " + encoded.length + " bytes, expected " + expectedSize);
		return encoded;
	}

	@Override
	public byte[] encode(final byte[] raw, final int typeSize) {
		return raw;
	}

	@Override
	public String toJson() {
		return null;
	}
}

package org.cryoet.format.codec;

import java.io.IOException;

/**
 * A byte-to-byte compressor as named by a Zarr v2 {@code compressor} object.
 * Implementations are stateless and safe to share between threads.
 */
public interface Codec {

	/**
	 * @param expectedSize the decoded size the caller needs; a codec whose
	 *          output differs throws {@link CorruptDataException}
	 */
	byte[] decode(byte[] encoded, int expectedSize) throws IOException;

	/** Decodes the first {@code length} bytes of {@code encoded} into {@code out} (whose length is the expected size). */
	default void decode(final byte[] encoded, final int length, final byte[] out) throws IOException {
		decode(length == encoded.length ? encoded : java.util.Arrays.copyOf(encoded, length), out);
	}

	/** Decodes into {@code out}, whose length is the expected size; lets hot paths reuse buffers. */
	default void decode(final byte[] encoded, final byte[] out) throws IOException {
		System.arraycopy(decode(encoded, out.length), 0, out, 0, out.length);
	}

	/**
	 * @param typeSize element size in bytes, a hint for shuffling codecs
	 */
	byte[] encode(byte[] raw, int typeSize) throws IOException;

	/** The Zarr v2 {@code compressor} JSON object, or {@code null} for raw storage. */
	String toJson();
}

package org.cryoet.format.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/** Sizes a stored chunk claims are checked before anything is allocated; bombs stop at the expected size + 1. */
class HostileChunkTest {

	private static byte[] header(final int flags, final int typeSize, final int nbytes, final int blockSize,
		final int cbytes)
	{
		final byte[] f = new byte[Math.max(cbytes, 16)];
		final ByteBuffer b = ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN);
		b.put(0, (byte) 2).put(1, (byte) 1).put(2, (byte) flags).put(3, (byte) typeSize);
		b.putInt(4, nbytes).putInt(8, blockSize).putInt(12, cbytes);
		return f;
	}

	/** Found by the ChunkCodec campaign: an empty frame with a negative block size reached an array allocation. */
	@Test
	void emptyFrameWithNegativeBlockSize() {
		final byte[] f = header(0, 255, 0, 0xbf000000, 26);
		final CorruptDataException e = assertThrows(CorruptDataException.class, () -> BloscCodec.decode(f, new byte[0], 4));
		assertTrue(e.getMessage().contains("invalid block size"), e.getMessage());
		final byte[] huge = header(0, 4, 0, Integer.MAX_VALUE, 26);
		assertThrows(CorruptDataException.class, () -> new BloscCodec(BloscCodec.Cname.LZ4, 5, 1).decode(huge, 0));
	}

	/**
	 * Found by the ChunkCodec campaign: block 3 of a shuffled LZ4 frame holds a match at offset 0, which
	 * aircompressor copies from the output position itself, so decodeRange (fresh scratch) and decode
	 * (the previous block's bytes in it) gave 7 different bytes. The block's output is zeroed before
	 * decoding: the frame now decodes the same by range, whole, and into a dirty buffer (the match's bytes
	 * are then the zeros and whatever the decoder's own wide literal copies left there, from this frame).
	 */
	@Test
	void lz4MatchAtOffsetZeroDecodesTheSameEverywhere() throws Exception {
		final byte[] seed = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(
			"src/test/resources/fuzz/ChunkCodec/regression-blosc-range-differs-from-decode"));
		final byte[] stored = java.util.Arrays.copyOfRange(seed, 3, seed.length);
		final byte[] part = new byte[512];
		BloscCodec.decodeRange(BloscRangeTest.ranges(stored, new java.util.concurrent.atomic.AtomicLong()), 4096, 3584,
			4096, part, 0);
		final byte[] whole = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1).decode(stored, 4096);
		org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(whole, 3584, 4096), part);
		final byte[] dirty = new byte[4096];
		java.util.Arrays.fill(dirty, (byte) 0x55);
		BloscCodec.decode(stored, dirty, 1);
		org.junit.jupiter.api.Assertions.assertArrayEquals(whole, dirty);
	}

	@Test
	void nbytesIsCheckedAgainstTheChunkBeforeAllocating() {
		final byte[] f = header(0, 4, Integer.MAX_VALUE, 1 << 20, 64);
		assertEquals("Blosc frame decodes to 2147483647 bytes, expected 4096", assertThrows(CorruptDataException.class,
			() -> new BloscCodec(BloscCodec.Cname.LZ4, 5, 1).decode(f, 4096)).getMessage());
	}

	@Test
	void blockSizeLargerThanTheDataIsRefused() {
		final byte[] f = header(0, 4, 4096, 8192, 64);
		assertThrows(CorruptDataException.class, () -> BloscCodec.decode(f, new byte[4096], 1));
	}

	@Test
	void typeSizeZeroIsRefused() {
		final byte[] f = header(0, 0, 4096, 4096, 64);
		assertTrue(assertThrows(CorruptDataException.class, () -> BloscCodec.decode(f, new byte[4096], 1)).getMessage()
			.contains("typesize 0"));
	}

	@Test
	void decompressionBombsStopAtTheExpectedSize() throws Exception {
		final byte[] zeros = new byte[64 << 20];
		for (final Codec c : new Codec[] { new ZlibCodec(9), new GzipCodec(9), new ZstdCodec(3) }) {
			final byte[] bomb = c.encode(zeros, 1);
			assertTrue(bomb.length < 1 << 20);
			final CorruptDataException e = assertThrows(CorruptDataException.class, () -> c.decode(bomb, 4096), c::toJson);
			// zlib and gzip say how far they got; aircompressor's zstd stops at the end of the output buffer.
			assertTrue(e.getMessage().contains("4096") || e.getMessage().contains("Output buffer too small"), e.getMessage());
		}
	}
}

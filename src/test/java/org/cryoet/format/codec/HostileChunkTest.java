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
	 * aircompressor copied from the scratch buffer's stale bytes, so decodeRange (fresh scratch) and
	 * decode (the previous block's bytes) gave 7 different bytes. Both now refuse the frame alike.
	 */
	@Test
	void lz4MatchAtOffsetZeroIsRefusedByRangeAndWhole() throws Exception {
		final byte[] seed = java.nio.file.Files.readAllBytes(java.nio.file.Paths.get(
			"src/test/resources/fuzz/ChunkCodec/regression-blosc-range-differs-from-decode"));
		final byte[] stored = java.util.Arrays.copyOfRange(seed, 3, seed.length);
		final BloscCodec.FrameRanges ranges = new BloscCodec.FrameRanges() {

			@Override
			public long size() {
				return stored.length;
			}

			@Override
			public byte[] read(final long offset, final int length) {
				return java.util.Arrays.copyOfRange(stored, (int) offset, (int) offset + length);
			}
		};
		final String expected = "invalid LZ4 block in Blosc frame: a match at offset 0, byte 35";
		assertEquals(expected, assertThrows(CorruptDataException.class, () -> BloscCodec.decodeRange(ranges, 4096, 3584,
			4096, new byte[512], 0)).getMessage());
		assertEquals(expected, assertThrows(CorruptDataException.class, () -> new BloscCodec(BloscCodec.Cname.LZ4, 5, 1)
			.decode(stored, 4096)).getMessage());
		// blocks 0 to 2 are sound and still decode by range
		BloscCodec.decodeRange(ranges, 4096, 0, 3072, new byte[3072], 0);
	}

	/** A match at offset 0 in any sequence, after long literal and match lengths, is found; offset 1 is fine. */
	@Test
	void lz4OffsetScanFollowsLengthExtensions() throws Exception {
		// token 0xff: 15+255+3 literals, offset, 15+255+0 extra match length, then 5 literals
		final byte[] lz4 = new byte[1 + 2 + 273 + 2 + 2 + 1 + 5];
		int p = 0;
		lz4[p++] = (byte) 0xff;
		lz4[p++] = (byte) 255;
		lz4[p++] = 3;
		p += 273;
		final int offsetAt = p;
		lz4[p++] = 1;
		lz4[p++] = 0;
		lz4[p++] = (byte) 255;
		lz4[p++] = 0;
		lz4[p++] = 0x50;
		Lz4Offsets.check(lz4, 0, lz4.length);
		lz4[offsetAt] = 0;
		assertEquals("invalid LZ4 block in Blosc frame: a match at offset 0, byte " + offsetAt, assertThrows(
			CorruptDataException.class, () -> Lz4Offsets.check(lz4, 0, lz4.length)).getMessage());
		// truncated streams are left to the decoder, without an exception from the scan
		for (int n = 0; n <= offsetAt + 1; n++)
			Lz4Offsets.check(lz4, 0, n);
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

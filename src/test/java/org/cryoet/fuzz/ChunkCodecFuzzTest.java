package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.Arrays;
import java.util.stream.Stream;

import org.cryoet.format.codec.BloscCodec;
import org.cryoet.format.codec.Codec;
import org.cryoet.format.codec.GzipCodec;
import org.cryoet.format.codec.ZlibCodec;
import org.cryoet.format.codec.ZstdCodec;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Stored chunks: Blosc frames (every compressor inside, whole and by range)
 * and zlib, gzip and zstd streams. An input is one selector byte, the
 * expected decoded size (two bytes, little-endian, times the element size in
 * the selector's high bits) and the stored bytes; see {@link SeedCorpus}.
 */
class ChunkCodecFuzzTest {

	static Stream<Arguments> seeds() {
		return Seeds.of("ChunkCodec");
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void chunkCodec(final byte[] data) {
		if (data.length < 3) return;
		final int selector = data[0] & 0xff;
		final int expected = ((data[1] & 0xff) | (data[2] & 0xff) << 8) << (selector >> 6);
		final byte[] stored = Arrays.copyOfRange(data, 3, data.length);
		switch (selector & 0x7) {
			case 0: decode(new BloscCodec(BloscCodec.Cname.LZ4, 5, 1), stored, expected); break;
			case 1: decode(new ZlibCodec(1), stored, expected); break;
			case 2: decode(new GzipCodec(1), stored, expected); break;
			case 3: decode(new ZstdCodec(1), stored, expected); break;
			case 4: range(stored, expected, selector); break;
			case 5: Hostile.parsedOrRefusedUnnamed(() -> BloscCodec.decode(stored, new byte[expected], 4)); break;
			default: decode(new BloscCodec(BloscCodec.Cname.ZSTD, 5, 2), stored, expected);
		}
	}

	private static void decode(final Codec codec, final byte[] stored, final int expected) {
		Hostile.parsedOrRefusedUnnamed(() -> {
			final byte[] out = codec.decode(stored, expected);
			Hostile.check(out.length == expected, "decoded " + out.length + " bytes, expected " + expected);
			final byte[] into = new byte[expected];
			codec.decode(stored, into);
			Hostile.check(Arrays.equals(out, into), "the two decode paths disagree");
			if (codec instanceof BloscCodec) {
				// block by block, as ZarrArray converts chunks: every byte handed over once, the same bytes
				final byte[] blocks = new byte[expected];
				final boolean[] seen = new boolean[expected];
				((BloscCodec) codec).decodeBlocks(stored, stored.length, expected, 4, 0, expected, (data, offset, start,
					length) -> {
					Hostile.check(start % 4 == 0 && (length % 4 == 0 || start + length == expected),
						"a block at " + start + "+" + length + " splits an element");
					for (int i = start; i < start + length; i++) {
						Hostile.check(!seen[i], "byte " + i + " handed over twice");
						seen[i] = true;
					}
					System.arraycopy(data, offset, blocks, start, length);
				});
				Hostile.check(Arrays.equals(out, blocks), "decodeBlocks disagrees with decode");
			}
		});
		if (codec instanceof BloscCodec) byParts((BloscCodec) codec, stored, expected);
	}

	/**
	 * Read by parts, as a local chunk file is: refused with our exception
	 * (its own checks fuzzed too), or every byte handed over once and the
	 * same bytes as the whole frame's decode, which must then succeed too.
	 */
	private static void byParts(final BloscCodec codec, final byte[] stored, final int expected) {
		Hostile.parsedOrRefusedUnnamed(() -> {
			final byte[] parts = new byte[expected];
			final boolean[] seen = new boolean[expected];
			codec.decodeBlocks(partsOf(stored), expected, 4, 0, expected, (data, offset, start, length) -> {
				Hostile.check(start % 4 == 0 && (length % 4 == 0 || start + length == expected), "a block at " + start +
					"+" + length + " splits an element");
				for (int i = start; i < start + length; i++) {
					Hostile.check(!seen[i], "byte " + i + " handed over twice");
					seen[i] = true;
				}
				System.arraycopy(data, offset, parts, start, length);
			});
			final byte[] whole;
			try {
				whole = codec.decode(stored, expected);
			}
			catch (final org.cryoet.format.codec.CorruptDataException e) {
				throw new AssertionError("decoded by parts but refused whole: " + e.getMessage(), e);
			}
			Hostile.check(Arrays.equals(whole, parts), "decodeBlocks by parts disagrees with decode");
		});
	}

	/** The stored bytes read by parts into the decoder's reused buffers, refusing reads outside them. */
	private static BloscCodec.FrameRanges partsOf(final byte[] stored) {
		return new BloscCodec.FrameRanges() {

			@Override
			public long size() {
				return stored.length;
			}

			@Override
			public byte[] read(final long offset, final int length) throws java.io.IOException {
				final byte[] b = new byte[length];
				read(offset, b, length);
				return b;
			}

			@Override
			public void read(final long offset, final byte[] dst, final int length) throws java.io.IOException {
				if (offset < 0 || length < 0 || offset + length > stored.length)
					throw new AssertionError("read " + offset + "+" + length + " past the frame's " + stored.length +
						" bytes");
				System.arraycopy(stored, (int) offset, dst, 0, length);
			}
		};
	}

	/** Decodes a sub-range chosen from the selector. */
	private static void range(final byte[] stored, final int expected, final int selector) {
		final int from = expected == 0 ? 0 : (selector >> 3 & 0x7) * expected / 8;
		final int to = Math.min(expected, from + 1 + expected / 3);
		Hostile.parsedOrRefusedUnnamed(() -> {
			final byte[] part = new byte[Math.max(0, to - from)];
			BloscCodec.decodeRange(new BloscCodec.FrameRanges() {

				@Override
				public long size() {
					return stored.length;
				}

				@Override
				public byte[] read(final long offset, final int length) throws org.cryoet.format.codec.CorruptDataException {
					if (offset < 0 || length < 0 || offset + length > stored.length)
						throw new org.cryoet.format.codec.CorruptDataException("read " + offset + "+" + length +
							" past the frame's " + stored.length + " bytes");
					return Arrays.copyOfRange(stored, (int) offset, (int) offset + length);
				}
			}, expected, from, to, part, 0);
			// Where the whole frame decodes too, both give the same bytes (a corrupt frame may be refused by
			// range alone: a block running into the next one's data). Found wanting once:
			// regression-blosc-range-differs-from-decode, an LZ4 match at offset 0.
			final byte[] whole;
			try {
				whole = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1).decode(stored, expected);
			}
			catch (final org.cryoet.format.codec.CorruptDataException e) {
				return;
			}
			Hostile.check(Arrays.equals(part, Arrays.copyOfRange(whole, from, to)), "bytes " + from + ".." + to +
				" decode differently by range and whole");
		});
	}
}

package org.cryoet.format.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import com.scalableminds.bloscjava.Blosc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our Blosc against real c-blosc 1.21.4 (JNI, test scope only): frames written
 * by c-blosc decode to the same bytes with ours, and frames we write decode
 * with c-blosc.
 */
class BloscCrossCheckTest {

	static Stream<Arguments> cases() {
		final List<Arguments> list = new ArrayList<>();
		for (final BloscCodec.Cname cname : BloscCodec.Cname.values())
			for (int shuffle = 0; shuffle <= 2; shuffle++)
				for (int typeSize = 1; typeSize <= 16; typeSize++)
					list.add(Arguments.of(cname, shuffle, typeSize));
		return list.stream();
	}

	/** Sizes that hit single blocks, leftover blocks and element leftovers. */
	private static final int[] SIZES = { 0, 1, 7, 100, 4096 + 3, 200_000, 1 << 20 };

	@ParameterizedTest(name = "{0} shuffle={1} typesize={2}")
	@MethodSource("cases")
	void cBloscFramesDecodeWithOurs(final BloscCodec.Cname cname, final int shuffle, final int typeSize)
		throws Exception
	{
		for (final int size : SIZES)
			for (final byte[] data : new byte[][] { random(size, typeSize), structured(size, typeSize) }) {
				final byte[] frame = Blosc.compress(data, typeSize, Blosc.Compressor.fromString(cname.id()), 5,
					Blosc.Shuffle.fromInt(shuffle));
				assertArrayEquals(data, new BloscCodec(cname, 5, shuffle).decode(frame, data.length),
					() -> "size " + data.length);
				assertArrayEquals(data, new BloscCodec(cname, 5, shuffle, 0, 2).decode(frame, data.length));
			}
	}

	@ParameterizedTest(name = "{0} shuffle={1} typesize={2}")
	@MethodSource("cases")
	void ourFramesDecodeWithCBlosc(final BloscCodec.Cname cname, final int shuffle, final int typeSize)
		throws Exception
	{
		for (final int size : SIZES)
			for (final byte[] data : new byte[][] { random(size, typeSize), structured(size, typeSize) }) {
				final byte[] frame = new BloscCodec(cname, 5, shuffle).encode(data, typeSize);
				if (size == 0) continue; // c-blosc's JNI wrapper cannot return an empty array
				assertArrayEquals(data, Blosc.decompress(frame), () -> "size " + data.length);
			}
	}

	static byte[] random(final int size, final int seed) {
		final byte[] b = new byte[size];
		new Random(seed).nextBytes(b);
		return b;
	}

	/** Smooth signal with noise in the low byte: compresses, as image data does. */
	static byte[] structured(final int size, final int typeSize) {
		final byte[] b = new byte[size];
		final Random r = new Random(typeSize * 31L);
		for (int i = 0; i < size; i++) {
			final int element = i / typeSize, k = i % typeSize;
			b[i] = (byte) (k == 0 ? r.nextInt(8) : k == 1 ? element / 64 : (element / 4096) & 3);
		}
		return b;
	}
}

package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.stream.Stream;

import org.cryoet.format.ngff.Multiscales;
import org.cryoet.format.zarr.ZarrArrayMetadata;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code .zarray} and OME-NGFF {@code .zattrs}: the same bytes go to both
 * parsers (seeds of either kind exercise their own), and what parses must be
 * usable as it stands.
 */
class ZarrMetadataFuzzTest {

	static Stream<Arguments> seeds() {
		return Seeds.of("ZarrMetadata");
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void zarrMetadata(final byte[] data) {
		Hostile.parsedOrRefused("tomo.zarr/0/.zarray", () -> valid(ZarrArrayMetadata.parse(data, "tomo.zarr/0/.zarray")));
		Hostile.parsedOrRefused("tomo.zarr/.zattrs", () -> valid(Multiscales.parse(data, "tomo.zarr/.zattrs")));
	}

	private static void valid(final ZarrArrayMetadata m) {
		Hostile.check(m.shape.length == m.chunks.length, "shape and chunks differ in length");
		long bytes = m.type().bytes();
		for (int d = 0; d < m.shape.length; d++) {
			Hostile.check(m.shape[d] >= 0, "negative shape");
			Hostile.check(m.chunks[d] > 0, "chunk size not positive");
			bytes = Math.multiplyExact(bytes, m.chunks[d]);
		}
		Hostile.check(bytes <= Integer.MAX_VALUE, "a chunk over 2 GiB was accepted");
		Hostile.check(m.chunkElements() * (long) m.type().bytes() == bytes, "chunkElements overflowed");
		m.gridShape();
	}

	private static void valid(final Multiscales m) {
		Hostile.check(!m.levels.isEmpty(), "no levels");
		for (final Multiscales.Level l : m.levels) {
			Hostile.check(SafeKeys.inside(l.path), "dataset path leaves the group: " + l.path);
			for (final double s : l.scale)
				Hostile.check(Double.isFinite(s) && s > 0, "scale " + s + " accepted");
			for (final double t : l.translation)
				Hostile.check(Double.isFinite(t), "translation " + t + " accepted");
			if (!m.axes.isEmpty()) Hostile.check(l.scale.length == m.axes.size(), "transform and axes differ");
		}
	}
}

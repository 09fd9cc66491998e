package org.cryoet.format.zarr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cryoet.image.ChunkCache;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Volume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.image.VolumeReader;
import org.cryoet.testutil.Checksums;
import org.cryoet.testutil.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture array and level (written by zarrita + numcodecs' C codecs) decodes to the manifest's checksum. */
class ZarrFixtureTest {

	static Stream<Arguments> levels() throws Exception {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonElement e : Fixtures.manifest().getAsJsonArray("zarr")) {
			final JsonObject z = e.getAsJsonObject();
			for (final JsonElement l : z.getAsJsonArray("levels"))
				out.add(Arguments.of(z.get("path").getAsString(), l.getAsJsonObject()));
		}
		return out.stream();
	}

	@ParameterizedTest(name = "{0} level {1}")
	@MethodSource("levels")
	void levelMatchesManifest(final String path, final JsonObject level) throws Exception {
		final MultiscaleVolume mv = new VolumeOpener(new ChunkCache(64 << 20)).open(Fixtures.fixtures().resolve(path));
		final int k = Integer.parseInt(level.get("path").getAsString());
		final Volume v = mv.level(k);
		assertArrayEquals(longs(level, "shape"), v.shape());
		assertArrayEquals(doubles(level, "scale"), mv.scales.get(k), 1e-9);
		for (final int threads : new int[] { 1, 2 }) {
			final Object data = VolumeReader.readAll(v, threads);
			assertEquals(level.get("sha256_le_c_order").getAsString(), Checksums.sha256LeC(v.type(), data));
		}
		// No cache: chunks are decoded straight into the destination, row by row.
		final Volume direct = new VolumeOpener(new ChunkCache(0)).open(Fixtures.fixtures().resolve(path)).level(k);
		assertEquals(level.get("sha256_le_c_order").getAsString(), Checksums.sha256LeC(v.type(), VolumeReader.readAll(
			direct, 2)));
		final long[] s = v.shape();
		final int[] box = { (int) Math.min(5, s[0]), (int) Math.min(7, s[1]), (int) Math.min(9, s[2]) };
		final long[] at = { s[0] - box[0], s[1] / 3, s[2] - box[2] };
		final Object a = v.type().allocate(box[0] * box[1] * box[2]), b = v.type().allocate(box[0] * box[1] * box[2]);
		v.read(at, box, a);
		direct.read(at, box, b);
		assertEquals(Checksums.sha256LeC(v.type(), a), Checksums.sha256LeC(v.type(), b), "an unaligned box");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("levels")
	void eachLevelOpensAsABareArrayToo(final String path, final JsonObject level) throws Exception {
		final Path dir = Fixtures.fixtures().resolve(path).resolve(level.get("path").getAsString());
		final MultiscaleVolume mv = new VolumeOpener(new ChunkCache(64 << 20)).open(dir);
		assertEquals(1, mv.levels.size());
		assertArrayEquals(doubles(level, "scale"), mv.scales.get(0), 1e-9, "scale is taken from the parent group");
		assertTrue(mv.notes.isEmpty());
	}

	static long[] longs(final JsonObject o, final String k) {
		final List<Long> l = new ArrayList<>();
		o.getAsJsonArray(k).forEach(x -> l.add(x.getAsLong()));
		return l.stream().mapToLong(Long::longValue).toArray();
	}

	static double[] doubles(final JsonObject o, final String k) {
		final List<Double> l = new ArrayList<>();
		o.getAsJsonArray(k).forEach(x -> l.add(x.getAsDouble()));
		return l.stream().mapToDouble(Double::doubleValue).toArray();
	}
}

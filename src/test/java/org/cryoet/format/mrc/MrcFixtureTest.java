package org.cryoet.format.mrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cryoet.format.DataType;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.MrcVolume;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.image.VolumeReader;
import org.cryoet.testutil.Checksums;
import org.cryoet.testutil.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real MRC files from other tools and repositories: header fields and data against the manifest. */
class MrcFixtureTest {

	static Stream<Arguments> files() throws Exception {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonElement e : Fixtures.manifest().getAsJsonArray("mrc"))
			out.add(Arguments.of(e.getAsJsonObject().get("file").getAsString(), e.getAsJsonObject()));
		return out.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void headerAndDataMatchManifest(final String file, final JsonObject m) throws Exception {
		try (MrcReader r = MrcReader.open(Fixtures.fixtures().resolve(file))) {
			final MrcHeader h = r.header();
			for (final String k : new String[] { "mode", "nx", "ny", "nz", "mx", "my", "mz", "nxstart", "nystart", "nzstart",
				"mapc", "mapr", "maps", "ispg", "nsymbt", "nversion" })
				assertEquals(m.get(k).getAsInt(), field(h, k), k);
			assertEquals(m.get("endianness").getAsString().equals("little") ? ByteOrder.LITTLE_ENDIAN
				: ByteOrder.BIG_ENDIAN, h.order);
			assertArrayEquals(floats(m, "cella"), h.cella);
			assertArrayEquals(floats(m, "cellb"), h.cellb);
			assertArrayEquals(floats(m, "origin"), h.origin);
			assertEquals(m.get("dmin").getAsFloat(), h.dmin);
			assertEquals(m.get("dmax").getAsFloat(), h.dmax);
			assertEquals(m.get("dmean").getAsFloat(), h.dmean);
			assertEquals(m.get("rms").getAsFloat(), h.rms);
			assertEquals(m.get("data_offset").getAsLong(), h.dataOffset());
			assertEquals(m.get("data_nbytes").getAsLong(), h.dataBytes());
			assertEquals(m.get("nlabl").getAsInt(), h.labels.length);
			final double[] vs = h.voxelSize();
			final JsonElement mv = m.get("voxel_size");
			for (int i = 0; i < 3; i++) {
				final double expected = mv.getAsJsonArray().get(i).getAsDouble();
				if (expected == 0) assertTrue(Double.isNaN(vs[i]), "cella 0 leaves the voxel size undefined");
				else assertEquals(expected, vs[i], 1e-9 * expected);
			}
			final MessageDigest md = Checksums.digest();
			r.forEachDataRange(1000, md::update);
			assertEquals(m.get("data_block_sha256").getAsString(), Checksums.hex(md.digest()));
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("files")
	void volumeHasTheDataComputedStatistics(final String file, final JsonObject m) throws Exception {
		final MultiscaleVolume mv = new VolumeOpener(new ChunkCache(1 << 20)).open(Fixtures.fixtures().resolve(file));
		final Object data = VolumeReader.readAll(mv.level(0), 2);
		final DataType t = mv.level(0).type();
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
		final int n = java.lang.reflect.Array.getLength(data);
		for (int i = 0; i < n; i++) {
			// The manifest's statistics are numpy's, which reads mode 0 as signed bytes.
			final double v = t == DataType.UINT8 ? ((byte[]) data)[i] : t.get(data, i);
			min = Math.min(min, v);
			max = Math.max(max, v);
			sum += v;
		}
		final JsonObject c = m.getAsJsonObject("data_computed");
		assertEquals(c.get("max").getAsDouble(), max, 1e-6 * Math.max(1, Math.abs(max)), "max");
		assertEquals(c.get("min").getAsDouble(), min, 1e-6 * Math.max(1, Math.abs(min)), "min");
		assertEquals(c.get("mean").getAsDouble(), sum / n, 1e-5 * Math.max(1, Math.abs(sum / n)), "mean");
	}

	@Test
	void oldUnsignedBytesAreReadAsUnsignedAndSaidSo() throws Exception {
		final Path f = Fixtures.fixtures().resolve("mrc/portal_unsigned_ints.mrc");
		final MultiscaleVolume mv = new VolumeOpener(new ChunkCache(1 << 20)).open(f);
		assertEquals(DataType.UINT8, mv.level(0).type());
		assertEquals(1, mv.notes.size());
		assertTrue(mv.notes.get(0).contains("unsigned"));
		final MultiscaleVolume signed = new VolumeOpener(new ChunkCache(1 << 20)).open(Fixtures.fixtures().resolve(
			"mrc/portal_signed_ints.mrc"));
		assertEquals(DataType.INT8, signed.level(0).type());
	}

	/** mapc/mapr/maps = 3,1,2: columns run along Z, rows along X, sections along Y. */
	@Test
	void permutedAxesAreReorderedToZyx() throws Exception {
		final Path f = Fixtures.fixtures().resolve("mrc/mrcfile_EMD-3001.map");
		final MultiscaleVolume mv = new VolumeOpener(new ChunkCache(1 << 20)).open(f);
		final MrcVolume v = (MrcVolume) mv.level(0);
		final MrcHeader h = v.reader().header();
		assertArrayEquals(new long[] { h.nx, h.nz, h.ny }, v.shape(), "Z = columns, Y = sections, X = rows");
		final float[] vol = (float[]) VolumeReader.readAll(v, 1);
		final ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
		final long[] shape = v.shape();
		for (int s = 0; s < h.nz; s++)
			for (int r = 0; r < h.ny; r++)
				for (int c = 0; c < h.nx; c++) {
					final float stored = raw.getFloat((int) h.dataOffset() + 4 * ((s * h.ny + r) * h.nx + c));
					final int z = c, y = s, x = r;
					assertEquals(stored, vol[(int) ((z * shape[1] + y) * shape[2] + x)]);
				}
		final double[] zyx = mv.scales.get(0);
		final double[] xyz = h.voxelSize();
		assertArrayEquals(new double[] { xyz[2], xyz[1], xyz[0] }, zyx, 1e-12);
	}

	private static float[] floats(final JsonObject o, final String k) {
		final float[] f = new float[3];
		for (int i = 0; i < 3; i++)
			f[i] = o.getAsJsonArray(k).get(i).getAsFloat();
		return f;
	}

	private static int field(final MrcHeader h, final String name) throws Exception {
		return MrcHeader.class.getField(name).getInt(h);
	}
}

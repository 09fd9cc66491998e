package org.cryoet.format.mrc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.image.VolumeReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Our MRC writer and reader: every mode, both byte orders, extended headers, statistics. */
class MrcRoundTripTest {

	@TempDir
	Path tmp;

	@ParameterizedTest
	@EnumSource(value = DataType.class, names = { "INT8", "INT16", "FLOAT32", "UINT16", "FLOAT16" })
	void everyModeRoundTrips(final DataType t) throws Exception {
		final long[] shape = { 3, 5, 7 };
		final int n = 105;
		final Object data = t.allocate(n);
		double sum = 0, sumSq = 0, min = Double.MAX_VALUE, max = -Double.MAX_VALUE;
		for (int i = 0; i < n; i++) {
			t.set(data, i, t.isSigned() ? i - 50 : i * 300);
			final double v = t.get(data, i);
			sum += v;
			sumSq += v * v;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		final Path f = tmp.resolve("a.mrc");
		try (MrcWriter w = new MrcWriter(f, t, shape, new double[] { 1.5, 2.5, 3.5 }, "test")) {
			w.write(data, n);
			w.finish();
		}
		assertEquals(1024 + n * t.bytes(), Files.size(f));
		try (MrcReader r = MrcReader.open(f)) {
			final MrcHeader h = r.header();
			assertEquals(MrcMode.of(t), h.mode);
			assertEquals(20140, h.nversion);
			assertEquals("MRCO", h.exttyp);
			assertArrayEquals(new double[] { 1.5, 2.5, 3.5 }, h.voxelSize(), 1e-6);
			assertEquals(min, h.dmin, 1e-6);
			assertEquals(max, h.dmax, 1e-6);
			assertEquals(sum / n, h.dmean, 1e-4);
			assertEquals(Math.sqrt(sumSq / n - (sum / n) * (sum / n)), h.rms, 1e-3);
			final Object back = t.allocate(n);
			r.read(new long[3], new int[] { 3, 5, 7 }, back);
			for (int i = 0; i < n; i++)
				assertEquals(t.get(data, i), t.get(back, i));
		}
	}

	@Test
	void bigEndianFilesAndExtendedHeadersAreRead() throws Exception {
		final int nx = 4, ny = 3, nz = 2, ext = 92;
		final ByteBuffer b = ByteBuffer.allocate(1024 + ext + nx * ny * nz * 2).order(ByteOrder.BIG_ENDIAN);
		b.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, 1);
		b.putInt(28, nx).putInt(32, ny).putInt(36, nz);
		b.putFloat(40, 8).putFloat(44, 6).putFloat(48, 4);
		b.putInt(64, 1).putInt(68, 2).putInt(72, 3).putInt(92, ext);
		b.put(212, (byte) 0x11).put(213, (byte) 0x11);
		for (int i = 0; i < nx * ny * nz; i++)
			b.putShort(1024 + ext + 2 * i, (short) (i * 1000 - 7000));
		final Path f = tmp.resolve("be.mrc");
		Files.write(f, b.array());
		final MultiscaleVolume mv = new VolumeOpener(new ChunkCache(1 << 20)).open(f);
		assertEquals(DataType.INT16, mv.level(0).type());
		assertArrayEquals(new long[] { nz, ny, nx }, mv.level(0).shape());
		assertArrayEquals(new double[] { 2, 2, 2 }, mv.scales.get(0), 0);
		final short[] v = (short[]) VolumeReader.readAll(mv.level(0), 1);
		for (int i = 0; i < v.length; i++)
			assertEquals(i * 1000 - 7000, v[i]);
		// A box that is not whole rows
		final short[] box = new short[2 * 2];
		mv.level(0).read(new long[] { 1, 1, 1 }, new int[] { 1, 2, 2 }, box);
		assertArrayEquals(new short[] { (short) (17 * 1000 - 7000), (short) (18 * 1000 - 7000), (short) (21 * 1000 -
			7000), (short) (22 * 1000 - 7000) }, box);
	}

	@Test
	void axisMapThatIsNoPermutationIsRejected() throws Exception {
		final ByteBuffer b = ByteBuffer.allocate(1024 + 8).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(0, 2).putInt(4, 2).putInt(8, 2).putInt(12, 0).putInt(64, 1).putInt(68, 1).putInt(72, 3);
		b.put(212, (byte) 0x44);
		final Path f = tmp.resolve("map.mrc");
		Files.write(f, b.array());
		final FormatException e = assertThrows(FormatException.class, () -> MrcReader.open(f));
		assertTrue(e.getMessage().startsWith(f.toString()) && e.getMessage().contains("not a permutation"));
	}
}

package org.cryoet.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.format.mrc.MrcHeader;
import org.cryoet.format.mrc.MrcReader;
import org.cryoet.format.mrc.MrcWriter;
import org.cryoet.format.zarr.ZarrArrayMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sizes a header claims are checked with exact arithmetic before anything is allocated; voxel sizes make sense. */
class HostileFilesTest {

	@TempDir
	Path tmp;

	@Test
	void zarrayChunksThatOverflowAreRefused() {
		final String json = "{\"zarr_format\": 2, \"shape\": [1, 1, 1], \"chunks\": [2147483647, 2147483647, 2147483647], " +
			"\"dtype\": \"<f4\", \"compressor\": null, \"order\": \"C\", \"fill_value\": 0}";
		final FormatException e = assertThrows(FormatException.class, () -> ZarrArrayMetadata.parse(json.getBytes(
			StandardCharsets.UTF_8), "a/.zarray"));
		assertTrue(e.getMessage().startsWith("a/.zarray: shape [1, 1, 1] in chunks of [2147483647, 2147483647, " +
			"2147483647] is too large"), e.getMessage());
		final String huge = json.replace("[1, 1, 1]", "[9223372036854775807, 2, 2]").replace(
			"[2147483647, 2147483647, 2147483647]", "[1, 1, 1]");
		assertThrows(FormatException.class, () -> ZarrArrayMetadata.parse(huge.getBytes(StandardCharsets.UTF_8), "a/.zarray"));
	}

	private Path mrc(final int offset, final int value) throws Exception {
		final Path f = tmp.resolve("v" + offset + "-" + value + ".mrc");
		try (MrcWriter w = new MrcWriter(f, DataType.FLOAT32, new long[] { 2, 2, 2 }, new double[] { 10, 10, 10 }, "t")) {
			w.write(new float[8], 8);
			w.finish();
		}
		final byte[] b = Files.readAllBytes(f);
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
		Files.write(f, b);
		return f;
	}

	@Test
	void anExtendedHeaderLargerThanTheFileIsRefusedBeforeReading() throws Exception {
		final Path f = mrc(92, Integer.MAX_VALUE);
		final FormatException e = assertThrows(FormatException.class, () -> MrcReader.open(f));
		assertEquals(f + ": truncated MRC file (1056 bytes, header needs " + (1024L + Integer.MAX_VALUE + 32) + ")", e
			.getMessage());
		assertTrue(assertThrows(FormatException.class, () -> MrcReader.open(mrc(92, -5))).getMessage().contains(
			"negative extended header size -5"));
	}

	@Test
	void voxelSizesThatAreNotFiniteAndPositiveAreUnknown() throws Exception {
		for (final float bad : new float[] { Float.NaN, Float.POSITIVE_INFINITY, -10, 0 })
			try (MrcReader r = MrcReader.open(mrc(40, Float.floatToIntBits(bad)))) {
				final double[] v = r.header().voxelSize();
				assertTrue(Double.isNaN(v[0]), bad + " gave " + v[0]);
				assertEquals(10, v[1], 1e-6);
			}
	}

	@Test
	void theIssuesScaleIsNeverWrittenIntoAnMrcHeader() {
		final Path f = tmp.resolve("out.mrc");
		final FormatException e = assertThrows(FormatException.class, () -> new MrcWriter(f, DataType.FLOAT32, new long[] {
			2, 2, 2 }, new double[] { -10, Double.NaN, 0 }, "t"));
		assertEquals(f + ": voxel size [-10.0, NaN, 0.0] is not finite and positive; an MRC header cannot carry it", e
			.getMessage());
		assertFalse(Files.exists(f));
	}

	@Test
	void mrcHeaderDimensionsAreBounded() throws Exception {
		final Path f = mrc(8, 1 << 21);
		assertTrue(assertThrows(FormatException.class, () -> MrcReader.open(f)).getMessage().contains("not an MRC file"));
		assertEquals(MrcHeader.SIZE, 1024);
	}
}

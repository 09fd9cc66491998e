package org.cryoet.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ij.IJ;
import ij.ImagePlus;
import ij.measure.Calibration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.cryoet.format.mrc.MrcReader;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;
import org.cryoet.image.VolumeOpener;
import org.cryoet.sample.SampleData;
import org.cryoet.testutil.Fixtures;
import org.cryoet.ui.ImageJTiffExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Voxel sizes survive every conversion as exactly as the output format
 * allows: TIFFs reopened by ImageJ itself, OME-Zarr scales read back, MRC
 * cella as float32; an MRC input's float32 noise (13.47999996609158) is the
 * portal's 3-decimal value (13.48) in every output, as from the Zarr.
 */
class CalibrationRoundTripTest {

	@TempDir
	Path tmp;

	static Stream<Arguments> inputs() throws Exception {
		final List<Arguments> out = new ArrayList<>();
		for (final JsonElement e : Fixtures.manifest().getAsJsonArray("zarr"))
			out.add(Arguments.of(e.getAsJsonObject().get("path").getAsString()));
		for (final JsonElement e : Fixtures.manifest().getAsJsonArray("mrc")) {
			final JsonObject o = e.getAsJsonObject();
			final String path = o.has("path") ? o.get("path").getAsString() : o.get("file").getAsString();
			out.add(Arguments.of(path));
		}
		return out.stream();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("inputs")
	void everyFixtureVoxelSizeRoundTrips(final String path) throws Exception {
		final Path in = Fixtures.fixtures().resolve(path);
		final MultiscaleVolume v;
		try {
			v = new VolumeOpener(new ChunkCache(1 << 24)).open(in);
		}
		catch (final java.io.IOException e) {
			org.junit.jupiter.api.Assumptions.abort("not a volume we convert: " + e.getMessage());
			return;
		}
		final double[] expected = VoxelSizes.snap(v.scales.get(0));
		checkAllOutputs(in, expected, v.level(0).shape());
	}

	@Test
	void theSampleFromMrcAndFromZarrGiveTheSameExactCalibration(@TempDir final Path sample) throws Exception {
		SampleData.ensure(sample);
		final double[] portal = { SampleData.VOXEL, SampleData.VOXEL, SampleData.VOXEL };
		checkAllOutputs(sample.resolve(SampleData.MRC), portal, null);
		checkAllOutputs(sample.resolve(SampleData.ZARR), portal, null);
	}

	private void checkAllOutputs(final Path in, final double[] zyx, final long[] shape) throws Exception {
		final Path dir = Files.createTempDirectory(tmp, "out");
		if (shape == null || shape.length == 3) {
			final Path tif = dir.resolve("out.tif");
			convert(in, tif);
			final ImagePlus imp = IJ.openImage(tif.toString());
			final Calibration c = imp.getCalibration();
			assertEquals("\u00c5", c.getUnit(), in + " TIFF unit");
			assertEquals(zyx[2], c.pixelWidth, tiffTolerance(zyx[2]), in + " TIFF pixel width");
			assertEquals(zyx[1], c.pixelHeight, tiffTolerance(zyx[1]), in + " TIFF pixel height");
			if (imp.getStackSize() > 1) assertEquals(zyx[0], c.pixelDepth, 0, in + " TIFF pixel depth");

			final Path zarr = dir.resolve("out.zarr");
			convert(in, zarr);
			final double[] back = new VolumeOpener(new ChunkCache(1 << 20)).open(zarr).scales.get(0);
			for (int d = 0; d < 3; d++)
				assertEquals(zyx[d], back[d], 0, in + " OME-Zarr scale " + d);

			final Path mrc = dir.resolve("out.mrc");
			convert(in, mrc);
			try (MrcReader r = MrcReader.open(mrc)) {
				final int[] n = { r.header().mx, r.header().my, r.header().mz };
				for (int i = 0; i < 3; i++)
					assertEquals((float) (zyx[2 - i] * n[i]), r.header().cella[i], 0, in + " MRC cella " + i);
			}
		}
	}

	/**
	 * ImageJ reads a TIFF's pixel width as 1 / (pixels per unit). Some doubles are
	 * no such reciprocal (14.08: 1/x is 14.079999999999998 or 14.080000000000002
	 * for the two nearest x); for those the format allows one ulp, else exact.
	 */
	static double tiffTolerance(final double v) {
		double x = 1.0 / v;
		for (int k = 0; k < 40; k++)
			x = Math.nextDown(x);
		for (int k = 0; k < 80; k++, x = Math.nextUp(x))
			if (1.0 / x == v) return 0;
		return Math.ulp(v);
	}

	private static void convert(final Path in, final Path out) throws java.io.IOException {
		new VolumeConverter(new ChunkCache(1 << 24), 2, null).register(".tif", new ImageJTiffExport(2)).convert(in, 0,
			out, false, Progress.NONE);
	}
}

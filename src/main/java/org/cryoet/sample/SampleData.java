package org.cryoet.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Random;

import org.cryoet.store.AtomicOutput;
import org.cryoet.convert.MrcExport;
import org.cryoet.convert.OmeZarrExport;
import org.cryoet.format.DataType;
import org.cryoet.image.ArrayVolume;
import org.cryoet.image.Downsampling;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;

/**
 * The built-in sample: a small synthetic tomogram in the portal's style
 * (float32, 13.48 Å voxels, a gradient, dense "particles" and noise), written
 * by our own writers as a 3-level OME-Zarr and an MRC.
 */
public final class SampleData {

	public static final String ZARR = "TS_sample.zarr";
	public static final String MRC = "TS_sample.mrc";
	public static final double VOXEL = 13.48;
	/** z, y, x */
	public static final int[] SHAPE = { 72, 128, 112 };

	private SampleData() {}

	/** Writes the sample into {@code dir} unless it is there already; returns a line saying where it is. */
	public static String ensure(final Path dir) throws IOException {
		Files.createDirectories(dir);
		final MultiscaleVolume v = volume();
		if (!Files.exists(dir.resolve(ZARR)))
			AtomicOutput.write(dir.resolve(ZARR), false, tmp -> new OmeZarrExport(2, Downsampling.MEAN).export(v, 0, tmp,
				Progress.NONE));
		if (!Files.exists(dir.resolve(MRC)))
			AtomicOutput.write(dir.resolve(MRC), false, tmp -> new MrcExport(2).export(v, 0, tmp, Progress.NONE));
		for (final boolean seed : new boolean[] { false, true })
			if (!Files.exists(dir.resolve(SamplePortalRun.root(seed))))
				AtomicOutput.write(dir.resolve(SamplePortalRun.root(seed)), false, tmp -> SamplePortalRun.write(tmp, seed));
		return "sample dataset: " + dir.resolve(ZARR) + ", " + dir.resolve(MRC) + ", and a portal run in both layouts: " +
			SamplePortalRun.runFolder(dir, false) + " (current) and " + SamplePortalRun.runFolder(dir, true) + " (seed)";
	}

	/** The sample's particles: z, y, x (voxel centres) and radius in voxels. */
	public static double[][] particles() {
		return particles(new Random(10000));
	}

	private static double[][] particles(final Random r) {
		final int nz = SHAPE[0], ny = SHAPE[1], nx = SHAPE[2];
		final double[][] centres = new double[PARTICLES][];
		for (int p = 0; p < PARTICLES; p++)
			centres[p] = new double[] { 8 + r.nextInt(nz - 16), 8 + r.nextInt(ny - 16), 8 + r.nextInt(nx - 16), 3 + r
				.nextInt(4) };
		return centres;
	}

	public static final int PARTICLES = 24;

	public static MultiscaleVolume volume() {
		final int nz = SHAPE[0], ny = SHAPE[1], nx = SHAPE[2];
		final float[] data = new float[nz * ny * nx];
		final Random r = new Random(10000);
		final double[][] centres = particles(r);
		int i = 0;
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					double v = (2.0 * x + 3.0 * y - z) / 128.0 + r.nextGaussian() * 0.5;
					for (final double[] c : centres) {
						final double dz = z - c[0], dy = y - c[1], dx = x - c[2];
						if (dz * dz + dy * dy + dx * dx <= c[3] * c[3]) v += 4;
					}
					data[i] = (float) v;
				}
		return new MultiscaleVolume("TS_sample", Collections.singletonList(new ArrayVolume(DataType.FLOAT32, SHAPE, data,
			"sample")), Collections.singletonList(new double[] { VOXEL, VOXEL, VOXEL }), Collections.singletonList(
				new double[3]), false, Collections.emptyList());
	}
}

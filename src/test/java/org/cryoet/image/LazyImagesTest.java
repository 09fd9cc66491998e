package org.cryoet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;

import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lazy ImgLib2 views of both formats agree with a full read, under concurrency and a tiny cache. */
class LazyImagesTest {

	@TempDir
	Path dir;

	@Test
	void zarrAndMrcViewsAgreeWithTheFullRead() throws Exception {
		SampleData.ensure(dir);
		final ChunkCache tiny = new ChunkCache(200_000); // smaller than the volume: forces eviction
		final MultiscaleVolume zarr = new VolumeOpener(tiny).open(dir.resolve(SampleData.ZARR));
		final MultiscaleVolume mrc = new VolumeOpener(tiny).open(dir.resolve(SampleData.MRC));
		final float[] expected = (float[]) VolumeReader.readAll(mrc.level(0), 1);
		final int[] s = SampleData.SHAPE;
		for (final MultiscaleVolume mv : new MultiscaleVolume[] { zarr, mrc }) {
			final RandomAccessibleInterval<FloatType> img = LazyImages.of(mv.level(0), tiny);
			assertEquals(s[2], img.dimension(0));
			assertEquals(s[0], img.dimension(2));
			final ExecutorService pool = Executors.newFixedThreadPool(4);
			final List<Future<?>> fs = new ArrayList<>();
			for (int t = 0; t < 4; t++) {
				final int first = t;
				fs.add(pool.submit(() -> {
					final RandomAccess<FloatType> ra = img.randomAccess();
					for (int z = first; z < s[0]; z += 4)
						for (int y = 0; y < s[1]; y++)
							for (int x = 0; x < s[2]; x++) {
								ra.setPosition(new long[] { x, y, z });
								assertEquals(expected[(z * s[1] + y) * s[2] + x], ra.get().get());
							}
					return null;
				}));
			}
			for (final Future<?> f : fs)
				f.get();
			pool.shutdown();
			assertTrue(tiny.usedBytes() <= tiny.budget());
		}
		final double[] affine = zarr.transform(2).toXyzAffine();
		assertEquals(4 * SampleData.VOXEL, affine[0], 1e-9);
		assertEquals(4 * SampleData.VOXEL, affine[10], 1e-9);
	}
}

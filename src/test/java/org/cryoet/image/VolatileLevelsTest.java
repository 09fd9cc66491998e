package org.cryoet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.type.volatiles.VolatileFloatType;

import org.cryoet.format.DataType;
import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Volatile levels never block, become valid with the right values, and load coarse levels first. */
class VolatileLevelsTest {

	@TempDir
	Path dir;

	@Test
	void cellsAreInvalidUntilLoadedThenExact() throws Exception {
		SampleData.ensure(dir);
		final ChunkCache cache = new ChunkCache(64 << 20);
		try (MultiscaleVolume mv = new VolumeOpener(cache).open(dir.resolve(SampleData.ZARR));
			VolatileLevels levels = new VolatileLevels(mv, cache, m -> {}))
		{
			assertEquals(3, levels.numLevels());
			for (int l = 0; l < 3; l++) {
				final float[] expected = (float[]) VolumeReader.readAll(mv.level(l), 1);
				final long[] s = mv.level(l).shape();
				final RandomAccessibleInterval<VolatileFloatType> img = levels.level(l);
				assertEquals(s[2], img.dimension(0));
				assertEquals(s[0], img.dimension(2));
				final RandomAccess<VolatileFloatType> ra = img.randomAccess();
				final long[] at = { s[2] - 1, s[1] / 2, s[0] - 1 };
				final long deadline = System.nanoTime() + 10_000_000_000L;
				ra.setPosition(at);
				while (!ra.get().isValid() && System.nanoTime() < deadline) {
					Thread.sleep(5);
					ra.setPosition(new long[3]); // leave the cell, so the next visit asks the cache again
					ra.setPosition(at);
				}
				assertTrue(ra.get().isValid(), "level " + l + " never loaded");
				assertEquals(expected[(int) ((at[2] * s[1] + at[1]) * s[2] + at[0])], ra.get().get().get());
			}
		}
	}

	@Test
	void theCoarsestLevelCanBeLoadedUpFrontAndNothingIsWritable() throws Exception {
		SampleData.ensure(dir);
		final ChunkCache cache = new ChunkCache(64 << 20);
		try (MultiscaleVolume mv = new VolumeOpener(cache).open(dir.resolve(SampleData.MRC));
			VolatileLevels levels = new VolatileLevels(mv, cache, m -> {}))
		{
			levels.loadCoarsest();
			final RandomAccess<VolatileFloatType> ra = levels.<VolatileFloatType> level(0).randomAccess();
			ra.setPosition(new long[] { 3, 4, 5 });
			assertTrue(ra.get().isValid());
			assertThrows(UnsupportedOperationException.class, () -> ra.get().get().set(1f));
			final RandomAccess<FloatType> plain = LazyImages.<FloatType> of(mv.level(0), cache).randomAccess();
			assertThrows(UnsupportedOperationException.class, () -> plain.get().set(1f));
		}
	}

	@Test
	void coarseLevelsLoadBeforeFineOnesAndAFailureBecomesZerosReportedOnce() throws Exception {
		final List<String> order = Collections.synchronizedList(new ArrayList<>());
		final List<String> failures = Collections.synchronizedList(new ArrayList<>());
		final List<Volume> vols = new ArrayList<>();
		final List<double[]> scales = new ArrayList<>(), translations = new ArrayList<>();
		for (int l = 0; l < 3; l++) {
			final int level = l;
			final int n = 8 >> l;
			final Volume inner = new ArrayVolume(DataType.FLOAT32, new int[] { n, n, n }, new float[n * n * n], "l" + l);
			vols.add(new Volume() {

				@Override
				public DataType type() {
					return DataType.FLOAT32;
				}

				@Override
				public long[] shape() {
					return inner.shape();
				}

				@Override
				public int[] blockShape() {
					return new int[] { 2, 2, 2 };
				}

				@Override
				public void read(final long[] offset, final int[] size, final Object dst, final int[] dstShape,
					final int[] dstPos) throws IOException
				{
					order.add("l" + level);
					try {
						Thread.sleep(5); // slow enough that requests queue up, as they do behind a real disk
					}
					catch (final InterruptedException e) {
						throw new java.io.InterruptedIOException();
					}
					if (level == 0) throw new IOException("disk on fire");
					inner.read(offset, size, dst, dstShape, dstPos);
				}

				@Override
				public String describe() {
					return "l" + level;
				}
			});
			scales.add(new double[] { 1 << l, 1 << l, 1 << l });
			translations.add(new double[3]);
		}
		final MultiscaleVolume mv = new MultiscaleVolume("v", vols, scales, translations, false, Collections.emptyList());
		final ChunkCache cache = new ChunkCache(1 << 20);
		try (VolatileLevels levels = new VolatileLevels(mv, cache, failures::add)) {
			// Ask for every cell of every level, finest first as a viewer does, then let the loaders run.
			for (int l = 0; l < 3; l++) {
				final RandomAccess<VolatileFloatType> ra = levels.<VolatileFloatType> level(l).randomAccess();
				final int n = 8 >> l;
				for (int z = 0; z < n; z += 2)
					for (int y = 0; y < n; y += 2)
						for (int x = 0; x < n; x += 2) {
							ra.setPosition(new long[] { x, y, z });
							assertFalse(ra.get().isValid());
						}
			}
			final long deadline = System.nanoTime() + 10_000_000_000L;
			while (levels.pendingLoads() > 0 && System.nanoTime() < deadline)
				Thread.sleep(5);
			Thread.sleep(100);
			// Apart from the few the loaders took while the finest level was still being asked for,
			// every coarse cell loads before the rest of the fine ones.
			final int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
			final List<String> after = order.subList(Math.min(order.size(), 2 * threads), order.size());
			final int lastCoarse = Math.max(after.lastIndexOf("l1"), after.lastIndexOf("l2"));
			assertTrue(lastCoarse >= 0 && !after.subList(0, lastCoarse).contains("l0"), "load order " + order);
			assertEquals(1, failures.size(), "reported " + failures);
			assertTrue(failures.get(0).contains("disk on fire"));
			final RandomAccess<VolatileFloatType> ra = levels.<VolatileFloatType> level(0).randomAccess();
			ra.setPosition(new long[] { 1, 1, 1 });
			assertTrue(ra.get().isValid(), "an unreadable cell must become valid zeros");
			assertEquals(0f, ra.get().get().get());
		}
	}
}

package org.cryoet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.concurrent.atomic.AtomicLong;

import org.cryoet.format.DataType;
import org.cryoet.sample.SampleData;
import org.cryoet.testutil.Sample;
import org.cryoet.ui.ij.LevelStack;
import org.junit.jupiter.api.Test;

/**
 * What opening and viewing read is bounded by what is shown, not by the
 * volume: a display range samples a one-level volume, a failed slice shows
 * zeros, and a closed viewer frees what it cached.
 */
class BoundedReadsTest {

	/** A huge one-level volume that makes up its voxels and counts what is read. */
	private static Volume huge(final AtomicLong voxelsRead) {
		return new Volume() {

			@Override
			public DataType type() {
				return DataType.FLOAT32;
			}

			@Override
			public long[] shape() {
				return new long[] { 1000, 4000, 4000 };
			}

			@Override
			public int[] blockShape() {
				return new int[] { 1, 4000, 4000 };
			}

			@Override
			public void read(final long[] offset, final int[] size, final Object dst, final int[] dstShape,
				final int[] dstPos)
			{
				voxelsRead.addAndGet((long) size[0] * size[1] * size[2]);
				final float[] f = (float[]) dst;
				for (int i = 0; i < f.length; i++)
					f[i] = i % 7;
			}

			@Override
			public String describe() {
				return "huge";
			}
		};
	}

	@Test
	void aDisplayRangeSamplesAOneLevelVolume() throws Exception {
		final AtomicLong read = new AtomicLong();
		final MultiscaleVolume mv = new MultiscaleVolume("huge", Collections.singletonList(huge(read)), Collections
			.singletonList(new double[] { 1, 1, 1 }), Collections.singletonList(new double[3]), false, Collections
				.emptyList());
		final DisplayRange r = DisplayRange.of(mv, false);
		assertTrue(read.get() <= DisplayRange.SAMPLE_VOXELS, "read " + read.get() + " voxels of 16 G");
		assertEquals(0, r.dataMin, 0);
		assertEquals(6, r.dataMax, 0);
		// Nor does a viewer load such a level before it shows it.
		try (VolatileLevels levels = new VolatileLevels(mv, new ChunkCache(64 << 20), m -> {})) {
			final long before = read.get();
			levels.loadCoarsest();
			assertEquals(before, read.get());
		}
	}

	@Test
	void aSliceThatCannotBeReadShowsZeros() {
		final Volume broken = new Volume() {

			@Override
			public DataType type() {
				return DataType.FLOAT32;
			}

			@Override
			public long[] shape() {
				return new long[] { 3, 4, 5 };
			}

			@Override
			public int[] blockShape() {
				return new int[] { 1, 4, 5 };
			}

			@Override
			public void read(final long[] offset, final int[] size, final Object dst, final int[] dstShape,
				final int[] dstPos) throws java.io.IOException
			{
				throw new java.io.IOException("connection reset");
			}

			@Override
			public String describe() {
				return "broken";
			}
		};
		final LevelStack s = new LevelStack(broken, false, null);
		final float[] p = (float[]) s.getProcessor(2).getPixels();
		assertEquals(20, p.length);
		assertEquals(0f, p[7]);
	}

	@Test
	void closingAViewerFreesTheCellsItLoaded() throws Exception {
		final ChunkCache cache = new ChunkCache(64 << 20);
		try (MultiscaleVolume mv = new VolumeOpener(cache).open(Sample.dir().resolve(SampleData.MRC))) {
			final VolatileLevels levels = new VolatileLevels(mv, cache, m -> {});
			levels.loadCoarsest();
			assertTrue(cache.usedBytes() > 0);
			levels.close();
			assertEquals(0, cache.usedBytes());
		}
	}
}

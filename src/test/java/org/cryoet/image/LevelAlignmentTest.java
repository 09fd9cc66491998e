package org.cryoet.image;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cryoet.format.DataType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DESIGN's one geometry rule: level l of factor f maps voxel v to level-0
 * voxel f·v + (f−1)/2, so a level-0 voxel centre maps back into the level
 * voxel whose block contains it, for 2× steps and for any other factor.
 */
class LevelAlignmentTest {

	private static MultiscaleVolume pyramid(final int step, final int levels) {
		final List<Volume> vols = new ArrayList<>();
		final List<double[]> scales = new ArrayList<>(), translations = new ArrayList<>();
		final double s0 = 13.48;
		for (int l = 0; l < levels; l++) {
			final int f = (int) Math.pow(step, l), n = Math.max(1, 60 / f);
			vols.add(new ArrayVolume(DataType.UINT8, new int[] { n, n, n }, new byte[n * n * n], "l" + l));
			scales.add(new double[] { s0 * f, s0 * f, s0 * f });
			translations.add(new double[3]);
		}
		return new MultiscaleVolume("p", vols, scales, translations, false, Collections.emptyList());
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3, 4 })
	void levelZeroCentresMapBackIntoTheirBlocks(final int step) {
		final MultiscaleVolume mv = pyramid(step, 3);
		final VoxelTransform t0 = mv.transform(0);
		for (int l = 0; l < 3; l++) {
			final VoxelTransform t = mv.transform(l);
			final int f = (int) Math.round(mv.factor(l)[0]);
			for (int c = 0; c < 60; c++) {
				final double[] physical = t0.toPhysical(new double[] { c, c, c });
				final double[] v = t.toVoxel(physical);
				assertEquals((c - (f - 1) / 2.0) / f, v[2], 1e-12);
				assertEquals(Math.floorDiv(c, f), Math.round(v[0]), "level " + l + " voxel of level-0 voxel " + c);
			}
			for (int v = 0; v < 60 / f; v++)
				assertEquals((f * v + (f - 1) / 2.0) * 13.48, t.toPhysical(new double[] { v, v, v })[1], 1e-9);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 2, 3 })
	void theAffineForViewersAgreesWithTheRule(final int step) {
		final MultiscaleVolume mv = pyramid(step, 3);
		for (int l = 0; l < 3; l++) {
			final double[] a = mv.transform(l).toXyzAffine();
			final double f = Math.pow(step, l);
			assertEquals(13.48 * f, a[0], 1e-9);
			assertEquals((f - 1) / 2 * 13.48, a[3], 1e-9);
			assertEquals((f - 1) / 2 * 13.48, a[11], 1e-9);
		}
	}

	@ParameterizedTest
	@ValueSource(ints = { 2 })
	void anExplicitTranslationIsTakenAsItIs(final int step) {
		final MultiscaleVolume p = pyramid(step, 2);
		final MultiscaleVolume mv = new MultiscaleVolume("t", p.levels, p.scales, List.of(new double[3], new double[] {
			1, 2, 3 }), false, Collections.emptyList());
		assertEquals(3, mv.transform(1).translation()[2], 0);
	}
}

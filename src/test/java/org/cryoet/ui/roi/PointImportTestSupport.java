package org.cryoet.ui.roi;

import org.cryoet.portal.annotation.PointTable;

/** Point comparison for tests in other packages: kinds, locations (1e-4 voxel), matrices (1e-6), instance ids. */
public final class PointImportTestSupport {

	private PointImportTestSupport() {}

	public static void assertSamePoints(final PointTable expected, final PointTable actual) {
		PointImportTest.assertSame(expected, actual);
	}
}

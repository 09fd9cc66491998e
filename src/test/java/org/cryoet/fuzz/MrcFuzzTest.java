package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.stream.Stream;

import org.cryoet.format.mrc.MrcHeader;
import org.cryoet.format.mrc.MrcReader;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** MRC files from bytes: header, extended header, and reads of boxes through the reader's ranged path. */
class MrcFuzzTest {

	static Stream<Arguments> seeds() {
		return Seeds.of("Mrc");
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void mrc(final byte[] data) {
		final BytesStore store = new BytesStore().with("t.mrc", data);
		Hostile.parsedOrRefused("mem:t.mrc", () -> {
			try (MrcReader r = MrcReader.open(store, "t.mrc")) {
				final MrcHeader h = r.header();
				Hostile.check(h.nx > 0 && h.ny > 0 && h.nz > 0, "non-positive dimensions accepted");
				Hostile.check(h.dataOffset() + h.dataBytes() <= data.length, "a header claiming more than the file");
				for (final double v : h.voxelSize())
					Hostile.check(Double.isNaN(v) || Double.isFinite(v) && v > 0, "voxel size " + v + " reported");
				final long voxels = (long) h.nx * h.ny * h.nz;
				if (voxels <= 1 << 16) {
					r.read(new long[3], new int[] { h.nz, h.ny, h.nx }, r.type().allocate((int) voxels));
				}
				// A box in the middle, not whole rows: the other read path.
				final int[] size = { Math.min(2, h.nz), Math.min(3, h.ny), Math.max(1, Math.min(h.nx - 1, 5)) };
				final long[] off = { h.nz / 2 - size[0] / 2, h.ny / 2 - size[1] / 2, Math.min(1, h.nx - size[2]) };
				r.read(off, size, r.type().allocate(size[0] * size[1] * size[2]));
			}
		});
	}
}

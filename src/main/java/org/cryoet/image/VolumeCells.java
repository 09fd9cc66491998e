package org.cryoet.image;

import java.io.IOException;

import net.imglib2.img.cell.CellGrid;

/**
 * A volume cut into ImgLib2 cells (x, y, z order) that follow its blocks, and
 * loaded through a {@link ChunkCache}. Cells are whole blocks even at the
 * volume's far edges (the image is then cropped to the volume), so a Zarr
 * chunk in the cache serves as a cell as it is: no copy, no second entry.
 */
final class VolumeCells {

	final Volume volume;
	final ChunkCache cache;
	final CellGrid grid;
	/** Cell size in x, y, z order; the volume's block in z, y, x. */
	private final int[] cellXyz, blockZyx;
	private final long cellBytes;

	VolumeCells(final Volume volume, final ChunkCache cache) {
		this.volume = volume;
		this.cache = cache;
		final long[] zyx = volume.shape();
		final int nd = zyx.length;
		blockZyx = volume.blockShape();
		cellXyz = new int[nd];
		final long[] padded = new long[nd];
		long n = 1;
		for (int d = 0; d < nd; d++) {
			cellXyz[d] = Math.max(1, blockZyx[nd - 1 - d]);
			final long cells = (zyx[nd - 1 - d] + cellXyz[d] - 1) / cellXyz[d];
			padded[d] = Math.max(1, cells) * cellXyz[d];
			n *= cellXyz[d];
		}
		grid = new CellGrid(padded, cellXyz);
		cellBytes = n * volume.type().bytes();
	}

	/** The image's real size (x, y, z), inside the padded grid. */
	long[] dimensions() {
		final long[] zyx = volume.shape();
		final long[] d = new long[zyx.length];
		for (int i = 0; i < d.length; i++)
			d[i] = zyx[d.length - 1 - i];
		return d;
	}

	int[] cellDimensions() {
		return cellXyz.clone();
	}

	/** The cell's array if the cache has it; never loads. */
	Object cached(final long index) {
		return cache.getIfPresent(volume, index);
	}

	/** The cell's array, loaded (once, whoever asks) through the cache. */
	Object load(final long index) throws IOException {
		if (volume instanceof ZarrVolume) return ((ZarrVolume) volume).chunk(gridPosition(index));
		// Keyed by the volume: every image of it (ImgLib2, BigDataViewer) shares its cells, and closing frees them.
		return cache.get(volume, index, cellBytes, () -> read(index));
	}

	/** Zarr's chunk grid position (z, y, x) of a cell. */
	private long[] gridPosition(final long index) {
		final int nd = cellXyz.length;
		final long[] xyz = new long[nd];
		grid.getCellGridPositionFlat(index, xyz);
		final long[] zyx = new long[nd];
		for (int d = 0; d < nd; d++)
			zyx[d] = xyz[nd - 1 - d];
		return zyx;
	}

	private Object read(final long index) throws IOException {
		final int nd = cellXyz.length;
		final long[] pos = gridPosition(index);
		final long[] shape = volume.shape();
		final long[] off = new long[nd];
		final int[] size = new int[nd];
		for (int d = 0; d < nd; d++) {
			off[d] = pos[d] * blockZyx[d];
			size[d] = (int) Math.min(blockZyx[d], shape[d] - off[d]);
		}
		final Object dst = volume.type().allocate((int) (cellBytes / volume.type().bytes()));
		volume.read(off, size, dst, blockZyx, new int[nd]);
		return dst;
	}
}

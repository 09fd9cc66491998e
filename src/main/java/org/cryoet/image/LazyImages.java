package org.cryoet.image;

import java.io.IOException;
import java.io.UncheckedIOException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.DoubleArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.basictypeaccess.array.IntArray;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.CellGrid;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.integer.ByteType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedIntType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * A {@link Volume} as a lazy ImgLib2 image in x, y, z order: cells follow the
 * volume's blocks and are loaded on first touch through a {@link ChunkCache},
 * so memory stays within the cache budget however large the volume.
 * Safe for concurrent readers.
 */
public final class LazyImages {

	private LazyImages() {}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	public static <T extends NativeType<T>> RandomAccessibleInterval<T> of(final Volume v, final ChunkCache cache) {
		final long[] zyx = v.shape();
		final int nd = zyx.length;
		final long[] dims = new long[nd];
		final int[] cell = new int[nd];
		final int[] block = v.blockShape();
		for (int d = 0; d < nd; d++) {
			dims[d] = zyx[nd - 1 - d];
			cell[d] = (int) Math.min(block[nd - 1 - d], Math.max(1, dims[d]));
		}
		final CellGrid grid = new CellGrid(dims, cell);
		final Object identity = new Object();
		final LazyCellImg.Get get = index -> {
			final long[] min = new long[nd];
			final int[] size = new int[nd];
			grid.getCellDimensions(index, min, size);
			try {
				final Object data = interiorChunk(v, min, size, cell);
				return new Cell<>(size, min, access(v, data != null ? data : cache.get(new CacheKey(identity, index),
					() -> load(v, min, size))));
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		};
		return new LazyCellImg(grid, (NativeType) type(v), get);
	}

	/** A whole Zarr chunk is used as it is, from the volume's own cache: no copy, no second cache entry. */
	private static Object interiorChunk(final Volume v, final long[] minXyz, final int[] sizeXyz, final int[] cell)
		throws IOException
	{
		if (!(v instanceof ZarrVolume) || !java.util.Arrays.equals(sizeXyz, cell)) return null;
		final int nd = minXyz.length;
		final int[] chunks = v.blockShape();
		final long[] grid = new long[nd];
		for (int d = 0; d < nd; d++) {
			if (chunks[nd - 1 - d] != cell[d]) return null;
			grid[nd - 1 - d] = minXyz[d] / cell[d];
		}
		return ((ZarrVolume) v).chunk(grid);
	}

	private static Object load(final Volume v, final long[] minXyz, final int[] sizeXyz) throws IOException {
		final int nd = minXyz.length;
		final long[] off = new long[nd];
		final int[] size = new int[nd];
		for (int d = 0; d < nd; d++) {
			off[d] = minXyz[nd - 1 - d];
			size[d] = sizeXyz[nd - 1 - d];
		}
		final Object dst = v.type().allocate(BoxCopy.elements(size));
		v.read(off, size, dst);
		return dst;
	}

	private static Object type(final Volume v) {
		switch (v.type()) {
			case INT8: return new ByteType();
			case UINT8: return new UnsignedByteType();
			case INT16: return new ShortType();
			case UINT16: return new UnsignedShortType();
			case INT32: return new IntType();
			case UINT32: return new UnsignedIntType();
			case FLOAT16: case FLOAT32: return new FloatType();
			default: return new DoubleType();
		}
	}

	private static Object access(final Volume v, final Object data) {
		if (data instanceof byte[]) return new ByteArray((byte[]) data);
		if (data instanceof short[]) return new ShortArray((short[]) data);
		if (data instanceof int[]) return new IntArray((int[]) data);
		if (data instanceof float[]) return new FloatArray((float[]) data);
		return new DoubleArray((double[]) data);
	}
}

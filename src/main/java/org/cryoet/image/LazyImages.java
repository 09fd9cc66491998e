package org.cryoet.image;

import java.io.IOException;
import java.io.UncheckedIOException;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.cell.Cell;
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
import net.imglib2.view.Views;

import org.cryoet.format.DataType;

/**
 * A {@link Volume} as a lazy, read-only ImgLib2 image in x, y, z order: cells
 * follow the volume's blocks and load on first touch through a
 * {@link ChunkCache}, so memory stays within the cache budget however large
 * the volume. Safe for concurrent readers. The image shares the cache's
 * arrays and refuses writes; copy it (e.g. into an {@code ArrayImg}) to edit.
 */
public final class LazyImages {

	private LazyImages() {}

	public static <T extends NativeType<T>> RandomAccessibleInterval<T> of(final Volume v, final ChunkCache cache) {
		final VolumeCells cells = new VolumeCells(v, cache);
		final LazyCellImg.Get<Cell<Object>> get = index -> {
			final long[] min = new long[cells.grid.numDimensions()];
			final int[] size = new int[min.length];
			cells.grid.getCellDimensions(index, min, size);
			try {
				return new Cell<>(size, min, CellAccess.of(cells.load(index), true));
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		};
		return crop(image(cells, type(v.type()), get), cells);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	static <T> RandomAccessibleInterval<T> image(final VolumeCells cells, final Object type,
		final LazyCellImg.Get<?> get)
	{
		return (RandomAccessibleInterval<T>) new LazyCellImg(cells.grid, (NativeType) type, get);
	}

	/** The padded grid cut back to the volume's size. */
	static <T> RandomAccessibleInterval<T> crop(final RandomAccessibleInterval<T> padded, final VolumeCells cells) {
		final long[] max = cells.dimensions();
		for (int d = 0; d < max.length; d++)
			max[d]--;
		return Views.interval(padded, new long[max.length], max);
	}

	static Object type(final DataType t) {
		switch (t) {
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
}

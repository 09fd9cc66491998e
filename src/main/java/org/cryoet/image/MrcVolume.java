package org.cryoet.image;

import java.io.IOException;

import org.cryoet.format.DataType;
import org.cryoet.format.mrc.MrcHeader;
import org.cryoet.format.mrc.MrcReader;

/**
 * An MRC file as a z, y, x volume. Files whose mapc/mapr/maps are not 1,2,3
 * are reordered on read so that axes are always Z, Y, X.
 */
public final class MrcVolume implements Volume {

	private final MrcReader reader;
	private final MrcHeader h;
	/** For output axis (0 = z, 1 = y, 2 = x): the stored axis (0 = section, 1 = row, 2 = column). */
	private final int[] storedAxisOf = new int[3];
	private final long[] shape;
	private final boolean identity;

	public MrcVolume(final MrcReader reader) {
		this.reader = reader;
		this.h = reader.header();
		final int[] map = { h.maps, h.mapr, h.mapc }; // stored axis -> physical axis (1 = X, 2 = Y, 3 = Z)
		final long[] n = { h.nz, h.ny, h.nx };
		shape = new long[3];
		for (int stored = 0; stored < 3; stored++) {
			final int out = 3 - map[stored]; // Z -> 0, Y -> 1, X -> 2
			storedAxisOf[out] = stored;
			shape[out] = n[stored];
		}
		identity = storedAxisOf[0] == 0 && storedAxisOf[1] == 1 && storedAxisOf[2] == 2;
	}

	public MrcReader reader() {
		return reader;
	}

	@Override
	public DataType type() {
		return reader.type();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] blockShape() {
		return new int[] { 1, (int) shape[1], (int) shape[2] };
	}

	@Override
	public void close() throws IOException {
		reader.close();
	}

	@Override
	public String describe() {
		return reader.describe();
	}

	/** Voxel size in Å along z, y, x; NaN where the header leaves it undefined. */
	public double[] voxelSizeZyx() {
		final double[] v = h.voxelSize();
		return new double[] { v[2], v[1], v[0] };
	}

	@Override
	public void read(final long[] offset, final int[] size, final Object dst, final int[] dstShape,
		final int[] dstPos) throws IOException
	{
		if (identity) {
			reader.read(offset, size, dst, dstShape, dstPos);
			return;
		}
		if (!java.util.Arrays.equals(size, dstShape)) {
			final Object tmp = type().allocate(BoxCopy.elements(size));
			read(offset, size, tmp, size, new int[3]);
			BoxCopy.copy(tmp, size, new int[3], dst, dstShape, dstPos, size);
			return;
		}
		final long[] so = new long[3];
		final int[] ss = new int[3];
		for (int out = 0; out < 3; out++) {
			so[storedAxisOf[out]] = offset[out];
			ss[storedAxisOf[out]] = size[out];
		}
		final Object stored = type().allocate(BoxCopy.elements(ss));
		reader.read(so, ss, stored);
		final int[] storedStride = BoxCopy.strides(ss);
		final int[] step = { storedStride[storedAxisOf[0]], storedStride[storedAxisOf[1]], storedStride[storedAxisOf[2]] };
		int i = 0;
		for (int z = 0; z < size[0]; z++)
			for (int y = 0; y < size[1]; y++) {
				int s = z * step[0] + y * step[1];
				for (int x = 0; x < size[2]; x++, s += step[2])
					System.arraycopy(stored, s, dst, i++, 1);
			}
	}
}

package org.cryoet.image;

import java.io.IOException;

import org.cryoet.format.DataType;

/** A volume reduced by integer factors per axis, computed on read from its source. */
public final class DownsampledVolume implements Volume {

	private final Volume source;
	private final int[] factors;
	private final Downsampling mode;
	private final long[] shape;

	public DownsampledVolume(final Volume source, final int[] factors, final Downsampling mode) {
		this.source = source;
		this.factors = factors.clone();
		this.mode = mode;
		final long[] s = source.shape();
		shape = new long[s.length];
		for (int d = 0; d < s.length; d++)
			shape[d] = (s[d] + factors[d] - 1) / factors[d];
	}

	@Override
	public DataType type() {
		return source.type();
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] blockShape() {
		final int[] b = source.blockShape();
		for (int d = 0; d < b.length; d++)
			b[d] = Math.max(1, b[d] / factors[d]);
		return b;
	}

	@Override
	public String describe() {
		return source.describe() + " (downsampled)";
	}

	@Override
	public void read(final long[] offset, final int[] size, final Object dst, final int[] dstShape,
		final int[] dstPos) throws IOException
	{
		if (java.util.Arrays.equals(size, dstShape)) {
			reduce(offset, size, dst);
			return;
		}
		final Object tmp = type().allocate(BoxCopy.elements(size));
		reduce(offset, size, tmp);
		BoxCopy.copy(tmp, size, new int[size.length], dst, dstShape, dstPos, size);
	}

	private void reduce(final long[] offset, final int[] size, final Object dst) throws IOException {
		final int nd = offset.length;
		final long[] srcShape = source.shape();
		final long[] so = new long[nd];
		final int[] ss = new int[nd];
		for (int d = 0; d < nd; d++) {
			so[d] = offset[d] * factors[d];
			ss[d] = (int) Math.min((long) size[d] * factors[d], srcShape[d] - so[d]);
		}
		final DataType t = type();
		final Object src = t.allocate(BoxCopy.elements(ss));
		source.read(so, ss, src);
		if (nd != 3) throw new UnsupportedOperationException("downsampling is implemented for 3D volumes");
		final int fz = factors[0], fy = factors[1], fx = factors[2];
		final double blockSize = (double) fz * fy * fx;
		int i = 0;
		for (int z = 0; z < size[0]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[2]; x++, i++) {
					final int z0 = z * fz, y0 = y * fy, x0 = x * fx;
					if (mode == Downsampling.NEAREST) {
						t.set(dst, i, t.get(src, (z0 * ss[1] + y0) * ss[2] + x0));
						continue;
					}
					double sum = 0;
					boolean any = false;
					for (int dz = 0; dz < fz && z0 + dz < ss[0]; dz++)
						for (int dy = 0; dy < fy && y0 + dy < ss[1]; dy++) {
							final int row = ((z0 + dz) * ss[1] + y0 + dy) * ss[2];
							for (int dx = 0; dx < fx && x0 + dx < ss[2]; dx++) {
								final double v = t.get(src, row + x0 + dx);
								sum += v;
								any |= v != 0;
							}
						}
					t.set(dst, i, mode == Downsampling.ANY ? (any ? 1 : 0) : sum / blockSize);
				}
	}
}

package org.cryoet.format.zarr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.cryoet.format.DataType;
import org.cryoet.format.codec.BloscCodec;

/**
 * Copies the part of a box that a run of decoded chunk bytes holds into the
 * destination array, converting bytes to elements: the rows (last axis) of
 * the C-order chunk that the run touches, each clipped to the box and to the
 * run (a row may straddle two Blosc blocks). Stateless between calls, so
 * blocks decoded on several threads may arrive at once.
 */
final class BoxRows implements BloscCodec.BlockSink {

	private final DataType type;
	private final ByteOrder order;
	private final int[] chunk, pos, size, dstShape, dstPos;
	private final Object dst;

	BoxRows(final DataType type, final ByteOrder order, final int[] chunk, final int[] pos, final int[] size,
		final Object dst, final int[] dstShape, final int[] dstPos)
	{
		this.type = type;
		this.order = order;
		this.chunk = chunk;
		this.pos = pos;
		this.size = size;
		this.dst = dst;
		this.dstShape = dstShape;
		this.dstPos = dstPos;
	}

	@Override
	public void accept(final byte[] data, final int offset, final int start, final int length) {
		final int nd = chunk.length;
		final int b = type.bytes();
		final long e0 = start / b, e1 = e0 + length / b;
		final int rowLength = chunk[nd - 1];
		final int lo = pos[nd - 1], hi = lo + size[nd - 1];
		// one typed view per run: a view per row costs more than copying a 1 KiB row
		final ByteBuffer bytes = ByteBuffer.wrap(data, offset, length).slice().order(order);
		final java.nio.FloatBuffer floats = type == DataType.FLOAT32 ? bytes.asFloatBuffer() : null;
		final java.nio.ShortBuffer shorts = type == DataType.INT16 || type == DataType.UINT16 ? bytes.asShortBuffer()
			: null;
		for (long r = e0 / rowLength; r * rowLength < e1; r++) {
			long rest = r;
			long dstRow = 0;
			boolean inside = true;
			long stride = 1;
			for (int d = nd - 2; d >= 0; d--) {
				final int i = (int) (rest % chunk[d]);
				rest /= chunk[d];
				if (i < pos[d] || i >= pos[d] + size[d]) {
					inside = false;
					break;
				}
				stride *= dstShape[d + 1];
				dstRow += (dstPos[d] + i - pos[d]) * stride;
			}
			if (!inside) continue;
			final long rowStart = r * rowLength;
			final long a = Math.max(e0, rowStart + lo), z = Math.min(e1, rowStart + hi);
			if (a >= z) continue;
			final int n = (int) (z - a), from = (int) (a - e0);
			final int to = (int) (dstRow + dstPos[nd - 1] + (a - rowStart - lo));
			if (floats != null) {
				floats.position(from);
				floats.get((float[]) dst, to, n);
			}
			else if (shorts != null) {
				shorts.position(from);
				shorts.get((short[]) dst, to, n);
			}
			else type.fromBytes(data, offset + from * b, order, dst, to, n);
		}
	}
}

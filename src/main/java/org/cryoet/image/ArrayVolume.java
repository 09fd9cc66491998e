package org.cryoet.image;

import org.cryoet.format.DataType;

/** A volume held in one C-order primitive array. */
public final class ArrayVolume implements Volume {

	private final DataType type;
	private final long[] shape;
	private final int[] intShape;
	private final Object data;
	private final String name;

	public ArrayVolume(final DataType type, final int[] shape, final Object data, final String name) {
		if (DataType.length(data) != BoxCopy.elements(shape))
			throw new IllegalArgumentException("data length does not match the shape");
		this.type = type;
		this.intShape = shape.clone();
		this.shape = new long[shape.length];
		for (int d = 0; d < shape.length; d++)
			this.shape[d] = shape[d];
		this.data = data;
		this.name = name;
	}

	@Override
	public DataType type() {
		return type;
	}

	@Override
	public long[] shape() {
		return shape.clone();
	}

	@Override
	public int[] blockShape() {
		return intShape.clone();
	}

	@Override
	public void read(final long[] offset, final int[] size, final Object dst, final int[] dstShape,
		final int[] dstPos)
	{
		final int[] pos = new int[offset.length];
		for (int d = 0; d < pos.length; d++)
			pos[d] = (int) offset[d];
		BoxCopy.copy(data, intShape, pos, dst, dstShape, dstPos, size);
	}

	@Override
	public String describe() {
		return name;
	}
}

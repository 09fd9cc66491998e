package org.cryoet.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Element types we read and write. In memory every type lives in the Java
 * primitive array of its width: unsigned types keep their bit pattern,
 * float16 is widened to float.
 */
public enum DataType {
	INT8(1, true, false), UINT8(1, false, false), INT16(2, true, false), UINT16(2, false, false),
	INT32(4, true, false), UINT32(4, false, false), FLOAT16(2, true, true), FLOAT32(4, true, true),
	FLOAT64(8, true, true);

	private final int bytes;
	private final boolean signed;
	private final boolean floating;

	DataType(final int bytes, final boolean signed, final boolean floating) {
		this.bytes = bytes;
		this.signed = signed;
		this.floating = floating;
	}

	public int bytes() {
		return bytes;
	}

	public boolean isFloat() {
		return floating;
	}

	public boolean isSigned() {
		return signed;
	}

	/** Smallest value the type holds (for floats, negative infinity). */
	public double min() {
		switch (this) {
			case INT8: return Byte.MIN_VALUE;
			case INT16: return Short.MIN_VALUE;
			case INT32: return Integer.MIN_VALUE;
			case UINT8: case UINT16: case UINT32: return 0;
			default: return Double.NEGATIVE_INFINITY;
		}
	}

	public double max() {
		switch (this) {
			case INT8: return Byte.MAX_VALUE;
			case UINT8: return 255;
			case INT16: return Short.MAX_VALUE;
			case UINT16: return 65535;
			case INT32: return Integer.MAX_VALUE;
			case UINT32: return 4294967295.0;
			default: return Double.POSITIVE_INFINITY;
		}
	}

	/** Elements in a primitive array of any of our types (no reflection). */
	public static int length(final Object a) {
		if (a instanceof byte[]) return ((byte[]) a).length;
		if (a instanceof short[]) return ((short[]) a).length;
		if (a instanceof int[]) return ((int[]) a).length;
		if (a instanceof float[]) return ((float[]) a).length;
		if (a instanceof double[]) return ((double[]) a).length;
		throw new IllegalArgumentException("not a voxel array: " + a);
	}

	public Object allocate(final int n) {
		switch (this) {
			case INT8: case UINT8: return new byte[n];
			case INT16: case UINT16: return new short[n];
			case INT32: case UINT32: return new int[n];
			case FLOAT16: case FLOAT32: return new float[n];
			default: return new double[n];
		}
	}

	public double get(final Object a, final int i) {
		switch (this) {
			case INT8: return ((byte[]) a)[i];
			case UINT8: return ((byte[]) a)[i] & 0xff;
			case INT16: return ((short[]) a)[i];
			case UINT16: return ((short[]) a)[i] & 0xffff;
			case INT32: return ((int[]) a)[i];
			case UINT32: return ((int[]) a)[i] & 0xffffffffL;
			case FLOAT16: case FLOAT32: return ((float[]) a)[i];
			default: return ((double[]) a)[i];
		}
	}

	/** Stores {@code v}, rounded half away from zero and clamped for integer types. */
	public void set(final Object a, final int i, final double v) {
		switch (this) {
			case INT8: case UINT8: ((byte[]) a)[i] = (byte) toLong(v); break;
			case INT16: case UINT16: ((short[]) a)[i] = (short) toLong(v); break;
			case INT32: case UINT32: ((int[]) a)[i] = (int) toLong(v); break;
			case FLOAT16: ((float[]) a)[i] = Half.toFloat(Half.fromFloat((float) v)); break;
			case FLOAT32: ((float[]) a)[i] = (float) v; break;
			default: ((double[]) a)[i] = v;
		}
	}

	private long toLong(final double v) {
		if (Double.isNaN(v)) return 0;
		final double c = Math.max(min(), Math.min(max(), v));
		return (long) (c < 0 ? c - 0.5 : c + 0.5);
	}

	public void fill(final Object a, final double v) {
		final Object one = allocate(1);
		set(one, 0, v);
		if (a instanceof byte[]) java.util.Arrays.fill((byte[]) a, ((byte[]) one)[0]);
		else if (a instanceof short[]) java.util.Arrays.fill((short[]) a, ((short[]) one)[0]);
		else if (a instanceof int[]) java.util.Arrays.fill((int[]) a, ((int[]) one)[0]);
		else if (a instanceof float[]) java.util.Arrays.fill((float[]) a, ((float[]) one)[0]);
		else java.util.Arrays.fill((double[]) a, ((double[]) one)[0]);
	}

	/** Reads {@code n} elements stored in {@code order} at {@code src[srcOff]} into {@code dst[dstOff..]}. */
	public void fromBytes(final byte[] src, final int srcOff, final ByteOrder order, final Object dst,
		final int dstOff, final int n)
	{
		final ByteBuffer b = ByteBuffer.wrap(src, srcOff, n * bytes).order(order);
		switch (this) {
			case INT8: case UINT8: System.arraycopy(src, srcOff, dst, dstOff, n); break;
			case INT16: case UINT16: b.asShortBuffer().get((short[]) dst, dstOff, n); break;
			case INT32: case UINT32: b.asIntBuffer().get((int[]) dst, dstOff, n); break;
			case FLOAT32: b.asFloatBuffer().get((float[]) dst, dstOff, n); break;
			case FLOAT64: b.asDoubleBuffer().get((double[]) dst, dstOff, n); break;
			case FLOAT16: {
				final float[] f = (float[]) dst;
				for (int i = 0; i < n; i++)
					f[dstOff + i] = Half.toFloat(b.getShort());
				break;
			}
		}
	}

	public void toBytes(final Object src, final int srcOff, final int n, final ByteOrder order, final byte[] dst,
		final int dstOff)
	{
		final ByteBuffer b = ByteBuffer.wrap(dst, dstOff, n * bytes).order(order);
		switch (this) {
			case INT8: case UINT8: System.arraycopy(src, srcOff, dst, dstOff, n); break;
			case INT16: case UINT16: b.asShortBuffer().put((short[]) src, srcOff, n); break;
			case INT32: case UINT32: b.asIntBuffer().put((int[]) src, srcOff, n); break;
			case FLOAT32: b.asFloatBuffer().put((float[]) src, srcOff, n); break;
			case FLOAT64: b.asDoubleBuffer().put((double[]) src, srcOff, n); break;
			case FLOAT16: {
				final float[] f = (float[]) src;
				for (int i = 0; i < n; i++)
					b.putShort(Half.fromFloat(f[srcOff + i]));
				break;
			}
		}
	}
}

package org.cryoet.image;

import net.imglib2.img.basictypeaccess.volatiles.VolatileByteAccess;
import net.imglib2.img.basictypeaccess.volatiles.VolatileDoubleAccess;
import net.imglib2.img.basictypeaccess.volatiles.VolatileFloatAccess;
import net.imglib2.img.basictypeaccess.volatiles.VolatileIntAccess;
import net.imglib2.img.basictypeaccess.volatiles.VolatileShortAccess;

import org.cryoet.format.DataType;

/**
 * Read-only ImgLib2 accesses over the chunk cache's arrays. They serve plain
 * and volatile types alike (a volatile access is also a plain one): a loaded
 * cell is valid, a placeholder for a cell still loading is not. Writing
 * throws, because the arrays belong to the cache (see {@link ChunkCache}).
 */
final class CellAccess {

	private CellAccess() {}

	static Object of(final Object array, final boolean valid) {
		if (array instanceof byte[]) return new Bytes((byte[]) array, valid);
		if (array instanceof short[]) return new Shorts((short[]) array, valid);
		if (array instanceof int[]) return new Ints((int[]) array, valid);
		if (array instanceof float[]) return new Floats((float[]) array, valid);
		return new Doubles((double[]) array, valid);
	}

	/** A cell still loading: reads 0 at any index, and is not valid, so a viewer shows a coarser level there. */
	static Object loading(final DataType type) {
		return zeros(type, false);
	}

	/**
	 * A cell of zeros that needs no array: a placeholder (not valid) or what
	 * stands for a cell that cannot be loaded (valid, so a viewer stops asking).
	 */
	static Object zeros(final DataType type, final boolean valid) {
		switch (type) {
			case INT8: case UINT8: return new Bytes(null, valid);
			case INT16: case UINT16: return new Shorts(null, valid);
			case INT32: case UINT32: return new Ints(null, valid);
			case FLOAT16: case FLOAT32: return new Floats(null, valid);
			default: return new Doubles(null, valid);
		}
	}

	static UnsupportedOperationException readOnly() {
		return new UnsupportedOperationException("this image shows cached data and is read-only: copy it to edit");
	}

	static final class Bytes implements VolatileByteAccess {

		private final byte[] a;
		private final boolean valid;

		Bytes(final byte[] a, final boolean valid) {
			this.a = a;
			this.valid = valid;
		}

		@Override
		public byte getValue(final int i) {
			return a == null ? 0 : a[i];
		}

		@Override
		public void setValue(final int i, final byte v) {
			throw readOnly();
		}

		@Override
		public boolean isValid() {
			return valid;
		}
	}

	static final class Shorts implements VolatileShortAccess {

		private final short[] a;
		private final boolean valid;

		Shorts(final short[] a, final boolean valid) {
			this.a = a;
			this.valid = valid;
		}

		@Override
		public short getValue(final int i) {
			return a == null ? 0 : a[i];
		}

		@Override
		public void setValue(final int i, final short v) {
			throw readOnly();
		}

		@Override
		public boolean isValid() {
			return valid;
		}
	}

	static final class Ints implements VolatileIntAccess {

		private final int[] a;
		private final boolean valid;

		Ints(final int[] a, final boolean valid) {
			this.a = a;
			this.valid = valid;
		}

		@Override
		public int getValue(final int i) {
			return a == null ? 0 : a[i];
		}

		@Override
		public void setValue(final int i, final int v) {
			throw readOnly();
		}

		@Override
		public boolean isValid() {
			return valid;
		}
	}

	static final class Floats implements VolatileFloatAccess {

		private final float[] a;
		private final boolean valid;

		Floats(final float[] a, final boolean valid) {
			this.a = a;
			this.valid = valid;
		}

		@Override
		public float getValue(final int i) {
			return a == null ? 0 : a[i];
		}

		@Override
		public void setValue(final int i, final float v) {
			throw readOnly();
		}

		@Override
		public boolean isValid() {
			return valid;
		}
	}

	static final class Doubles implements VolatileDoubleAccess {

		private final double[] a;
		private final boolean valid;

		Doubles(final double[] a, final boolean valid) {
			this.a = a;
			this.valid = valid;
		}

		@Override
		public double getValue(final int i) {
			return a == null ? 0 : a[i];
		}

		@Override
		public void setValue(final int i, final double v) {
			throw readOnly();
		}

		@Override
		public boolean isValid() {
			return valid;
		}
	}

}

package org.cryoet.portal.annotation;

import java.util.Arrays;

/**
 * Points of an annotation, column by column so that millions of them stay
 * compact: kind, location (x, y, z in voxels of the annotation's voxel
 * spacing, integer = voxel centre), the rotation matrix of oriented points
 * (row-major, indices x, y, z, applied to column vectors), the instance id of
 * instance points, and any other keys of the line, kept as their JSON text.
 */
public final class PointTable {

	/** Bits of {@link #integerMask}: which numbers were written as integers (x, y, z, then the 9 matrix entries). */
	public static final int X_INT = 1, Y_INT = 2, Z_INT = 4, MATRIX_INT_SHIFT = 3;

	private static final PointKind[] KINDS = PointKind.values();
	private static final byte ORIENTED = (byte) PointKind.ORIENTED_POINT.ordinal();

	private byte[] kinds = new byte[16];
	private double[] xyz = new double[48];
	private double[] matrices;
	private long[] instances;
	private short[] integers;
	private String[] extras;
	private int size;

	public int size() {
		return size;
	}

	/**
	 * @param matrix 9 values, row-major; required for oriented points, ignored otherwise
	 * @param extra other keys of the line as JSON members ({@code "score": 0.5, "x": [1]}), or null
	 * @param integerMask which numbers to write as integers (see {@link #X_INT}); 0 for plain doubles
	 */
	public void add(final PointKind kind, final double x, final double y, final double z, final double[] matrix,
		final long instanceId, final String extra, final int integerMask)
	{
		if (kind == PointKind.ORIENTED_POINT && (matrix == null || matrix.length != 9))
			throw new IllegalArgumentException("an oriented point needs a 3x3 matrix");
		grow(size + 1);
		kinds[size] = (byte) kind.ordinal();
		xyz[3 * size] = x;
		xyz[3 * size + 1] = y;
		xyz[3 * size + 2] = z;
		if (kind == PointKind.ORIENTED_POINT) {
			if (matrices == null) matrices = new double[9 * kinds.length];
			System.arraycopy(matrix, 0, matrices, 9 * size, 9);
		}
		if (kind == PointKind.INSTANCE_POINT) {
			if (instances == null) instances = new long[kinds.length];
			instances[size] = instanceId;
		}
		if (extra != null && !extra.isEmpty()) {
			if (extras == null) extras = new String[kinds.length];
			extras[size] = extra;
		}
		if (integerMask != 0) {
			if (integers == null) integers = new short[kinds.length];
			integers[size] = (short) integerMask;
		}
		size++;
	}

	public void add(final PointKind kind, final double x, final double y, final double z, final double[] matrix,
		final long instanceId)
	{
		add(kind, x, y, z, matrix, instanceId, null, 0);
	}

	private void grow(final int n) {
		if (n <= kinds.length) return;
		final int cap = Math.max(n, kinds.length + (kinds.length >> 1) + 16);
		kinds = Arrays.copyOf(kinds, cap);
		xyz = Arrays.copyOf(xyz, 3 * cap);
		if (matrices != null) matrices = Arrays.copyOf(matrices, 9 * cap);
		if (instances != null) instances = Arrays.copyOf(instances, cap);
		if (extras != null) extras = Arrays.copyOf(extras, cap);
		if (integers != null) integers = Arrays.copyOf(integers, cap);
	}

	public PointKind kind(final int i) {
		return KINDS[kinds[check(i)]];
	}

	public double x(final int i) {
		return xyz[3 * check(i)];
	}

	public double y(final int i) {
		return xyz[3 * check(i) + 1];
	}

	public double z(final int i) {
		return xyz[3 * check(i) + 2];
	}

	/** Entry (row, column) of point i's rotation matrix; NaN for points without one. */
	public double matrix(final int i, final int row, final int column) {
		return kinds[check(i)] == ORIENTED ? matrices[9 * i + 3 * row + column] : Double.NaN;
	}

	/** A copy of point i's matrix (row-major), or null. */
	public double[] matrix(final int i) {
		return kind(i) == PointKind.ORIENTED_POINT ? Arrays.copyOfRange(matrices, 9 * i, 9 * i + 9) : null;
	}

	/** Point i's instance id; meaningful for instance points only. */
	public long instanceId(final int i) {
		return kind(i) == PointKind.INSTANCE_POINT ? instances[i] : 0;
	}

	/** The line's other keys as JSON members, or null. */
	public String extra(final int i) {
		return extras == null ? null : extras[check(i)];
	}

	public int integerMask(final int i) {
		return integers == null ? 0 : integers[check(i)];
	}

	/** How many points of each kind, indexed by {@link PointKind#ordinal()}. */
	public int[] kindCounts() {
		final int[] c = new int[PointKind.values().length];
		for (int i = 0; i < size; i++)
			c[kinds[i]]++;
		return c;
	}

	private int check(final int i) {
		if (i < 0 || i >= size) throw new IndexOutOfBoundsException("point " + i + " of " + size);
		return i;
	}
}

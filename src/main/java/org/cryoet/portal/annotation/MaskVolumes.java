package org.cryoet.portal.annotation;

import java.io.IOException;
import java.util.BitSet;

import org.cryoet.format.FormatException;
import org.cryoet.format.DataType;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Volume;
import org.cryoet.image.VolumeReader;

/** A painted or computed mask in the portal's two mask types: int8 0/1, or uint16 labels. */
final class MaskVolumes {

	static final class Mask {

		final DataType type;
		final int[] shape;
		final Object data;
		/** 1 or 0 for a binary mask; the number of distinct labels for labels. */
		final int objects;

		Mask(final DataType type, final int[] shape, final Object data, final int objects) {
			this.type = type;
			this.shape = shape;
			this.data = data;
			this.objects = objects;
		}
	}

	private MaskVolumes() {}

	/** Every non-zero voxel becomes 1. */
	static Mask binary(final MultiscaleVolume v) throws IOException {
		final Volume l = v.level(0);
		final int[] shape = shape(l);
		final Object src = VolumeReader.readAll(l, Runtime.getRuntime().availableProcessors());
		final DataType t = l.type();
		final byte[] out = new byte[DataType.length(src)];
		int any = 0;
		for (int i = 0; i < out.length; i++)
			if (t.get(src, i) != 0) {
				out[i] = 1;
				any = 1;
			}
		return new Mask(DataType.INT8, shape, out, any);
	}

	/** Labels must be whole numbers 0..65535 (0 = background). */
	static Mask labels(final MultiscaleVolume v) throws IOException {
		final Volume l = v.level(0);
		final int[] shape = shape(l);
		final Object src = VolumeReader.readAll(l, Runtime.getRuntime().availableProcessors());
		final DataType t = l.type();
		final short[] out = new short[DataType.length(src)];
		final BitSet seen = new BitSet(65536);
		for (int i = 0; i < out.length; i++) {
			final double d = t.get(src, i);
			if (d < 0 || d > 65535 || d != Math.rint(d)) throw new FormatException(l.describe() + ": value " + d +
				" at voxel " + i + " is no label (instance masks hold whole numbers 0..65535)");
			out[i] = (short) (int) d;
			if (d != 0) seen.set((int) d);
		}
		return new Mask(DataType.UINT16, shape, out, seen.cardinality());
	}

	private static int[] shape(final Volume l) throws FormatException {
		final long[] s = l.shape();
		if (s.length != 3) throw new FormatException(l.describe() + ": a mask must be 3D (z, y, x), this has " + s.length +
			" dimensions");
		if (s[0] * s[1] * s[2] > Integer.MAX_VALUE - 8) throw new FormatException(l.describe() +
			": too large to export in one piece (more than 2^31 voxels)");
		return new int[] { (int) s[0], (int) s[1], (int) s[2] };
	}
}

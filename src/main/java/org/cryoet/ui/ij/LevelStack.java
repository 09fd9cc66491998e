package org.cryoet.ui.ij;

import java.io.IOException;

import ij.VirtualStack;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

import org.cryoet.format.DataType;
import org.cryoet.image.Volume;

/**
 * One pyramid level as an ImageJ virtual stack: each slice is read when
 * ImageJ asks for it, through the chunk cache, into a fresh processor that
 * belongs to ImageJ (edits to it never reach the cache or the file).
 * Pixel types: uint8 and uint16 as they are; int8 masks as 8-bit 0/1;
 * other int8 and int16 shifted into ImageJ's unsigned range (the image's
 * calibration function gives the real values back, as ImageJ does for
 * signed 16-bit TIFFs); everything else as 32-bit float.
 */
public final class LevelStack extends VirtualStack {

	private final Volume level;
	private final DataType type;
	private final int width, height, depth;
	private final boolean rawBytes;
	private final String[] labels;

	/**
	 * @param rawBytes int8 values as they are (0/1 masks), not shifted by 128
	 * @param labels slice labels (tilt angles), or null
	 */
	public LevelStack(final Volume level, final boolean rawBytes, final String[] labels) {
		super(width(level), height(level), null, null);
		this.level = level;
		this.type = level.type();
		final long[] s = level.shape();
		width = (int) s[2];
		height = (int) s[1];
		depth = (int) s[0];
		this.rawBytes = rawBytes;
		this.labels = labels;
		setBitDepth(bitDepth(type));
	}

	private static int width(final Volume v) {
		check(v);
		return (int) v.shape()[2];
	}

	private static int height(final Volume v) {
		return (int) v.shape()[1];
	}

	/** ImageJ addresses pixels with ints; a slice of more than 2³¹ pixels cannot be shown. */
	private static void check(final Volume v) {
		final long[] s = v.shape();
		if (s.length != 3) throw new IllegalArgumentException(v.describe() + ": only 3D volumes can be shown");
		if (s[0] > Integer.MAX_VALUE || s[1] * s[2] > Integer.MAX_VALUE) throw new IllegalArgumentException(v
			.describe() + ": slices of " + s[2] + " x " + s[1] + " are too large for ImageJ; open a coarser level");
	}

	public static int bitDepth(final DataType t) {
		switch (t) {
			case INT8: case UINT8: return 8;
			case INT16: case UINT16: return 16;
			default: return 32;
		}
	}

	/** Whether ImageJ shows this type shifted (raw = value + offset). */
	public static double offset(final DataType t, final boolean rawBytes) {
		if (t == DataType.INT8 && !rawBytes) return 128;
		if (t == DataType.INT16) return 32768;
		return 0;
	}

	@Override
	public int getSize() {
		return depth;
	}

	@Override
	public int size() {
		return depth;
	}

	@Override
	public String getSliceLabel(final int n) {
		return labels == null || n < 1 || n > labels.length ? null : labels[n - 1];
	}

	@Override
	public ImageProcessor getProcessor(final int n) {
		if (n < 1 || n > depth) throw new IllegalArgumentException("slice " + n + " is outside 1-" + depth);
		final long[] off = { n - 1, 0, 0 };
		final int[] size = { 1, height, width };
		try {
			switch (type) {
				case UINT8:
				case INT8: {
					final byte[] b = new byte[width * height];
					level.read(off, size, b);
					if (type == DataType.INT8 && !rawBytes) for (int i = 0; i < b.length; i++)
						b[i] ^= (byte) 0x80; // +128: signed to ImageJ's unsigned
					return new ByteProcessor(width, height, b);
				}
				case UINT16:
				case INT16: {
					final short[] s = new short[width * height];
					level.read(off, size, s);
					if (type == DataType.INT16) for (int i = 0; i < s.length; i++)
						s[i] ^= (short) 0x8000; // +32768
					return new ShortProcessor(width, height, s, null);
				}
				case FLOAT16:
				case FLOAT32: {
					final float[] f = new float[width * height];
					level.read(off, size, f);
					return new FloatProcessor(width, height, f);
				}
				default: {
					final Object a = type.allocate(width * height);
					level.read(off, size, a);
					final float[] f = new float[width * height];
					for (int i = 0; i < f.length; i++)
						f[i] = (float) type.get(a, i);
					return new FloatProcessor(width, height, f);
				}
			}
		}
		catch (final IOException | RuntimeException e) {
			// ImageJ asks from its scrolling thread: a stack trace there helps nobody. Say it once, show zeros.
			if (!failed) {
				failed = true;
				ij.IJ.log(level.describe() + ": slice " + n + " could not be read and is shown as zeros: " + (e
					.getMessage() == null ? e.toString() : e.getMessage()));
			}
			final int b = bitDepth(type);
			return b == 8 ? new ByteProcessor(width, height) : b == 16 ? new ShortProcessor(width, height)
				: new FloatProcessor(width, height);
		}
	}

	private volatile boolean failed;

	@Override
	public Object getPixels(final int n) {
		return getProcessor(n).getPixels();
	}

	public Volume volume() {
		return level;
	}
}

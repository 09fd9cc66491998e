package org.cryoet.ui.roi;

import ij.ImagePlus;
import ij.ImageStack;

import java.util.Collections;

import org.cryoet.format.DataType;
import org.cryoet.image.ArrayVolume;
import org.cryoet.image.MultiscaleVolume;

/** A painted ImageJ stack as a volume (z, y, x) for mask export. */
public final class MaskImages {

	private MaskImages() {}

	/** @param voxelSize Å per voxel */
	public static MultiscaleVolume volume(final ImagePlus imp, final double voxelSize) {
		if (imp.getNChannels() > 1 || imp.getNFrames() > 1) throw new IllegalArgumentException(imp.getTitle() +
			": a mask is one channel and one time point (this image has " + imp.getNChannels() + " channels, " + imp
				.getNFrames() + " frames)");
		final ImageStack s = imp.getStack();
		final int w = s.getWidth(), h = s.getHeight(), d = s.getSize(), plane = w * h;
		final DataType t;
		final Object data;
		switch (imp.getBitDepth()) {
			case 8: {
				final byte[] b = new byte[plane * d];
				for (int z = 0; z < d; z++)
					System.arraycopy(s.getProcessor(z + 1).getPixels(), 0, b, z * plane, plane);
				t = DataType.UINT8;
				data = b;
				break;
			}
			case 16: {
				final short[] b = new short[plane * d];
				for (int z = 0; z < d; z++)
					System.arraycopy(s.getProcessor(z + 1).getPixels(), 0, b, z * plane, plane);
				t = DataType.UINT16;
				data = b;
				break;
			}
			case 32: {
				final float[] b = new float[plane * d];
				for (int z = 0; z < d; z++)
					System.arraycopy(s.getProcessor(z + 1).getPixels(), 0, b, z * plane, plane);
				t = DataType.FLOAT32;
				data = b;
				break;
			}
			default:
				throw new IllegalArgumentException(imp.getTitle() + ": RGB images are no masks");
		}
		return new MultiscaleVolume(imp.getTitle(), Collections.singletonList(new ArrayVolume(t, new int[] { d, h, w },
			data, imp.getTitle())), Collections.singletonList(new double[] { voxelSize, voxelSize, voxelSize }), Collections
				.singletonList(new double[3]), false, Collections.emptyList());
	}
}

package org.cryoet.ui;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;
import ij.process.ByteProcessor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.convert.Describe;
import org.cryoet.convert.FileSignature;
import org.cryoet.convert.VolumeExporter;
import org.cryoet.convert.VoxelSizes;
import org.cryoet.format.DataType;
import org.cryoet.image.BoxCopy;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;
import org.cryoet.image.Volume;
import org.cryoet.image.VolumeReader;

/**
 * ImageJ TIFF stack out, calibrated in Å. uint8 stays 8-bit and uint16 16-bit;
 * int8 and int16 become 16-bit with ImageJ's signed calibration (value - 32768);
 * everything else becomes 32-bit float.
 */
public final class ImageJTiffExport implements VolumeExporter {

	private final int threads;

	public ImageJTiffExport(final int threads) {
		this.threads = threads;
	}

	@Override
	public String export(final MultiscaleVolume input, final int level, final Path target, final Progress progress)
		throws IOException
	{
		final ImagePlus imp = toImagePlus(input, level, threads);
		final String tmp = target.toString() + ".tif";
		final boolean ok = imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(tmp) : new FileSaver(imp)
			.saveAsTiff(tmp);
		if (!ok) throw new IOException(target + ": ImageJ could not write the TIFF");
		final Calibration c = imp.getCalibration();
		TiffResolution.set(Path.of(tmp), c.pixelWidth, c.pixelHeight);
		Files.move(Path.of(tmp), target);
		return "ImageJ TIFF " + imp.getBitDepth() + "-bit, " + Describe.size(new long[] { imp.getStackSize(), imp
			.getHeight(), imp.getWidth() }) + ", " + Describe.voxel(new double[] { c.pixelDepth, c.pixelHeight,
				c.pixelWidth });
	}

	@Override
	public String writes() {
		return "a TIFF file";
	}

	@Override
	public boolean canReplace(final Path existing) throws IOException {
		return FileSignature.startsWith(existing, 0, new byte[] { 'I', 'I', 42, 0 }) || FileSignature.startsWith(existing,
			0, new byte[] { 'M', 'M', 0, 42 });
	}

	/** Reads a whole level into an ImageJ stack with its calibration. */
	public static ImagePlus toImagePlus(final MultiscaleVolume input, final int level, final int threads)
		throws IOException
	{
		final Volume v = input.level(level);
		final long[] sh = v.shape();
		final int w = (int) sh[2], h = (int) sh[1], d = (int) sh[0];
		final ImageStack stack = new ImageStack(w, h);
		final DataType t = v.type();
		final boolean signed16 = t == DataType.INT8 || t == DataType.INT16;
		for (int z = 0; z < d; z++) {
			final int[] size = { 1, h, w };
			final Object plane = t.allocate(BoxCopy.elements(size));
			VolumeReader.read(v, new long[] { z, 0, 0 }, size, plane, threads);
			stack.addSlice(processor(t, plane, w, h));
		}
		final ImagePlus imp = new ImagePlus(input.name, stack);
		final double[] s = VoxelSizes.snap(input.scales.get(level));
		final Calibration c = imp.getCalibration();
		c.pixelDepth = s[0];
		c.pixelHeight = s[1];
		c.pixelWidth = s[2];
		c.setUnit("\u00c5");
		if (signed16) c.setSigned16BitCalibration();
		return imp;
	}

	private static ImageProcessor processor(final DataType t, final Object plane, final int w, final int h) {
		switch (t) {
			case UINT8:
				return new ByteProcessor(w, h, (byte[]) plane);
			case UINT16:
				return new ShortProcessor(w, h, (short[]) plane, null);
			case INT8:
			case INT16: {
				final short[] s = new short[w * h];
				for (int i = 0; i < s.length; i++)
					s[i] = (short) ((int) t.get(plane, i) + 32768);
				return new ShortProcessor(w, h, s, null);
			}
			case FLOAT16:
			case FLOAT32:
				return new FloatProcessor(w, h, (float[]) plane);
			default: {
				final float[] f = new float[w * h];
				for (int i = 0; i < f.length; i++)
					f[i] = (float) t.get(plane, i);
				return new FloatProcessor(w, h, f);
			}
		}
	}
}

package org.cryoet.ui.roi;

import ij.IJ;
import ij.ImagePlus;
import ij.WindowManager;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.format.FormatException;
import org.cryoet.image.VolumeOpener;
import org.cryoet.ui.ij.ImageJDisplay;
import org.cryoet.ui.ij.ImageJViewer;

/**
 * The {@code image} parameter: the title of an open image, or a file (an
 * ImageJ TIFF, or an OME-Zarr/MRC volume opened at a level); empty means the
 * current image, if any. A text parameter, so that macros and the headless
 * launcher can name an image too.
 */
public final class ImageArgument {

	private ImageArgument() {}

	/**
	 * The current image; a mask opened with its tomogram stands for that
	 * tomogram (Open CryoET Tomogram with masks leaves the last mask current,
	 * and points belong on the tomogram).
	 */
	private static ImagePlus current() {
		final ImagePlus imp = WindowManager.getCurrentImage();
		if (imp == null || "tomogram".equals(imp.getProp(ImageJDisplay.KIND))) return imp;
		final ImagePlus tomogram = ImageJViewer.tomogramOf(imp.getProp(ImageJDisplay.GROUP));
		return tomogram != null ? tomogram : imp;
	}

	/** @return null when {@code image} is empty and no image is current */
	public static ImagePlus resolve(final String image, final int level) throws IOException {
		if (image == null || image.trim().isEmpty()) return current();
		final ImagePlus open = WindowManager.getImage(image);
		if (open != null) return open;
		if (org.cryoet.store.Stores.isRemote(image)) {
			final org.cryoet.store.StorePath remote = org.cryoet.store.Stores.openShared(image);
			try {
				return TargetImages.open(remote, level);
			}
			finally {
				remote.store.close(); // the image holds its own handle
			}
		}
		final Path p = Path.of(image);
		if (!Files.exists(p)) throw new FormatException(image + ": neither an open image nor a file");
		if (Files.isDirectory(p) || VolumeOpener.isMrc(p)) return TargetImages.open(p, level);
		final ImagePlus imp = IJ.openImage(p.toString());
		if (imp == null) throw new FormatException(image + ": ImageJ cannot open this file");
		return imp;
	}
}

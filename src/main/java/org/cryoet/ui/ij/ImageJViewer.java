package org.cryoet.ui.ij;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.util.Map;
import java.util.WeakHashMap;

import ij.ImageListener;
import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import org.cryoet.open.Opened;

/**
 * Shows images in ImageJ, with or without a display, and closes the opened
 * volume (its files and cached chunks) when its image is closed.
 */
public final class ImageJViewer {

	private static final Map<ImagePlus, Opened> OWNERS = new WeakHashMap<>();
	private static boolean listening;

	private ImageJViewer() {}

	/**
	 * Shows the image, so that it becomes a macro's current image. Without a
	 * display and outside batch mode (our headless launcher) ImageJ cannot make
	 * a window; the image is registered as batch mode would register it.
	 */
	public static void show(final ImagePlus imp) {
		if (GraphicsEnvironment.isHeadless() && !Interpreter.isBatchMode()) {
			Interpreter.addBatchModeImage(imp);
			WindowManager.setTempCurrentImage(imp);
		}
		else imp.show();
	}

	/** Makes the image the current one again (after others were opened beside it). */
	public static void makeCurrent(final ImagePlus imp) {
		if (imp.getWindow() != null) WindowManager.setCurrentWindow(imp.getWindow());
		else WindowManager.setTempCurrentImage(imp);
	}

	/** Closes {@code opened} when {@code imp} is closed. */
	/** Closes what an image reads from: when it closes, or when it was never shown (a failure after opening it). */
	public static void release(final ImagePlus imp) {
		final Opened o;
		synchronized (ImageJViewer.class) {
			o = OWNERS.remove(imp);
		}
		if (o != null) try {
			o.close();
		}
		catch (final IOException e) {
			// the image is gone either way; a file that will not close has nothing more to tell
		}
	}

	public static synchronized void closeWith(final ImagePlus imp, final Opened opened) {
		if (!listening) {
			ImagePlus.addImageListener(new ImageListener() {

				@Override
				public void imageOpened(final ImagePlus i) {}

				@Override
				public void imageUpdated(final ImagePlus i) {}

				@Override
				public void imageClosed(final ImagePlus i) {
					release(i);
				}
			});
			listening = true;
		}
		OWNERS.put(imp, opened);
	}

	/** The open image of a tomogram in the same run and voxel spacing, or null. */
	public static ImagePlus tomogramOf(final String group) {
		if (group == null) return null;
		final int[] ids = WindowManager.getIDList();
		if (ids != null) for (final int id : ids) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp != null && group.equals(imp.getProp(ImageJDisplay.GROUP)) && "tomogram".equals(imp.getProp(
				ImageJDisplay.KIND))) return imp;
		}
		return null;
	}
}

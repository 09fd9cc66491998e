package org.cryoet.ui;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import ij.ImagePlus;

import org.cryoet.open.Opened;
import org.cryoet.ui.bdv.BdvViewer;
import org.cryoet.ui.ij.ImageJDisplay;
import org.cryoet.ui.ij.ImageJViewer;

/**
 * Puts an opened volume in front of the user: in BigDataViewer when it is
 * there (and a display is), otherwise (and always when asked) as an ImageJ
 * image; or nowhere, for scripts that only want the image.
 */
public final class Viewers {

	public static final String BIGDATAVIEWER = "BigDataViewer", IMAGEJ = "ImageJ", NONE = "none";

	private static final AtomicBoolean TOLD = new AtomicBoolean();

	private Viewers() {}

	static void resetForTests() {
		TOLD.set(false);
	}

	/** What was shown, and where. */
	public static final class Shown {

		/** The ImageJ image (also for {@code none}); null when BigDataViewer shows the volume. */
		public final ImagePlus image;
		public final String viewer;

		Shown(final ImagePlus image, final String viewer) {
			this.image = image;
			this.viewer = viewer;
		}
	}

	/**
	 * @param level the level ImageJ shows (BigDataViewer shows every level)
	 * @param info where a fallback to ImageJ is said, once per session
	 * @param warn where unreadable blocks are reported
	 */
	public static Shown show(final Opened o, final int level, final String viewer, final Consumer<String> info,
		final Consumer<String> warn) throws Exception
	{
		final String v = viewer == null ? BIGDATAVIEWER : viewer;
		if (v.equalsIgnoreCase(BIGDATAVIEWER)) {
			final String why = BdvViewer.unavailable();
			if (why == null) {
				BdvViewer.show(o, warn);
				return new Shown(null, BIGDATAVIEWER);
			}
			if (TOLD.compareAndSet(false, true)) info.accept("BigDataViewer cannot be used (" + why +
				"); showing images in ImageJ instead");
		}
		else if (!v.equalsIgnoreCase(IMAGEJ) && !v.equalsIgnoreCase(NONE)) throw new IllegalArgumentException("viewer=" +
			viewer + ": choose " + BIGDATAVIEWER + ", " + IMAGEJ + " or " + NONE);
		final ImagePlus imp = ImageJDisplay.image(o, level);
		ImageJViewer.closeWith(imp, o);
		if (v.toLowerCase(Locale.ROOT).equals(NONE.toLowerCase(Locale.ROOT))) return new Shown(imp, NONE);
		ImageJViewer.show(imp);
		return new Shown(imp, IMAGEJ);
	}
}

package org.cryoet.ui.roi;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;

import org.cryoet.image.ChunkCache;
import org.cryoet.open.Opened;
import org.cryoet.open.Opener;
import org.cryoet.ui.ij.ImageJDisplay;
import org.cryoet.ui.ij.ImageJViewer;

/**
 * The image points land on when no image is given: the tomogram level as
 * Open CryoET Tomogram shows it in ImageJ (a virtual stack calibrated in Å,
 * origin −(f−1)/(2f) pixels at a level of factor f).
 */
public final class TargetImages {

	private TargetImages() {}

	public static ImagePlus open(final Path volume, final int level) throws IOException {
		return open(org.cryoet.store.Stores.local(volume), level);
	}

	/** A local or remote volume (of a shared store, see {@link org.cryoet.store.Stores#openShared}). */
	public static ImagePlus open(final org.cryoet.store.StorePath volume, final int level) throws IOException {
		final Opened o = new Opener(ChunkCache.shared()).tomogram(volume, 0, null);
		try {
			final ImagePlus imp = ImageJDisplay.image(o, o.level(level));
			ImageJViewer.closeWith(imp, o);
			return imp;
		}
		catch (final RuntimeException e) {
			o.close();
			throw e;
		}
	}
}

package org.cryoet.testutil;

import ij.ImagePlus;

import java.io.IOException;
import java.nio.file.Path;

import org.cryoet.store.StorePath;
import org.cryoet.ui.roi.TargetImages;

/** The one place tests make an ImageJ image of a tomogram level: the viewing code's, as Open CryoET Tomogram makes it. */
public final class TestImages {

	private TestImages() {}

	public static ImagePlus tomogram(final Path volume, final int level) throws IOException {
		return TargetImages.open(volume, level);
	}

	public static ImagePlus tomogram(final StorePath volume, final int level) throws IOException {
		return TargetImages.open(volume, level);
	}
}

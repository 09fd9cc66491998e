package org.cryoet.ui.roi;

import ij.ImagePlus;
import ij.measure.Calibration;

import java.io.IOException;
import java.nio.file.Path;

import org.cryoet.image.ChunkCache;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.ui.ImageJTiffExport;

/**
 * The one place that makes an ImageJ image of a tomogram level for points
 * to land on when no image is given. Until the viewing code (ui/ij) lands
 * this reads the level into memory with the calibration the viewing
 * contract gives (unit Å, level voxel size, origin −(f−1)/(2f) pixels);
 * the lead switches this method to the viewing code.
 */
public final class TargetImages {

	private TargetImages() {}

	public static ImagePlus open(final Path volume, final int level) throws IOException {
		final MultiscaleVolume v = new VolumeOpener(ChunkCache.shared()).open(volume);
		final ImagePlus imp = ImageJTiffExport.toImagePlus(v, level, Runtime.getRuntime().availableProcessors());
		final Calibration c = imp.getCalibration();
		final double f = v.scales.get(level)[2] / v.scales.get(0)[2];
		c.xOrigin = c.yOrigin = c.zOrigin = -(f - 1) / (2 * f);
		imp.setProp("cryoet.level", Integer.toString(level));
		imp.setProp("cryoet.voxel_spacing", Double.toString(v.scales.get(0)[2]));
		imp.setProp("cryoet.source", volume.toString());
		imp.setTitle(volume.getFileName() + "@" + level);
		return imp;
	}
}

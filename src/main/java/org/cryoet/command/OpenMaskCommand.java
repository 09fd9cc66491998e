package org.cryoet.command;

import java.io.File;

import ij.ImagePlus;

import org.cryoet.image.ChunkCache;
import org.cryoet.open.Opened;
import org.cryoet.open.Opener;
import org.cryoet.ui.Viewers;
import org.cryoet.ui.ij.ImageJDisplay;
import org.cryoet.ui.ij.ImageJViewer;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/**
 * Opens a segmentation mask: semantic masks as 0/1 (8-bit in ImageJ, a
 * coloured overlay in BigDataViewer), instance masks as labels with a colour
 * table. It joins its tomogram (same run and voxel spacing) when that is open.
 */
@Plugin(type = Command.class, label = "Open CryoET Segmentation Mask", menuPath =
	"Plugins>CryoET>Open CryoET Segmentation Mask", headless = true)
public class OpenMaskCommand extends CryoetCommand {

	@Parameter(persist = false, label = "Input (annotation folder, its metadata JSON, or a mask OME-Zarr or MRC)",
		style = FileWidget.FILE_AND_DIRECTORY_STYLE)
	private File input;

	@Parameter(persist = false, label = "Level (0 = full resolution, -1 = the open tomogram's, else the coarsest that fills 1024 x 1024)",
		required = false, min = "-1")
	private int level = -1;

	@Parameter(persist = false, label = "Viewer", choices = { Viewers.BIGDATAVIEWER, Viewers.IMAGEJ, Viewers.NONE }, required = false)
	private String viewer = Viewers.BIGDATAVIEWER;

	@Parameter(type = ItemIO.OUTPUT, label = "Mask")
	private ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT, label = "Opened", required = false)
	private String result;

	@Override
	protected void execute() throws Exception {
		final Opened o = new Opener(ChunkCache.shared()).mask(org.cryoet.portal.api.PortalPageUrl.recoverUrl(input));
		int l = level;
		final ImagePlus tomogram = ImageJViewer.tomogramOf(o.group);
		if (l < 0 && tomogram != null) l = Math.min(Integer.parseInt(tomogram.getProp(ImageJDisplay.LEVEL)), o.volume.levels
			.size() - 1);
		l = o.level(l);
		final Viewers.Shown shown = OpenCommands.show(this, o, l, viewer);
		image = shown.image;
		result = answer(OpenCommands.describe(o, l, shown) + (tomogram != null ? ", aligned with " +
			tomogram.getTitle() : ""));
	}
}

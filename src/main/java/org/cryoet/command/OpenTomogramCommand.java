package org.cryoet.command;

import java.io.File;

import ij.ImagePlus;

import org.cryoet.image.ChunkCache;
import org.cryoet.open.Opened;
import org.cryoet.open.Opener;
import org.cryoet.ui.Viewers;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Opens a tomogram (and, if asked, its segmentation masks) in BigDataViewer or ImageJ, lazily, in Å. */
@Plugin(type = Command.class, label = "Open CryoET Tomogram", menuPath = "Plugins>CryoET>Open CryoET Tomogram",
	headless = true)
public class OpenTomogramCommand extends CryoetCommand {

	@Parameter(persist = false, label = "Input (run, VoxelSpacing or tomogram folder, OME-Zarr or MRC)",
		style = FileWidget.FILE_AND_DIRECTORY_STYLE)
	private File input;

	@Parameter(persist = false, label = "Voxel spacing (Å; 0 = the run's only one)", required = false, min = "0")
	private double voxel_spacing;

	@Parameter(persist = false, label = "Tomogram id (empty = the only one, or the portal's default)", required = false)
	private String tomogram = "";

	@Parameter(persist = false, label = "Level (0 = full resolution, -1 = the coarsest that fills 1024 x 1024)", required = false,
		min = "-1")
	private int level = -1;

	@Parameter(persist = false, label = "Viewer", choices = { Viewers.BIGDATAVIEWER, Viewers.IMAGEJ, Viewers.NONE }, required = false)
	private String viewer = Viewers.BIGDATAVIEWER;

	@Parameter(persist = false, label = "Also open its segmentation masks", required = false)
	private boolean masks;

	@Parameter(type = ItemIO.OUTPUT, label = "Tomogram")
	private ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT, label = "Opened", required = false)
	private String result;

	@Override
	protected void execute() throws Exception {
		final Opener opener = new Opener(ChunkCache.shared());
		final Opened o = opener.tomogram(org.cryoet.portal.api.PortalPageUrl.recoverUrl(input), voxel_spacing, tomogram);
		final int l = o.level(level);
		final Viewers.Shown shown = OpenCommands.show(this, o, l, viewer);
		image = shown.image;
		final StringBuilder sb = new StringBuilder(OpenCommands.describe(o, l, shown));
		if (masks) for (final Opened m : opener.masksOf(org.cryoet.portal.api.PortalPageUrl.recoverUrl(input), voxel_spacing, tomogram)) {
			final int ml = Math.min(l, m.volume.levels.size() - 1);
			sb.append('\n').append(OpenCommands.describe(m, ml, OpenCommands.show(this, m, ml, shown.viewer)));
		}
		if (shown.image != null && masks) org.cryoet.ui.ij.ImageJViewer.makeCurrent(shown.image);
		result = answer(sb.toString());
	}
}

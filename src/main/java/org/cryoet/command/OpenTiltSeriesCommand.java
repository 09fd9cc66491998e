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

/** Opens a tilt series with its tilt angles (slice labels in ImageJ, drawn in BigDataViewer). */
@Plugin(type = Command.class, label = "Open CryoET Tilt Series", menuPath = "Plugins>CryoET>Open CryoET Tilt Series",
	headless = true)
public class OpenTiltSeriesCommand extends CryoetCommand {

	@Parameter(persist = false, label = "Input (run or tilt-series folder, OME-Zarr or MRC)", style = FileWidget.FILE_AND_DIRECTORY_STYLE)
	private File input;

	@Parameter(persist = false, label = "Level (0 = full resolution, -1 = the coarsest that fills 1024 x 1024)", required = false,
		min = "-1")
	private int level = -1;

	@Parameter(persist = false, label = "Viewer", choices = { Viewers.BIGDATAVIEWER, Viewers.IMAGEJ, Viewers.NONE }, required = false)
	private String viewer = Viewers.BIGDATAVIEWER;

	@Parameter(type = ItemIO.OUTPUT, label = "Tilt series")
	private ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT, label = "Opened", required = false)
	private String result;

	@Override
	protected void execute() throws Exception {
		final Opened o = new Opener(ChunkCache.shared()).tiltSeries(org.cryoet.portal.api.PortalPageUrl.recoverUrl(input));
		final int l = o.level(level);
		final Viewers.Shown shown = OpenCommands.show(this, o, l, viewer);
		image = shown.image;
		result = answer(OpenCommands.describe(o, l, shown) + (o.tiltAngles == null ? ", no tilt angles found" : ", tilts " +
			org.cryoet.open.TiltAngles.label(o.tiltAngles[0]) + " to " + org.cryoet.open.TiltAngles.label(
				o.tiltAngles[o.tiltAngles.length - 1])));
	}
}

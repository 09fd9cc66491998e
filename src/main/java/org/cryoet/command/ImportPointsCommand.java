package org.cryoet.command;

import java.io.File;

import org.cryoet.ui.roi.ImageArgument;
import org.cryoet.ui.roi.PointImporter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Portal point annotations onto an image as point ROIs, with orientation glyphs; optionally a RoiSet zip. */
@Plugin(type = Command.class, label = "Import CryoET Points", menuPath = "Plugins>CryoET>Import CryoET Points",
	headless = true)
public class ImportPointsCommand extends CryoetCommand {

	@Parameter(persist = false, label = "Input (ndjson file, annotation JSON or annotation folder; path or https:// or s3:// URL)",
		style = FileWidget.FILE_AND_DIRECTORY_STYLE)
	private File input;

	@Parameter(persist = false, label = "Image (title or file; empty: the current image, else the annotation's tomogram)",
		required = false)
	private String image = "";

	@Parameter(persist = false, label = "RoiSet .zip to write (optional)", style = FileWidget.SAVE_STYLE, required = false)
	private File roiset;

	@Parameter(persist = false, label = "Level when the tomogram is opened (0 = full resolution)", min = "0", required = false)
	private int level;

	@Parameter(persist = false, label = "Replace an existing RoiSet", required = false)
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT, label = "Imported", required = false)
	private String result;

	@Override
	protected void execute() throws Exception {
		final PointImporter.Result r = PointImporter.run(org.cryoet.portal.api.PortalPageUrl.recoverUrl(input), ImageArgument.resolve(image, level), level,
			roiset == null ? null : roiset.toPath(), overwrite);
		// an image we opened is shown where there is a screen; one the user had stays as it was
		if (r.image.getWindow() == null && !java.awt.GraphicsEnvironment.isHeadless()) r.image.show();
		// The tomogram may also be open in BigDataViewer: the points join that window too.
		final Object bdv = org.cryoet.ui.bdv.BdvViewer.unavailable() == null ? org.cryoet.ui.bdv.BdvViewer.windowOf(
			(String) r.image.getProp(org.cryoet.ui.ij.ImageJDisplay.GROUP)) : null;
		if (bdv != null) for (int i = 0; i < r.tables.size(); i++)
			org.cryoet.ui.bdv.BdvPoints.add(bdv, r.names.get(i), r.tables.get(i), r.spacings.get(i), r.colours.get(i),
				org.cryoet.ui.roi.PointImporter.GLYPH_PIXELS * r.image.getCalibration().pixelWidth);
		result = answer(r.describe());
	}
}

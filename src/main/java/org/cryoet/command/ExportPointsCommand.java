package org.cryoet.command;

import java.io.File;

import org.cryoet.portal.annotation.AnnotationExporter;
import org.cryoet.portal.annotation.PointFormat;
import org.cryoet.ui.roi.PointExporter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Point ROIs out as a deposit-ready portal annotation (ndjson, copick or RELION, plus validated metadata). */
@Plugin(type = Command.class, label = "Export CryoET Points", menuPath = "Plugins>CryoET>Export CryoET Points",
	headless = true)
public class ExportPointsCommand extends AnnotationParameters {

	@Parameter(persist = false, label = "RoiSet .zip (optional; else the current image's point ROIs)", style = FileWidget.OPEN_STYLE,
		required = false)
	private File roiset;

	@Parameter(persist = false, label = "Format", choices = { "ndjson", "copick", "relion" }, required = false)
	private String format = "ndjson";

	@Parameter(type = ItemIO.OUTPUT, label = "Exported", required = false)
	private String result;

	@Override
	protected void execute() throws Exception {
		final AnnotationExporter.Result r = PointExporter.run(settings(), roiset == null ? null : roiset.toPath(),
			roiset == null ? ij.WindowManager.getCurrentImage() : null, PointFormat.of(format == null ? "ndjson" : format));
		result = answer(r.describe());
	}
}

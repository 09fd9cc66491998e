package org.cryoet.command;

import java.io.File;

import org.cryoet.portal.api.PortalBrowse;
import org.cryoet.portal.api.PortalPageUrl;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.PortalTreeWriter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Lists the datasets, runs, tilt series, tomograms and annotations of a portal tree in either layout. */
@Plugin(type = Command.class, label = "Browse CryoET Data", menuPath = "Plugins>CryoET>Browse CryoET Data",
	headless = true)
public class BrowseCommand extends CryoetCommand {

	@Parameter(persist = false, label = "Input (dataset, run, voxel-spacing or tomogram folder, annotation file; path, s3:// URL or portal page URL)", style = FileWidget.FILE_AND_DIRECTORY_STYLE)
	private File input;

	@Parameter(persist = false, label = "Format", choices = { "text", "json" }, required = false)
	private String format = "text";

	@Parameter(type = ItemIO.OUTPUT, label = "Portal data")
	private String result;

	@Override
	protected void execute() throws Exception {
		// A portal page URL arrives as a File ("https:/..."): recovered and browsed through the API.
		final String in = PortalPageUrl.recoverUrl(input);
		final String remote = PortalBrowse.browse(in, format);
		if (remote != null) {
			result = remote;
			return;
		}
		final PortalDiscovery.Result r = PortalDiscovery.discover(in);
		result = "json".equals(format) ? PortalTreeWriter.json(r) : PortalTreeWriter.text(r).trim();
	}
}

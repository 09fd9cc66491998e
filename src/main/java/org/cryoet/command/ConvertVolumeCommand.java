package org.cryoet.command;

import java.io.File;
import java.util.Locale;

import org.cryoet.convert.VolumeConverter;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.Downsampling;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalPageInputs;
import org.cryoet.portal.api.PortalPageUrl;
import org.cryoet.ui.ImageJTiffExport;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** Converts a tomogram, tilt series or mask between OME-Zarr, MRC and TIFF. */
@Plugin(type = Command.class, label = "Convert CryoET Volume", menuPath = "Plugins>CryoET>Convert CryoET Volume",
	headless = true)
public class ConvertVolumeCommand extends CryoetCommand {

	@Parameter(persist = false, label = "Input (OME-Zarr folder, Zarr array or MRC file; path, https:// or s3:// URL, or portal run page)", style = FileWidget.FILE_AND_DIRECTORY_STYLE)
	private File input;

	@Parameter(persist = false, label = "Level (0 = full resolution)", min = "0", required = false)
	private int level;

	@Parameter(persist = false, label = "Output (.mrc, .zarr or .tif)", style = FileWidget.SAVE_STYLE)
	private File output;

	@Parameter(persist = false, label = "Pyramid downsampling (for .zarr)", choices = { "auto", "mean", "any", "nearest" },
		required = false)
	private String downsampling = "auto";

	@Parameter(persist = false, label = "Replace an existing output", required = false)
	private boolean overwrite;

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	private String result;

	@Override
	protected void execute() throws Exception {
		final Downsampling mode = downsampling == null || downsampling.equals("auto") ? null : Downsampling.valueOf(
			downsampling.toUpperCase(Locale.ROOT));
		final int threads = Runtime.getRuntime().availableProcessors();
		final VolumeConverter.Result r = new VolumeConverter(ChunkCache.shared(), threads, mode).register(".tif",
			new ImageJTiffExport(threads)).convert(volumeOf(PortalPageUrl.recoverUrl(input)), level, output.toPath(), overwrite, progress());
		for (final String note : r.notes)
			log.warn(note);
		result = "wrote " + r.output + ": " + r.description;
	}

	/** A portal run page stands for its default tomogram. */
	private static String volumeOf(final String input) throws Exception {
		return PortalPageUrl.looksLikePortalPage(input) ? PortalPageInputs.defaultTomogram(PortalClient.configured(),
			input) : input;
	}
}

package org.cryoet.command;

import ij.ImagePlus;

import java.io.File;

import org.cryoet.convert.MrcExport;
import org.cryoet.convert.OmeZarrExport;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.Downsampling;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.portal.annotation.AnnotationExporter;
import org.cryoet.portal.annotation.ExportSettings;
import org.cryoet.ui.roi.ImageArgument;
import org.cryoet.ui.roi.ImageGeometry;
import org.cryoet.ui.roi.MaskImages;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

/** A painted or computed mask out as a portal segmentation-mask annotation (OME-Zarr + MRC + validated metadata). */
@Plugin(type = Command.class, label = "Export CryoET Segmentation Mask", menuPath =
	"Plugins>CryoET>Export CryoET Segmentation Mask", headless = true)
public class ExportMaskCommand extends AnnotationParameters {

	@Parameter(persist = false, label = "Image (title or file; empty: the current image)", required = false)
	private String image = "";

	@Parameter(persist = false, label = "Input volume (.zarr or .mrc; instead of an image)", style = FileWidget.FILE_AND_DIRECTORY_STYLE,
		required = false)
	private File input;

	@Parameter(persist = false, label = "Kind", choices = { "semantic", "instance" }, required = false)
	private String kind = "semantic";

	@Parameter(type = ItemIO.OUTPUT, label = "Exported", required = false)
	private String result;

	@Override
	protected void execute() throws Exception {
		final ExportSettings s = settings();
		final MultiscaleVolume mask;
		if (input != null) {
			final MultiscaleVolume v = new VolumeOpener(ChunkCache.shared()).open(input.toPath());
			final double size = v.scales.get(0)[2];
			if (!(s.voxelSpacing > 0)) s.voxelSpacing = size;
			else if (Math.abs(s.voxelSpacing - size) > 1e-3) throw new IllegalArgumentException(input + ": its voxel size " +
				"is " + size + " Å, not voxel_spacing " + s.voxelSpacing + " (masks are written on their own grid)");
			mask = v;
		}
		else {
			final ImagePlus imp = ImageArgument.resolve(image, 0);
			if (imp == null) throw new IllegalArgumentException("no image: open the mask, or give image or input");
			final double size = ImageGeometry.of(imp, s.voxelSpacing > 0 ? s.voxelSpacing : Double.NaN).pixelSize[0];
			if (!(s.voxelSpacing > 0)) s.voxelSpacing = size;
			else if (Math.abs(s.voxelSpacing - size) > 1e-3) throw new IllegalArgumentException(imp.getTitle() +
				": its pixel size is " + size + " Å, not voxel_spacing " + s.voxelSpacing + " (masks are written on their " +
				"own grid)");
			mask = MaskImages.volume(imp, s.voxelSpacing);
		}
		final int threads = Runtime.getRuntime().availableProcessors();
		final boolean instance = "instance".equals(kind);
		final AnnotationExporter.Result r = AnnotationExporter.exportMask(s, mask, instance, (v, t) -> new OmeZarrExport(
			threads, instance ? Downsampling.NEAREST : Downsampling.ANY).export(v, 0, t, progress()), (v, t) -> new MrcExport(
				threads).export(v, 0, t, progress()));
		result = answer(r.describe());
	}
}

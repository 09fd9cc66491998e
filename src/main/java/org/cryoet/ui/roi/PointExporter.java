package org.cryoet.ui.roi;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cryoet.portal.annotation.AnnotationExporter;
import org.cryoet.portal.annotation.ExportSettings;
import org.cryoet.portal.annotation.PointFormat;
import org.cryoet.portal.annotation.PointTable;

/**
 * Point ROIs (from a RoiSet zip, or an image's overlay, selection and ROI
 * Manager) out as one portal annotation: all point ROIs of the set together.
 */
public final class PointExporter {

	private PointExporter() {}

	/**
	 * @param settings {@code voxelSpacing} 0 or NaN to take it from the ROIs or the image; object name and id
	 *          null to take them from the ROIs
	 */
	public static AnnotationExporter.Result run(final ExportSettings settings, final Path roiset, final ImagePlus image,
		final PointFormat format) throws IOException
	{
		final List<Roi> all = roiset != null ? RoiSetFiles.read(roiset) : fromImage(image);
		final List<PointRoi> rois = new ArrayList<>();
		// the same ROI can sit in the overlay, the selection and the ROI Manager (as clones): once each
		final java.util.Set<String> seen = new java.util.HashSet<>();
		for (final Roi r : all)
			if (PointRois.isPoints(r) && seen.add(identity((PointRoi) r))) rois.add((PointRoi) r);
		if (rois.isEmpty()) throw new IllegalArgumentException((roiset != null ? roiset.toString() : image == null
			? "no image" : image.getTitle()) + ": no point ROIs to export");
		if (!(settings.voxelSpacing > 0)) settings.voxelSpacing = defaultSpacing(rois, image);
		if (settings.objectName == null || settings.objectName.isEmpty()) settings.objectName = property(rois,
			RoiKeys.OBJECT_NAME);
		if (settings.objectId == null || settings.objectId.isEmpty()) settings.objectId = property(rois,
			RoiKeys.OBJECT_ID);
		ImageGeometry fallback = image != null ? ImageGeometry.of(image, settings.voxelSpacing) : null;
		if (fallback == null) for (final PointRoi r : rois) {
			final ImageGeometry g = ImageGeometry.decode(r.getProperty(RoiKeys.IMAGE_GEOMETRY));
			if (g != null) fallback = g;
		}
		final PointTable merged = new PointTable();
		for (final PointRoi r : rois) {
			final PointTable t = PointRois.read(r, settings.voxelSpacing, fallback);
			for (int i = 0; i < t.size(); i++)
				merged.add(t.kind(i), t.x(i), t.y(i), t.z(i), t.matrix(i), t.instanceId(i), t.extra(i), t.integerMask(i));
		}
		return AnnotationExporter.exportPoints(settings, merged, format);
	}

	private static String identity(final PointRoi r) {
		final ij.process.FloatPolygon p = r.getFloatPolygon();
		return r.getName() + "\u0000" + r.getProperty(RoiKeys.POINTS) + "\u0000" + java.util.Arrays.toString(p.xpoints)
			+ java.util.Arrays.toString(p.ypoints) + java.util.Arrays.toString(r.getCounters());
	}

	private static List<Roi> fromImage(final ImagePlus image) {
		if (image == null) throw new IllegalArgumentException("no roiset given and no image open to take point ROIs from");
		final List<Roi> out = new ArrayList<>();
		final Overlay o = image.getOverlay();
		if (o != null) for (int i = 0; i < o.size(); i++)
			out.add(o.get(i));
		if (image.getRoi() != null) out.add(image.getRoi());
		if (!GraphicsEnvironment.isHeadless() && RoiManager.getInstance() != null) for (final Roi r : RoiManager.getInstance()
			.getRoisAsArray())
			out.add(r);
		return out;
	}

	private static double defaultSpacing(final List<PointRoi> rois, final ImagePlus image) {
		final String fromRoi = property(rois, RoiKeys.VOXEL_SPACING);
		if (fromRoi != null) return Double.parseDouble(fromRoi);
		if (image != null) {
			final Object p = image.getProp("cryoet.voxel_spacing");
			if (p != null) return Double.parseDouble(p.toString());
			final ImageGeometry g = ImageGeometry.of(image, Double.NaN);
			return g.pixelSize[0];
		}
		throw new IllegalArgumentException("voxel_spacing: the ROIs do not say it; give the annotation's voxel size in Å");
	}

	private static String property(final List<PointRoi> rois, final String key) {
		for (final PointRoi r : rois) {
			final String v = r.getProperty(key);
			if (v != null) return RoiKeys.decode(v);
		}
		return null;
	}
}

package org.cryoet.ui.roi;

import ij.ImagePlus;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;
import ij.plugin.frame.RoiManager;

import java.awt.Color;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.cryoet.format.FormatException;
import org.cryoet.portal.annotation.NdjsonPointReader;
import org.cryoet.portal.annotation.PointAnnotationSource;
import org.cryoet.portal.annotation.PointTable;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalPageInputs;
import org.cryoet.portal.api.PortalPageUrl;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;
import org.cryoet.ui.ij.ImageJViewer;

/**
 * Brings point annotations onto an image: one {@link PointRoi} per file in
 * the image's overlay (and the ROI Manager where there is a display), with
 * orientation glyphs for oriented points, and optionally a RoiSet zip.
 */
public final class PointImporter {

	/** Orientation glyphs are drawn up to this many oriented points per file (an overlay of millions of lines is unusable). */
	public static final int MAX_GLYPH_POINTS = 20000;
	/** Glyph axis length, in pixels of the target image. */
	public static final double GLYPH_PIXELS = 5;

	private static final Color[] PALETTE = { Color.yellow, Color.cyan, Color.magenta, Color.orange, new Color(0x66ff66),
		Color.pink, new Color(0x9999ff), Color.white };

	/** What was imported. */
	public static final class Result {

		public final ImagePlus image;
		public final List<PointRoi> rois = new ArrayList<>();
		public final List<Roi> glyphs = new ArrayList<>();
		/** Per annotation file, for other viewers: its points, their voxel spacing (Å) and its name. */
		public final List<PointTable> tables = new ArrayList<>();
		public final List<Double> spacings = new ArrayList<>();
		public final List<String> names = new ArrayList<>();
		public final List<Color> colours = new ArrayList<>();
		final List<String> lines = new ArrayList<>();

		Result(final ImagePlus image) {
			this.image = image;
		}

		public String describe() {
			return String.join("\n", lines);
		}
	}

	private PointImporter() {}

	private static PointTable read(final StorePath file) throws IOException {
		final Path local = file.localPath();
		if (local != null) return new NdjsonPointReader().read(local).points;
		final byte[] bytes = file.read();
		if (bytes == null) throw new FormatException(file + ": not found");
		return new NdjsonPointReader().read(new java.io.ByteArrayInputStream(bytes), file.toString()).points;
	}

	/**
	 * @param image the target, or null to open the annotations' tomogram at {@code level}
	 * @param roiset a RoiSet zip to write, or null
	 */
	public static Result run(final Path input, final ImagePlus image, final int level, final Path roiset,
		final boolean overwrite) throws IOException
	{
		return run(PointAnnotationSource.resolve(input), input.toString(), image, level, roiset, overwrite);
	}

	/** @param input a path or a URL ({@code https://}, {@code s3://}) */
	public static Result run(final String input, final ImagePlus image, final int level, final Path roiset,
		final boolean overwrite) throws IOException
	{
		if (PortalPageUrl.looksLikePortalPage(input)) return runPage(input, image, level, roiset, overwrite);
		if (!Stores.isRemote(input)) return run(Path.of(input), image, level, roiset, overwrite);
		final StorePath in = Stores.openShared(input);
		try {
			return run(PointAnnotationSource.resolve(in), input, image, level, roiset, overwrite);
		}
		finally {
			in.store.close(); // an image opened from it holds its own handle
		}
	}

	/** A portal run page: the points made on its default tomogram, onto that tomogram unless an image is given. */
	private static Result runPage(final String input, final ImagePlus image, final int level, final Path roiset,
		final boolean overwrite) throws IOException
	{
		final PortalPageInputs.PointFiles page = PortalPageInputs.points(PortalClient.configured(), input);
		final List<StorePath> opened = new ArrayList<>();
		try {
			final List<PointAnnotationSource> sources = new ArrayList<>();
			for (final PortalPageInputs.PointFile f : page.files) {
				final StorePath p = Stores.openShared(f.url);
				opened.add(p);
				sources.add(PointAnnotationSource.of(p, f.annotationId, f.objectName, f.objectId, f.voxelSpacing,
					page.runName));
			}
			if (image != null) return run(sources, input, image, level, roiset, overwrite);
			final StorePath tomogram = Stores.openShared(page.tomogram);
			opened.add(tomogram);
			return onOpened(TargetImages.open(tomogram, level), sources, input, level, roiset, overwrite);
		}
		finally {
			for (final StorePath p : opened)
				p.store.close(); // an image opened from one holds its own handle
		}
	}

	/** Onto an image we opened: when the import fails, what the image reads from is closed with it. */
	private static Result onOpened(final ImagePlus opened, final List<PointAnnotationSource> sources,
		final String input, final int level, final Path roiset, final boolean overwrite) throws IOException
	{
		try {
			return run(sources, input, opened, level, roiset, overwrite);
		}
		catch (final IOException | RuntimeException | Error e) {
			ImageJViewer.release(opened);
			throw e;
		}
	}

	private static Result run(final List<PointAnnotationSource> sources, final String input, final ImagePlus image,
		final int level, final Path roiset, final boolean overwrite) throws IOException
	{
		if (image == null) {
			final StorePath tomogram = sources.get(0).tomogram;
			if (tomogram == null) throw new FormatException(input + ": no image is open and no tomogram sits beside the " +
				"annotation (open one, or give image)");
			return onOpened(TargetImages.open(tomogram, level), sources, input, level, roiset, overwrite);
		}
		final ImagePlus target = image;
		// read everything before touching the image: a bad line imports nothing
		final List<PointTable> tables = new ArrayList<>();
		for (final PointAnnotationSource s : sources)
			tables.add(read(s.file));
		final Result r = new Result(target);
		final Overlay overlay = target.getOverlay() != null ? target.getOverlay() : new Overlay();
		for (int k = 0; k < sources.size(); k++) {
			final PointAnnotationSource s = sources.get(k);
			final double spacing = spacing(s, target);
			final ImageGeometry g = ImageGeometry.of(target, spacing);
			final PointTable t = tables.get(k);
			final PointRoi roi = PointRois.build(t, spacing, g, target.getStackSize(), s.label(), colour(s.objectName));
			if (s.annotationId != null) roi.setProperty(RoiKeys.ANNOTATION_ID, s.annotationId);
			if (s.objectName != null) roi.setProperty(RoiKeys.OBJECT_NAME, RoiKeys.encode(s.objectName));
			if (s.objectId != null) roi.setProperty(RoiKeys.OBJECT_ID, s.objectId);
			roi.setProperty(RoiKeys.SOURCE, RoiKeys.encode(s.file.toString()));
			overlay.add(roi);
			r.rois.add(roi);
			r.tables.add(t);
			r.spacings.add(spacing);
			r.names.add(s.label());
			r.colours.add(colour(s.objectName));
			int outside = 0;
			for (int i = 0; i < t.size(); i++) {
				final double[] p = g.toPixel(new double[] { t.x(i) * spacing, t.y(i) * spacing, t.z(i) * spacing });
				if (p[0] < -0.5 || p[1] < -0.5 || p[2] < -0.5 || p[0] > target.getWidth() - 0.5 || p[1] > target.getHeight() -
					0.5 || p[2] > target.getStackSize() - 0.5) outside++;
			}
			final int oriented = t.kindCounts()[org.cryoet.portal.annotation.PointKind.ORIENTED_POINT.ordinal()];
			if (oriented > 0 && oriented <= MAX_GLYPH_POINTS) for (final Roi gl : PointRois.glyphs(t, spacing, g, target
				.getStackSize(), GLYPH_PIXELS * g.pixelSize[0]))
			{
				overlay.add(gl);
				r.glyphs.add(gl);
			}
			r.lines.add(s.label() + ": " + t.size() + " point" + (t.size() == 1 ? "" : "s") + " from " + s.file + (outside > 0
				? " (" + outside + " outside the image, shown on its nearest slice)" : "") + (oriented > MAX_GLYPH_POINTS
					? " (no orientation glyphs: more than " + MAX_GLYPH_POINTS + " oriented points)" : ""));
		}
		target.setOverlay(overlay);
		if (roiset != null) {
			RoiSetFiles.write(new ArrayList<>(r.rois), roiset, overwrite);
			r.lines.add("wrote " + roiset);
		}
		if (!GraphicsEnvironment.isHeadless()) {
			RoiManager rm = RoiManager.getInstance();
			if (rm == null) rm = new RoiManager();
			for (final PointRoi roi : r.rois)
				rm.addRoi(roi);
		}
		return r;
	}

	/** Å per voxel of the locations: the annotation's voxel spacing, else the image's level-0 voxel size. */
	private static double spacing(final PointAnnotationSource s, final ImagePlus target) {
		if (!Double.isNaN(s.voxelSpacing)) return s.voxelSpacing;
		final Object prop = target.getProp("cryoet.voxel_spacing");
		if (prop != null) try {
			return Double.parseDouble(prop.toString());
		}
		catch (final NumberFormatException e) {
			// fall through to the calibration
		}
		final ImageGeometry g = ImageGeometry.of(target, 1);
		return g.pixelSize[0];
	}

	/** The same object always gets the same colour. */
	static Color colour(final String objectName) {
		return PALETTE[Math.floorMod(objectName == null ? 0 : objectName.hashCode(), PALETTE.length)];
	}
}

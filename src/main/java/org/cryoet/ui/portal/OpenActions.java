package org.cryoet.ui.portal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.cryoet.portal.api.PortalAnnotation;
import org.cryoet.portal.api.PortalAnnotationFile;
import org.cryoet.portal.api.PortalDataset;
import org.cryoet.portal.api.PortalRun;
import org.cryoet.portal.api.PortalTiltSeries;
import org.cryoet.portal.api.PortalTomogram;
import org.cryoet.portal.api.PortalVoxelSpacing;
import org.cryoet.portal.api.RemoteLocation;

/**
 * What the browser's buttons open or copy, given a run's tree and what is
 * selected in it (a tomogram, voxel spacing, annotation, file, or nothing):
 * the selection when it fits, else the run's defaults.
 */
public final class OpenActions {

	static final List<String> MASK_SHAPES = Arrays.asList("SegmentationMask", "InstanceSegmentationMask");
	static final List<String> POINT_SHAPES = Arrays.asList("Point", "OrientedPoint", "InstanceSegmentation");

	private OpenActions() {}

	/** The URL of the tomogram to open: the selected one, else the run's default. */
	public static String tomogram(final PortalRun run, final Object selection) {
		PortalTomogram t = null;
		if (selection instanceof PortalTomogram) t = (PortalTomogram) selection;
		else if (selection instanceof PortalVoxelSpacing && !((PortalVoxelSpacing) selection).tomograms.isEmpty()) {
			for (final PortalTomogram x : ((PortalVoxelSpacing) selection).tomograms)
				if (t == null || x.visualizationDefault) t = x;
		}
		else if (run != null) t = run.defaultTomogram();
		if (t == null) throw new IllegalStateException("this run has no tomogram");
		return url(t.omezarr != null ? t.omezarr : t.mrc);
	}

	/** The mask files to open: the selected annotation's or file, else every mask of the default tomogram's spacing. */
	public static List<String> masks(final PortalRun run, final Object selection) {
		return files(run, selection, MASK_SHAPES, "zarr", "segmentation mask");
	}

	/** The point files to import: the selected annotation's or file, else every point annotation of the default spacing. */
	public static List<String> points(final PortalRun run, final Object selection) {
		return files(run, selection, POINT_SHAPES, "ndjson", "point annotation");
	}

	private static List<String> files(final PortalRun run, final Object selection, final List<String> shapes,
		final String preferred, final String what)
	{
		final List<PortalAnnotation> annotations = new ArrayList<>();
		if (selection instanceof PortalAnnotationFile) {
			final PortalAnnotationFile f = (PortalAnnotationFile) selection;
			if (!shapes.contains(f.shape)) throw new IllegalStateException("the selected file is a " + f.shape + ", not a " +
				what);
			return List.of(url(f.location));
		}
		if (selection instanceof PortalAnnotation) annotations.add((PortalAnnotation) selection);
		else if (selection instanceof PortalVoxelSpacing) annotations.addAll(((PortalVoxelSpacing) selection).annotations);
		else if (run != null) {
			final PortalTomogram t = selection instanceof PortalTomogram ? (PortalTomogram) selection : run.defaultTomogram();
			for (final PortalVoxelSpacing v : run.voxelSpacings)
				if (t == null || v.tomograms.contains(t)) annotations.addAll(v.annotations);
		}
		final List<String> out = new ArrayList<>();
		for (final PortalAnnotation a : annotations) {
			PortalAnnotationFile best = null;
			for (final PortalAnnotationFile f : a.files)
				if (shapes.contains(f.shape) && (best == null || preferred.equals(f.format))) best = f;
			if (best != null) out.add(url(best.location));
		}
		if (out.isEmpty()) throw new IllegalStateException("no " + what + " here");
		return out;
	}

	/** The URLs of what is selected, one a line, in the scheme asked for (S3 or HTTPS). */
	public static String urls(final Object selection, final boolean s3) {
		final List<RemoteLocation> l = new ArrayList<>();
		if (selection instanceof PortalTomogram) {
			l.add(((PortalTomogram) selection).omezarr);
			l.add(((PortalTomogram) selection).mrc);
		}
		else if (selection instanceof PortalTiltSeries) {
			final PortalTiltSeries t = (PortalTiltSeries) selection;
			l.addAll(Arrays.asList(t.omezarr, t.mrc, t.angleList));
		}
		else if (selection instanceof PortalAnnotation) {
			l.add(((PortalAnnotation) selection).metadata);
			((PortalAnnotation) selection).files.forEach(f -> l.add(f.location));
		}
		else if (selection instanceof PortalAnnotationFile) l.add(((PortalAnnotationFile) selection).location);
		else if (selection instanceof PortalVoxelSpacing) l.add(((PortalVoxelSpacing) selection).location);
		else if (selection instanceof PortalRun) l.add(((PortalRun) selection).location);
		else if (selection instanceof PortalDataset) l.add(((PortalDataset) selection).location);
		final StringBuilder sb = new StringBuilder();
		for (final RemoteLocation r : l) {
			final String u = r == null ? null : s3 ? r.s3 : r.https;
			if (u != null) sb.append(sb.length() == 0 ? "" : "\n").append(u);
		}
		return sb.toString();
	}

	private static String url(final RemoteLocation l) {
		if (l == null) throw new IllegalStateException("the portal gives no URL for it");
		return l.preferred();
	}
}

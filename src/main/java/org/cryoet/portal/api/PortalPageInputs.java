package org.cryoet.portal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import org.cryoet.portal.metadata.AnnotationShape;

/**
 * What a portal page URL given as a command's {@code input} stands for, as
 * the URLs of files the commands read through the remote stores. A run page
 * stands for the run's default tomogram (the curators' visualization default,
 * else the finest voxel spacing's), its tilt series, the masks and points
 * made on that tomogram, and its metadata; a dataset page for the dataset's
 * metadata. One request each (the run's tree).
 */
public final class PortalPageInputs {

	private PortalPageInputs() {}

	/**
	 * @return the URL of the default tomogram of the run page, or null when the input is no portal page URL
	 * @throws PortalApiException for a dataset page, a run without tomograms, or an API failure
	 */
	public static String defaultTomogram(final PortalClient client, final String input) throws PortalApiException {
		final PortalPageUrl page = page(input);
		if (page == null) return null;
		if (page.kind != PortalPageUrl.Kind.RUN) throw new PortalApiException(input +
			": a dataset page holds many tomograms; give a run page (/runs/<id>) or a tomogram's URL");
		final PortalRun run = client.runTree(page.id).runs.get(0);
		final PortalTomogram t = run.defaultTomogram();
		if (t == null) throw new PortalApiException(input + ": run " + run.name + " has no tomogram");
		return (t.omezarr != null ? t.omezarr : t.mrc).preferred();
	}

	/**
	 * @return the page, or null when the input is no portal URL at all
	 * @throws PortalApiException for a portal URL that is no dataset or run page
	 */
	private static PortalPageUrl page(final String input) throws PortalApiException {
		final PortalPageUrl page = PortalPageUrl.parse(input);
		if (page == null && PortalPageUrl.looksLikePortalPage(input)) throw new PortalApiException(input +
			": not a dataset or run page of the portal (give https://cryoetdataportal.czscience.com/datasets/<id> " +
			"or /runs/<id>)");
		return page;
	}

	/** The run of a run page; a dataset page is refused, saying what to give instead. */
	private static PortalRun run(final PortalClient client, final PortalPageUrl page, final String what)
		throws PortalApiException
	{
		if (page.kind != PortalPageUrl.Kind.RUN) throw new PortalApiException(page + ": a dataset page holds many runs; " +
			"give a run page (/runs/<id>) or the URL of " + what);
		return client.runTree(page.id).runs.get(0);
	}

	/** @return the URL of the run page's tilt series (OME-Zarr, else MRC), or null when the input is no portal page URL */
	public static String tiltSeries(final PortalClient client, final String input) throws PortalApiException {
		final PortalPageUrl page = page(input);
		if (page == null) return null;
		final PortalRun run = run(client, page, "a tilt series");
		if (run.tiltSeries.isEmpty()) throw new PortalApiException(input + ": run " + run.name + " has no tilt series");
		if (run.tiltSeries.size() > 1) throw new PortalApiException(input + ": run " + run.name + " has " + run.tiltSeries
			.size() + " tilt series; give one's URL: " + run.tiltSeries.stream().map(t -> (t.omezarr != null ? t.omezarr
				: t.mrc).preferred()).collect(Collectors.joining(" ")));
		final PortalTiltSeries t = run.tiltSeries.get(0);
		return (t.omezarr != null ? t.omezarr : t.mrc).preferred();
	}

	/**
	 * @return the URL of the one segmentation mask made on the run page's
	 *         default tomogram (OME-Zarr, else MRC), or null when the input is no portal page URL
	 */
	public static String mask(final PortalClient client, final String input) throws PortalApiException {
		final List<String> masks = masks(client, input);
		if (masks == null) return null;
		if (masks.isEmpty()) throw new PortalApiException(input + ": the run has no segmentation mask on its default " +
			"tomogram");
		if (masks.size() > 1) throw new PortalApiException(input + ": the run has " + masks.size() +
			" segmentation masks; give one's URL: " + String.join(" ", masks));
		return masks.get(0);
	}

	/**
	 * @return the URLs of the segmentation masks made on the run page's default
	 *         tomogram, one per annotation (OME-Zarr, else MRC), or null when the input is no portal page URL
	 */
	public static List<String> masks(final PortalClient client, final String input) throws PortalApiException {
		final PortalPageUrl page = page(input);
		if (page == null) return null;
		final PortalRun run = run(client, page, "a mask");
		final PortalTomogram t = run.defaultTomogram();
		if (t == null) throw new PortalApiException(input + ": run " + run.name + " has no tomogram");
		final List<String> out = new ArrayList<>();
		for (final PortalVoxelSpacing vs : run.voxelSpacings)
			for (final PortalAnnotation a : vs.annotations) {
				PortalAnnotationFile best = null;
				for (final PortalAnnotationFile f : a.files)
					if (onDefault(t, vs, f) && AnnotationShape.of(f.shape) != null && AnnotationShape.of(f.shape).isMask() &&
						(best == null || "zarr".equals(f.format))) best = f;
				if (best != null) out.add(best.location.preferred());
			}
		return out;
	}

	/** A point file with what the API says of its annotation. */
	public static final class PointFile {

		public final String url;
		/** The annotation's folder name, as local discovery names annotations ({@code 100}). */
		public final String annotationId;
		public final String objectName;
		public final String objectId;
		/** Å per voxel of its locations. */
		public final double voxelSpacing;

		PointFile(final String url, final String annotationId, final String objectName, final String objectId,
			final double voxelSpacing)
		{
			this.url = url;
			this.annotationId = annotationId;
			this.objectName = objectName;
			this.objectId = objectId;
			this.voxelSpacing = voxelSpacing;
		}
	}

	/** The point files of a run page and the tomogram they were made on. */
	public static final class PointFiles {

		public final String runName;
		public final List<PointFile> files;
		public final String tomogram;

		PointFiles(final String runName, final List<PointFile> files, final String tomogram) {
			this.runName = runName;
			this.files = Collections.unmodifiableList(files);
			this.tomogram = tomogram;
		}
	}

	/**
	 * @return the ndjson point files made on the run page's default tomogram
	 *         (its voxel spacing and alignment) and that tomogram's URL, or null
	 *         when the input is no portal page URL
	 */
	public static PointFiles points(final PortalClient client, final String input) throws PortalApiException {
		final PortalPageUrl page = page(input);
		if (page == null) return null;
		final PortalRun run = run(client, page, "an annotation's ndjson file");
		final List<PointFile> files = new ArrayList<>();
		final PortalTomogram t = run.defaultTomogram();
		if (t == null) throw new PortalApiException(input + ": run " + run.name + " has no tomogram to put points on " +
			"(give an annotation's ndjson URL and an image)");
		for (final PortalVoxelSpacing vs : run.voxelSpacings)
			for (final PortalAnnotation a : vs.annotations)
				for (final PortalAnnotationFile f : a.files)
					if (onDefault(t, vs, f) && AnnotationShape.of(f.shape) != null && AnnotationShape.of(f.shape).isPoints() &&
						"ndjson".equals(f.format)) files.add(new PointFile(f.location.preferred(), a.metadata == null ? Integer
							.toString(a.id) : a.metadata.parent().name(), a.objectName, a.objectId, vs.value));
		if (files.isEmpty()) throw new PortalApiException(input + ": run " + run.name + " has no point annotation on " +
			"its default tomogram");
		return new PointFiles(run.name, files, (t.omezarr != null ? t.omezarr : t.mrc).preferred());
	}

	/** A file made on the tomogram: at its voxel spacing, of its alignment (where both say). */
	private static boolean onDefault(final PortalTomogram t, final PortalVoxelSpacing vs, final PortalAnnotationFile f) {
		final boolean spacing = Objects.equals(t.voxelSpacingId, vs.id) || t.voxelSpacingId == null && Math.abs(vs.value -
			t.voxelSpacing) < 5e-4;
		return spacing && f.location != null && (f.alignmentId == null || t.alignmentId == null || f.alignmentId.equals(
			t.alignmentId));
	}

	/**
	 * @return the URL of the page's metadata file ({@code dataset_metadata.json},
	 *         {@code run_metadata.json}: the API has no field for them, the layout names them), or
	 *         null when the input is no portal page URL
	 */
	public static String metadata(final PortalClient client, final String input) throws PortalApiException {
		final PortalPageUrl page = page(input);
		if (page == null) return null;
		if (page.kind == PortalPageUrl.Kind.RUN) {
			final PortalRun run = client.runTree(page.id).runs.get(0);
			return location(run.location, input).child("run_metadata.json").preferred();
		}
		final PortalDataset d = client.dataset(page.id);
		return location(d.location, input).child("dataset_metadata.json").preferred();
	}

	private static RemoteLocation location(final RemoteLocation l, final String input) throws PortalApiException {
		if (l == null) throw new PortalApiException(input + ": the portal gives no files location for it");
		return l;
	}
}

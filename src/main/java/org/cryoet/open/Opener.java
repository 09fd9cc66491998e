package org.cryoet.open;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.DisplayRange;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.portal.layout.Annotation;
import org.cryoet.portal.layout.AnnotationFile;
import org.cryoet.portal.layout.Dataset;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.Run;
import org.cryoet.portal.layout.VolumeEntry;
import org.cryoet.portal.layout.VoxelSpacing;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalPageInputs;
import org.cryoet.portal.api.PortalPageUrl;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;

/**
 * Finds what the Open commands show from whatever a user points at: a run,
 * voxel-spacing, tomogram, tilt-series or annotation folder, an annotation's
 * metadata file, or an OME-Zarr or MRC file, in either portal layout or
 * outside any. OME-Zarr is preferred over MRC when both are there (it has
 * the coarser levels).
 */
public final class Opener {

	private static final String MASK = "SegmentationMask", INSTANCE_MASK = "InstanceSegmentationMask";

	private final VolumeOpener volumes;

	public Opener(final ChunkCache cache) {
		this.volumes = new VolumeOpener(cache);
	}

	/**
	 * A path, or a URL ({@code https://}, {@code s3://}) of a tomogram's OME-Zarr
	 * or MRC, or a portal run page (its default tomogram). Remote folders
	 * (runs, voxel spacings) are not yet searched.
	 */
	public Opened tomogram(final String input, final double voxelSpacing, final String tomogramId) throws IOException {
		if (!Stores.isRemote(input)) return tomogram(Path.of(input), voxelSpacing, tomogramId);
		String url = input;
		if (PortalPageUrl.looksLikePortalPage(input)) url = PortalPageInputs.defaultTomogram(PortalClient.configured(),
			input);
		return openRemote(url, Opened.Kind.TOMOGRAM);
	}

	public Opened tiltSeries(final String input) throws IOException {
		return Stores.isRemote(input) ? openRemote(input, Opened.Kind.TILT_SERIES) : tiltSeries(Path.of(input));
	}

	public Opened mask(final String input) throws IOException {
		return Stores.isRemote(input) ? openRemote(input, null) : mask(Path.of(input));
	}

	/** The masks of a tomogram; none for a URL (remote runs are not yet searched). */
	public List<Opened> masksOf(final String input, final double voxelSpacing, final String tomogramId)
		throws IOException
	{
		return Stores.isRemote(input) ? new ArrayList<>() : masksOf(Path.of(input), voxelSpacing, tomogramId);
	}

	/** Current- or seed-layout keys name their dataset, run and tomogram: {@code 10000/TS_026/100}. */
	private static final java.util.regex.Pattern PORTAL_KEY = java.util.regex.Pattern.compile(
		".*/(\\d+)/([^/]+)/(?:Reconstructions/VoxelSpacing[^/]+/Tomograms/(\\d+)|Tomograms/VoxelSpacing[^/]+/" +
			"(CanonicalTomogram))/[^/]+$");

	private Opened openRemote(final String url, final Opened.Kind wanted) throws IOException {
		final StorePath p = Stores.open(url);
		final String name = p.name();
		if (!VolumeOpener.isMrcName(name) && !name.toLowerCase(Locale.ROOT)
			.endsWith(".zarr") && !p.store.exists((p.key.isEmpty() ? "" : p.key + "/") + ".zattrs")) {
			p.store.close();
			throw new FormatException(url + ": give the URL of a volume (.zarr or .mrc) or of a portal run page; " +
				"remote runs and folders are not searched yet");
		}
		final MultiscaleVolume mv = volumes.open(p);
		final java.util.regex.Matcher m = PORTAL_KEY.matcher("/" + p.key);
		final String title = m.matches() ? m.group(1) + "/" + m.group(2) + "/" + (m.group(3) != null ? m.group(3) : "100")
			: name;
		Opened.Kind kind = wanted;
		if (kind == null) {
			final DataType t = mv.level(0).type();
			kind = mv.labelImage || t == DataType.UINT16 || t == DataType.INT32 || t == DataType.UINT32
				? Opened.Kind.INSTANCE_MASK : Opened.Kind.SEMANTIC_MASK;
		}
		final List<String> notes = new ArrayList<>();
		if (kind == Opened.Kind.TILT_SERIES) notes.add(url + ": tilt angles are not read from remote folders yet");
		return finish(mv, kind, title, url, null, null, notes);
	}

	/**
	 * @param voxelSpacing Å, or 0 (or NaN) for the run's only one
	 * @param tomogramId null or empty for the only one (or the portal's default)
	 */
	public Opened tomogram(final Path input, final double voxelSpacing, final String tomogramId) throws IOException {
		if (isVolume(input)) {
			final Place p = placeOf(input);
			return open(input, Opened.Kind.TOMOGRAM, p == null ? name(input) : p.title(p.tomogram), p == null ? null : p
				.group(), null, new ArrayList<>());
		}
		final Place p = onlyRun(input);
		final List<VoxelSpacing> withTomograms = p.run.voxelSpacings.stream().filter(v -> !v.tomograms.isEmpty()).collect(
			Collectors.toList());
		if (withTomograms.isEmpty()) throw new FormatException(input + ": run " + p.run.name + " has no tomogram here");
		p.spacing = choose(withTomograms, voxelSpacing, input);
		p.tomogram = chooseTomogram(p.spacing, tomogramId, input);
		final List<String> notes = new ArrayList<>();
		if ((tomogramId == null || tomogramId.isEmpty()) && p.spacing.tomograms.size() > 1) notes.add(input +
			": tomogram " + p.tomogram.id + " opened; the voxel spacing also has " + p.spacing.tomograms.stream().filter(
				t -> t != p.tomogram).map(t -> t.id).collect(Collectors.joining(", ")) + " (choose with tomogram=)");
		return open(volumeOf(p.tomogram, input), Opened.Kind.TOMOGRAM, p.title(p.tomogram), p.group(), null, notes);
	}

	/** The segmentation masks made on a tomogram: same run, voxel spacing and alignment. */
	public List<Opened> masksOf(final Path tomogramInput, final double voxelSpacing, final String tomogramId)
		throws IOException
	{
		final Place p = isVolume(tomogramInput) ? placeOf(tomogramInput) : onlyRun(tomogramInput);
		final List<Opened> out = new ArrayList<>();
		if (p == null) return out;
		if (p.spacing == null) p.spacing = choose(p.run.voxelSpacings.stream().filter(v -> !v.tomograms.isEmpty())
			.collect(Collectors.toList()), voxelSpacing, tomogramInput);
		// The masks of the tomogram that opens, and so of its alignment only.
		if (p.tomogram == null && !p.spacing.tomograms.isEmpty()) p.tomogram = chooseTomogram(p.spacing, tomogramId,
			tomogramInput);
		for (final Annotation a : p.spacing.annotations) {
			final AnnotationFile f = maskFile(a);
			if (f == null) continue;
			if (p.tomogram != null && a.alignmentMetadataPath != null && p.tomogram.alignmentMetadataPath != null &&
				!Objects.equals(a.alignmentMetadataPath, p.tomogram.alignmentMetadataPath)) continue;
			out.add(openMask(f, a, p));
		}
		return out;
	}

	public Opened tiltSeries(final Path input) throws IOException {
		if (isVolume(input)) {
			final Place p = placeOf(input);
			return open(input, Opened.Kind.TILT_SERIES, p == null ? name(input) : p.dataset.id + "/" + p.run.name +
				"/tilt series " + (p.tiltSeries == null ? "" : p.tiltSeries.id), null, input.toAbsolutePath().getParent(),
				new ArrayList<>());
		}
		final Place p = onlyRun(input);
		if (p.run.tiltSeries.isEmpty()) throw new FormatException(input + ": run " + p.run.name + " has no tilt series here");
		if (p.run.tiltSeries.size() > 1 && p.tiltSeries == null) throw new FormatException(input + ": run " + p.run.name +
			" has tilt series " + p.run.tiltSeries.stream().map(t -> t.id).collect(Collectors.joining(", ")) +
			"; give one tilt-series folder");
		final VolumeEntry ts = p.run.tiltSeries.get(0);
		return open(volumeOf(ts, input), Opened.Kind.TILT_SERIES, p.dataset.id + "/" + p.run.name + "/tilt series " +
			ts.id, null, ts.path, new ArrayList<>());
	}

	/** A segmentation mask: an annotation folder, its metadata JSON, or a mask's OME-Zarr or MRC. */
	public Opened mask(final Path input) throws IOException {
		if (isVolume(input)) {
			final Place p = placeOf(input);
			if (p != null && p.annotation != null) {
				for (final AnnotationFile f : p.annotation.files)
					if (input.toAbsolutePath().normalize().startsWith(f.path)) return openMask(f, p.annotation, p, input);
			}
			final MultiscaleVolume mv = volumes.open(input);
			final DataType t = mv.level(0).type();
			final boolean instance = mv.labelImage || t == DataType.UINT16 || t == DataType.INT32 || t == DataType.UINT32;
			return finish(mv, instance ? Opened.Kind.INSTANCE_MASK : Opened.Kind.SEMANTIC_MASK, p == null ? name(input) : p
				.dataset.id + "/" + p.run.name + "/" + name(input), input, p == null ? null : p.group(), null,
				new ArrayList<>());
		}
		final Path abs = input.toAbsolutePath().normalize();
		final Place p = onlyRun(input);
		final List<Annotation> candidates = new ArrayList<>();
		for (final VoxelSpacing vs : p.run.voxelSpacings)
			for (final Annotation a : vs.annotations)
				if (maskFile(a) != null && (abs.equals(a.metadata) || Files.isDirectory(abs) && a.metadata.startsWith(abs))) {
					candidates.add(a);
					p.spacing = vs;
				}
		if (candidates.isEmpty()) throw new FormatException(input + ": no segmentation mask here (give an annotation " +
			"folder, its metadata JSON, or a mask .zarr or .mrc)");
		if (candidates.size() > 1) throw new FormatException(input + ": holds the masks of annotations " + candidates
			.stream().map(a -> a.id + " (" + a.objectName + ")").collect(Collectors.joining(", ")) +
			"; give one annotation's metadata JSON");
		return openMask(maskFile(candidates.get(0)), candidates.get(0), p);
	}

	// ---- portal context ----

	/** Where a thing sits in a portal tree: dataset, run, and what was chosen in it. */
	private static final class Place {

		Dataset dataset;
		Run run;
		VoxelSpacing spacing;
		VolumeEntry tomogram, tiltSeries;
		Annotation annotation;

		String title(final VolumeEntry t) {
			return dataset.id + "/" + run.name + "/" + (t == null ? "?" : t.id);
		}

		String group() {
			return spacing == null ? null : run.path + "|" + String.format(Locale.ROOT, "%.3f", spacing.value);
		}
	}

	/** The one run under (or around) a folder, as discovery prunes it to that folder. */
	private static Place onlyRun(final Path input) throws IOException {
		final PortalDiscovery.Result r = PortalDiscovery.discover(input);
		final List<Place> runs = new ArrayList<>();
		for (final Dataset d : r.datasets)
			for (final Run run : d.runs) {
				final Place p = new Place();
				p.dataset = d;
				p.run = run;
				runs.add(p);
			}
		if (runs.isEmpty()) throw new FormatException(input + ": no run found here (give a run folder, or a folder in one)");
		if (runs.size() > 1) throw new FormatException(input + ": holds " + runs.size() + " runs (" + runs.stream().limit(5)
			.map(p -> p.run.name).collect(Collectors.joining(", ")) + (runs.size() > 5 ? ", ..." : "") +
			"); give one run folder");
		final Place p = runs.get(0);
		if (p.run.voxelSpacings.size() == 1) p.spacing = p.run.voxelSpacings.get(0);
		if (p.spacing != null && p.spacing.tomograms.size() == 1 && input.toAbsolutePath().normalize().startsWith(
			p.spacing.tomograms.get(0).path)) p.tomogram = p.spacing.tomograms.get(0);
		if (p.run.tiltSeries.size() == 1) p.tiltSeries = p.run.tiltSeries.get(0);
		return p;
	}

	/** The portal context of a volume file, or null when it sits in no portal layout. */
	private static Place placeOf(final Path volume) {
		final Path abs = volume.toAbsolutePath().normalize();
		try {
			final Place p = onlyRun(abs);
			for (final VoxelSpacing vs : p.run.voxelSpacings) {
				for (final VolumeEntry t : vs.tomograms)
					if (abs.startsWith(t.path)) {
						p.spacing = vs;
						p.tomogram = t;
					}
				for (final Annotation a : vs.annotations)
					for (final AnnotationFile f : a.files)
						if (abs.startsWith(f.path)) {
							p.spacing = vs;
							p.annotation = a;
						}
			}
			for (final VolumeEntry t : p.run.tiltSeries)
				if (abs.startsWith(t.path)) p.tiltSeries = t;
			return p;
		}
		catch (final IOException | RuntimeException e) {
			return null; // a volume outside any portal layout
		}
	}

	private static VoxelSpacing choose(final List<VoxelSpacing> spacings, final double wanted, final Path input)
		throws FormatException
	{
		if (spacings.isEmpty()) throw new FormatException(input + ": no voxel spacing with a tomogram here");
		final String have = spacings.stream().map(v -> String.format(Locale.ROOT, "%.3f", v.value)).collect(Collectors
			.joining(", "));
		if (!(wanted > 0)) {
			if (spacings.size() == 1) return spacings.get(0);
			throw new FormatException(input + ": the run has voxel spacings " + have + " Å; choose one with voxel_spacing=");
		}
		for (final VoxelSpacing v : spacings)
			if (Math.abs(v.value - wanted) < 5e-4) return v;
		throw new FormatException(input + ": no voxel spacing " + wanted + " Å (the run has " + have + ")");
	}

	private static VolumeEntry chooseTomogram(final VoxelSpacing vs, final String id, final Path input)
		throws IOException
	{
		final List<VolumeEntry> ts = vs.tomograms;
		if (id != null && !id.trim().isEmpty()) {
			for (final VolumeEntry t : ts)
				if (t.id.equals(id.trim())) return t;
			throw new FormatException(input + ": no tomogram " + id + " at " + String.format(Locale.ROOT, "%.3f", vs.value) +
				" Å (there are " + ts.stream().map(t -> t.id).collect(Collectors.joining(", ")) + ")");
		}
		if (ts.size() == 1) return ts.get(0);
		for (final VolumeEntry t : ts)
			if (t.metadata != null && Boolean.TRUE.equals(visualizationDefault(t.metadata))) return t;
		return ts.stream().min((a, b) -> compareIds(a.id, b.id)).get();
	}

	private static Boolean visualizationDefault(final Path metadata) {
		try {
			final com.google.gson.JsonElement e = MetadataFiles.read(metadata).get("is_visualization_default");
			return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() ? e.getAsBoolean() : null;
		}
		catch (final FormatException e) {
			return null;
		}
	}

	private static int compareIds(final String a, final String b) {
		try {
			return Long.compare(Long.parseLong(a), Long.parseLong(b));
		}
		catch (final NumberFormatException e) {
			return a.compareTo(b);
		}
	}

	private static AnnotationFile maskFile(final Annotation a) {
		AnnotationFile best = null;
		for (final AnnotationFile f : a.files)
			if ((MASK.equals(f.shape) || INSTANCE_MASK.equals(f.shape)) && ("zarr".equals(f.format) || "mrc".equals(
				f.format)) && (best == null || "zarr".equals(f.format))) best = f;
		return best;
	}

	private static Path volumeOf(final VolumeEntry e, final Path input) throws FormatException {
		final Path p = e.volumes.containsKey("zarr") ? e.volumes.get("zarr") : e.volumes.get("mrc");
		if (p == null) throw new FormatException(input + ": " + e.path + " holds no OME-Zarr or MRC file");
		return p;
	}

	// ---- opening ----

	private Opened openMask(final AnnotationFile f, final Annotation a, final Place p) throws IOException {
		return openMask(f, a, p, f.path);
	}

	private Opened openMask(final AnnotationFile f, final Annotation a, final Place p, final Path file)
		throws IOException
	{
		final Opened.Kind kind = INSTANCE_MASK.equals(f.shape) ? Opened.Kind.INSTANCE_MASK : Opened.Kind.SEMANTIC_MASK;
		return finish(volumes.open(file), kind, p.dataset.id + "/" + p.run.name + "/" + a.id + " " + a.objectName, file, p
			.group(), null, new ArrayList<>());
	}

	private Opened open(final Path file, final Opened.Kind kind, final String title, final String group,
		final Path anglesFolder, final List<String> notes) throws IOException
	{
		final MultiscaleVolume mv = volumes.open(file);
		double[] angles = null;
		if (kind == Opened.Kind.TILT_SERIES) {
			final int images = (int) mv.level(0).shape()[0];
			angles = TiltAngles.find(Files.isDirectory(file) && anglesFolder == null ? file.getParent() : anglesFolder,
				images, notes);
			if (angles == null) notes.add(file + ": no tilt angles found beside it (.rawtlt, .tlt or tiltseries_metadata.json)");
		}
		return finish(mv, kind, title, file, group, angles, notes);
	}

	private static Opened finish(final MultiscaleVolume mv, final Opened.Kind kind, final String title, final Path file,
		final String group, final double[] angles, final List<String> notes) throws IOException
	{
		return finish(mv, kind, title, file.toString(), group, angles, notes);
	}

	private static Opened finish(final MultiscaleVolume mv, final Opened.Kind kind, final String title,
		final String source, final String group, final double[] angles, final List<String> notes) throws IOException
	{
		try {
			notes.addAll(0, mv.notes);
			return new Opened(mv, kind, title, source, group, angles, DisplayRange.of(mv,
				kind == Opened.Kind.INSTANCE_MASK), notes);
		}
		catch (final IOException | RuntimeException | Error e) {
			mv.close();
			throw e;
		}
	}

	static boolean isVolume(final Path p) {
		if (Files.isDirectory(p)) return Files.exists(p.resolve(".zattrs")) && Files.exists(p.resolve(".zgroup")) || Files
			.exists(p.resolve(".zarray"));
		return Files.isRegularFile(p) && VolumeOpener.isMrc(p);
	}

	private static String name(final Path p) {
		return p.getFileName() == null ? p.toString() : p.getFileName().toString();
	}
}

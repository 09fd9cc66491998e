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
import org.cryoet.portal.layout.PortalLayout;
import org.cryoet.portal.layout.Run;
import org.cryoet.portal.layout.VolumeEntry;
import org.cryoet.portal.layout.VoxelSpacing;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalPageInputs;
import org.cryoet.portal.api.PortalPageUrl;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.store.SharedStore;
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
	 * A path, or a URL ({@code https://}, {@code s3://}) of a tomogram's
	 * OME-Zarr or MRC or of a folder around it (a run, a voxel spacing: S3 and
	 * other stores that list), or a portal run page (its default tomogram).
	 */
	public Opened tomogram(final String input, final double voxelSpacing, final String tomogramId) throws IOException {
		String url = input;
		if (PortalPageUrl.looksLikePortalPage(input)) url = PortalPageInputs.defaultTomogram(PortalClient.configured(),
			input);
		try (Located in = Located.of(url)) {
			return tomogram(in.path, voxelSpacing, tomogramId);
		}
	}

	/** A path or URL, or a portal run page (its tilt series). */
	public Opened tiltSeries(final String input) throws IOException {
		final String url = PortalPageUrl.looksLikePortalPage(input) ? PortalPageInputs.tiltSeries(PortalClient
			.configured(), input) : input;
		try (Located in = Located.of(url)) {
			return tiltSeries(in.path);
		}
	}

	/** A path or URL, or a portal run page (the one mask made on its default tomogram). */
	public Opened mask(final String input) throws IOException {
		final String url = PortalPageUrl.looksLikePortalPage(input) ? PortalPageInputs.mask(PortalClient.configured(),
			input) : input;
		try (Located in = Located.of(url)) {
			return mask(in.path);
		}
	}

	/** The masks made on the tomogram that {@code input} opens. */
	public List<Opened> masksOf(final String input, final double voxelSpacing, final String tomogramId)
		throws IOException
	{
		if (PortalPageUrl.looksLikePortalPage(input)) {
			final List<Opened> out = new ArrayList<>();
			try {
				for (final String url : PortalPageInputs.masks(PortalClient.configured(), input))
					out.add(mask(url));
			}
			catch (final IOException | RuntimeException e) {
				for (final Opened o : out)
					o.close();
				throw e;
			}
			return out;
		}
		try (Located in = Located.of(input)) {
			return masksOf(in.path, voxelSpacing, tomogramId);
		}
	}

	public Opened tomogram(final Path input, final double voxelSpacing, final String tomogramId) throws IOException {
		return tomogram(Located.local(input), voxelSpacing, tomogramId);
	}

	public List<Opened> masksOf(final Path input, final double voxelSpacing, final String tomogramId)
		throws IOException
	{
		return masksOf(Located.local(input), voxelSpacing, tomogramId);
	}

	public Opened tiltSeries(final Path input) throws IOException {
		return tiltSeries(Located.local(input));
	}

	public Opened mask(final Path input) throws IOException {
		return mask(Located.local(input));
	}

	/** What a user typed, as a location; a remote store is shared by what is opened from it, and closed with the last. */
	private static final class Located implements AutoCloseable {

		final StorePath path;

		private Located(final StorePath path) {
			this.path = path;
		}

		static Located of(final String input) throws IOException {
			return new Located(Stores.isRemote(input) ? Stores.openShared(input) : local(Path.of(input)));
		}

		static StorePath local(final Path input) throws IOException {
			if (!Files.exists(input)) throw new FormatException(input + ": not found");
			return Stores.local(input);
		}

		@Override
		public void close() throws IOException {
			path.store.close();
		}
	}

	/**
	 * A location in any store; what opens takes its own handle of a shared
	 * store ({@link Stores#openShared}), so the caller may close its own.
	 *
	 * @param voxelSpacing Å, or 0 (or NaN) for the run's only one
	 * @param tomogramId null or empty for the only one (or the portal's default)
	 */
	public Opened tomogram(final StorePath input, final double voxelSpacing, final String tomogramId)
		throws IOException
	{
		if (isVolume(input)) {
			final Place p = placeOf(input);
			return open(input, Opened.Kind.TOMOGRAM, p == null ? titleOf(input) : p.title(p.tomogram), p == null ? null
				: p.group(), null, new ArrayList<>());
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
	private List<Opened> masksOf(final StorePath tomogramInput, final double voxelSpacing, final String tomogramId)
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
		try {
			for (final Annotation a : p.spacing.annotations) {
				final AnnotationFile f = maskFile(a);
				if (f == null) continue;
				if (p.tomogram != null && a.alignmentMetadataPath != null && p.tomogram.alignmentMetadataPath != null &&
					!Objects.equals(a.alignmentMetadataPath, p.tomogram.alignmentMetadataPath)) continue;
				out.add(openMask(f, a, p));
			}
		}
		catch (final IOException | RuntimeException e) {
			for (final Opened o : out)
				o.close();
			throw e;
		}
		return out;
	}

	private Opened tiltSeries(final StorePath input) throws IOException {
		if (isVolume(input)) {
			final Place p = placeOf(input);
			return open(input, Opened.Kind.TILT_SERIES, p == null ? titleOf(input) : p.dataset.id + "/" + p.run.name +
				"/tilt series " + (p.tiltSeries == null ? "" : p.tiltSeries.id), null, input.parent(), new ArrayList<>());
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
	private Opened mask(final StorePath input) throws IOException {
		if (isVolume(input)) {
			final Place p = placeOf(input);
			if (p != null && p.annotation != null) {
				for (final AnnotationFile f : p.annotation.files)
					if (input.startsWith(f.path)) return openMask(f, p.annotation, p, input);
			}
			final MultiscaleVolume mv = openVolume(input);
			final DataType t = mv.level(0).type();
			final boolean instance = mv.labelImage || t == DataType.UINT16 || t == DataType.INT32 || t == DataType.UINT32;
			return finish(mv, instance ? Opened.Kind.INSTANCE_MASK : Opened.Kind.SEMANTIC_MASK, p == null ? titleOf(input)
				: p.dataset.id + "/" + p.run.name + "/" + input.name(), input.toString(), p == null ? null : p.group(), null,
				new ArrayList<>());
		}
		final Place p = onlyRun(input);
		final boolean folder = !input.isFile();
		final List<Annotation> candidates = new ArrayList<>();
		for (final VoxelSpacing vs : p.run.voxelSpacings)
			for (final Annotation a : vs.annotations)
				if (maskFile(a) != null && (input.equals(a.metadata) || folder && a.metadata.startsWith(input))) {
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
	private static Place onlyRun(final StorePath input) throws IOException {
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
		if (p.spacing != null && p.spacing.tomograms.size() == 1 && input.startsWith(p.spacing.tomograms.get(0).path))
			p.tomogram = p.spacing.tomograms.get(0);
		if (p.run.tiltSeries.size() == 1) p.tiltSeries = p.run.tiltSeries.get(0);
		return p;
	}

	/**
	 * The portal context of a volume, or null when it sits in no portal layout
	 * (or in a store that cannot list: the title then comes from the key).
	 */
	private static Place placeOf(final StorePath volume) {
		if (!volume.store.canList()) return null;
		try {
			final Place p = onlyRun(volume);
			for (final VoxelSpacing vs : p.run.voxelSpacings) {
				for (final VolumeEntry t : vs.tomograms)
					if (volume.startsWith(t.path)) {
						p.spacing = vs;
						p.tomogram = t;
					}
				for (final Annotation a : vs.annotations)
					for (final AnnotationFile f : a.files)
						if (volume.startsWith(f.path)) {
							p.spacing = vs;
							p.annotation = a;
						}
			}
			for (final VolumeEntry t : p.run.tiltSeries)
				if (volume.startsWith(t.path)) p.tiltSeries = t;
			return p;
		}
		catch (final IOException | RuntimeException e) {
			return null; // a volume outside any portal layout
		}
	}

	private static VoxelSpacing choose(final List<VoxelSpacing> spacings, final double wanted, final StorePath input)
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

	private static VolumeEntry chooseTomogram(final VoxelSpacing vs, final String id, final StorePath input)
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

	private static Boolean visualizationDefault(final StorePath metadata) throws IOException {
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

	private static StorePath volumeOf(final VolumeEntry e, final StorePath input) throws FormatException {
		final StorePath p = e.volumes.containsKey("zarr") ? e.volumes.get("zarr") : e.volumes.get("mrc");
		if (p == null) throw new FormatException(input + ": " + e.path + " holds no OME-Zarr or MRC file");
		return p;
	}

	// ---- opening ----

	/** A local volume as a file (the fastest reads); a remote one over its own handle of the shared store. */
	private MultiscaleVolume openVolume(final StorePath p) throws IOException {
		final Path local = p.localPath();
		if (local != null) return volumes.open(local);
		// a volume closes its store with itself: it must hold a handle of its own, never the caller's store
		if (!(p.store instanceof SharedStore)) throw new IllegalArgumentException(p +
			": a remote location must come from Stores.openShared");
		return volumes.open(new StorePath(((SharedStore) p.store).share(), p.key));
	}

	private Opened openMask(final AnnotationFile f, final Annotation a, final Place p) throws IOException {
		return openMask(f, a, p, f.path);
	}

	private Opened openMask(final AnnotationFile f, final Annotation a, final Place p, final StorePath file)
		throws IOException
	{
		final Opened.Kind kind = INSTANCE_MASK.equals(f.shape) ? Opened.Kind.INSTANCE_MASK : Opened.Kind.SEMANTIC_MASK;
		return finish(openVolume(file), kind, p.dataset.id + "/" + p.run.name + "/" + a.id + " " + a.objectName, file
			.toString(), p.group(), null, new ArrayList<>());
	}

	private Opened open(final StorePath file, final Opened.Kind kind, final String title, final String group,
		final StorePath anglesFolder, final List<String> notes) throws IOException
	{
		final MultiscaleVolume mv = openVolume(file);
		double[] angles = null;
		if (kind == Opened.Kind.TILT_SERIES) {
			try {
				final int images = (int) mv.level(0).shape()[0];
				angles = TiltAngles.find(anglesFolder != null ? anglesFolder : file.parent(), images, notes);
			}
			catch (final IOException | RuntimeException e) {
				mv.close();
				throw e;
			}
			if (angles == null) notes.add(file + ": no tilt angles found beside it (" + (file.store.canList()
				? ".rawtlt, .tlt or " : "this server cannot list its files; looked for ") + "tiltseries_metadata.json)");
		}
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

	/** A Zarr group or array (found by its files, so also where nothing can be listed) or an MRC file. */
	static boolean isVolume(final StorePath p) throws IOException {
		final Path local = p.localPath();
		if (local != null) {
			if (Files.isDirectory(local)) return Files.exists(local.resolve(".zattrs")) && Files.exists(local.resolve(
				".zgroup")) || Files.exists(local.resolve(".zarray"));
			return Files.isRegularFile(local) && VolumeOpener.isMrc(local);
		}
		if (VolumeOpener.isMrcName(p.name())) return p.isFile();
		return p.resolve(".zarray").isFile() || p.resolve(".zattrs").isFile() && p.resolve(".zgroup").isFile();
	}

	/** Current- or seed-layout keys name their dataset, run and tomogram: {@code 10000/TS_026/100}. */
	private static final java.util.regex.Pattern PORTAL_KEY = java.util.regex.Pattern.compile(
		".*/(\\d+)/([^/]+)/(?:Reconstructions/VoxelSpacing[^/]+/Tomograms/(\\d+)|Tomograms/VoxelSpacing[^/]+/" +
			"(CanonicalTomogram))/[^/]+$");

	/** Tilt series keys: {@code 10000/TS_026/TiltSeries/100/x} (current) or {@code .../TiltSeries/x} (seed). */
	private static final java.util.regex.Pattern TILT_SERIES_KEY = java.util.regex.Pattern.compile(
		".*/(\\d+)/([^/]+)/TiltSeries/(?:(\\d+)/)?[^/]+$");

	/**
	 * A volume's title without its portal context (a store that cannot list):
	 * {@code 10000/TS_026/100} or {@code 10000/TS_026/tilt series 100} when its key says so, else its name.
	 */
	private static String titleOf(final StorePath p) {
		final java.util.regex.Matcher m = PORTAL_KEY.matcher("/" + p.key);
		if (m.matches()) return m.group(1) + "/" + m.group(2) + "/" + (m.group(3) != null ? m.group(3) : PortalLayout
			.SEED_ID);
		final java.util.regex.Matcher t = TILT_SERIES_KEY.matcher("/" + p.key);
		if (t.matches()) return t.group(1) + "/" + t.group(2) + "/tilt series " + (t.group(3) != null ? t.group(3)
			: PortalLayout.SEED_ID);
		return p.name().isEmpty() ? p.toString() : p.name();
	}
}

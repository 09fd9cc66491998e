package org.cryoet.portal.layout;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.stream.Collectors;

import org.cryoet.format.FormatException;
import org.cryoet.format.OneLine;
import org.cryoet.portal.metadata.AnnotationFormat;
import org.cryoet.portal.metadata.AnnotationMetadata;
import org.cryoet.portal.metadata.AnnotationShape;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.store.FileStore;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;

/**
 * Finds the portal's entities in a tree (local, S3, or any listable store), in either layout, from any
 * entry point a user may give: a folder holding datasets, a dataset, a run,
 * a voxel-spacing folder, a tomogram or tilt-series folder, or an annotation
 * file. The answer is the whole enclosing dataset, pruned to what lies at
 * or under the entry point (a tomogram keeps the annotations linked to it).
 */
public final class PortalDiscovery {

	/** Seed-layout tomograms and tilt series have no id folder; the 2024 migration gave them id 100. */
	public static final String SEED_ID = PortalLayout.SEED_ID;

	public static final String ENTRY_POINTS = "a folder of datasets, a dataset folder, a run folder, a VoxelSpacing " +
		"folder, a tomogram or tilt-series folder, or an annotation file";

	/** Runs discovered at once over a remote store (each asks for a few listings and metadata files). */
	private static final int REMOTE_PARALLELISM = 8;

	/** What was found. */
	public static final class Result {

		public final StorePath input;
		/** Whether the input is a folder (else a file, whose folder the paths are relative to). */
		public final boolean inputIsFolder;
		public final List<Dataset> datasets;

		Result(final StorePath input, final boolean inputIsFolder, final List<Dataset> datasets) {
			this.input = input;
			this.inputIsFolder = inputIsFolder;
			this.datasets = Collections.unmodifiableList(datasets);
		}

		/** The folder that paths in the output are relative to. */
		public StorePath base() {
			return inputIsFolder || input.parent() == null ? input : input.parent();
		}
	}

	private final Folders folders = new Folders();

	private PortalDiscovery() {}

	/** A local file or folder. */
	public static Result discover(final Path entry) throws IOException {
		final Path input = entry.toAbsolutePath().normalize();
		if (!Files.exists(input)) throw new FormatException(OneLine.printable(entry) + ": not found");
		final StorePath in;
		try {
			in = Stores.local(input);
		}
		catch (final org.cryoet.store.StoreException e) {
			// a name with a control character or a backslash: no portal tree has one
			throw new FormatException(OneLine.printable(entry) + ": not a CryoET Data Portal layout (" + OneLine.printable(e
				.getMessage()) + ")");
		}
		return discover(in);
	}

	/**
	 * A local path, or a URL of a store that lists ({@code s3://}). The store is
	 * closed after: the answer's locations name things, they are not for reading.
	 */
	public static Result discover(final String pathOrUrl) throws IOException {
		if (!Stores.isRemote(pathOrUrl)) return discover(Path.of(pathOrUrl));
		final StorePath p = Stores.open(pathOrUrl);
		try {
			return discover(p);
		}
		finally {
			p.store.close();
		}
	}

	/** A file or folder in any store: a local folder, an S3 bucket, a listable HTTP server. */
	public static Result discover(final StorePath input) throws IOException {
		return new PortalDiscovery().find(input);
	}

	private Result find(final StorePath input) throws IOException {
		if (!input.store.canList()) throw new FormatException(OneLine.printable(input) + ": " + Folders.NO_LISTING);
		final boolean folder = folders.isFolder(input);
		if (!folder && !folders.isFile(input)) throw new FormatException(OneLine.printable(input) + ": not found");
		final StorePath start = folder ? input : input.parent();
		final List<StorePath> datasetDirs = new ArrayList<>();
		if (!isDataset(start) && !isRun(start)) for (final StorePath child : folders.folders(start))
			if (isDataset(child)) datasetDirs.add(child);
		if (datasetDirs.isEmpty()) for (StorePath p = start; p != null; p = p.parent())
			if (isDataset(p)) {
				datasetDirs.add(p);
				break;
			}
		if (datasetDirs.isEmpty())
			throw new FormatException(OneLine.printable(input) + ": not a CryoET Data Portal layout (give " +
				ENTRY_POINTS + ")");
		final List<Dataset> datasets = new ArrayList<>();
		for (final StorePath d : datasetDirs) {
			final Dataset ds = dataset(d, input.startsWith(d) && !input.equals(d) ? input : null);
			datasets.add(input.startsWith(d) && !input.equals(d) ? prune(ds, input) : ds);
		}
		return new Result(input, folder, datasets);
	}

	// ---- recognising folders ----

	/** A volume (its chunk folders) is no part of the layout: never listed. */
	private static boolean isVolume(final StorePath dir) {
		return dir.name().toLowerCase(Locale.ROOT).endsWith(".zarr");
	}

	private boolean isRun(final StorePath dir) throws IOException {
		if (dir.parent() == null || dir.name().startsWith("VoxelSpacing") || isVolume(dir) || !folders.isFolder(dir))
			return false;
		if (folders.isFile(dir.resolve("run_metadata.json")) || folders.isFolder(dir.resolve("Reconstructions")) ||
			folders.isFolder(dir.resolve("Alignments"))) return true;
		if (folders.isFolder(dir.resolve("Tomograms"))) {
			for (final StorePath c : folders.folders(dir.resolve("Tomograms")))
				if (c.name().startsWith("VoxelSpacing")) return true;
			return false;
		}
		return folders.isFolder(dir.resolve("TiltSeries")) && !dir.name().equals("Reconstructions");
	}

	private boolean isDataset(final StorePath dir) throws IOException {
		if (isVolume(dir) || !folders.isFolder(dir)) return false;
		if (folders.isFile(dir.resolve("dataset_metadata.json"))) return true;
		for (final StorePath c : folders.folders(dir))
			if (isRun(c)) return true;
		return false;
	}

	// ---- building the tree ----

	/** @param only when the input lies inside one run, that run's descendant: the other runs are not read */
	private Dataset dataset(final StorePath dir, final StorePath only) throws IOException {
		final List<StorePath> runDirs = new ArrayList<>();
		for (final StorePath c : folders.folders(dir))
			if ((only == null || only.startsWith(c)) && isRun(c)) runDirs.add(c);
		final List<Run> runs = eachOf(runDirs, this::run, dir.store instanceof FileStore ? 1 : REMOTE_PARALLELISM);
		final StorePath meta = dir.resolve("dataset_metadata.json");
		final List<String> problems = new ArrayList<>();
		final boolean hasMeta = folders.isFile(meta);
		if (hasMeta) readOrNote(meta, problems);
		return new Dataset(dir.name(), dir, hasMeta ? meta : null, runs, problems);
	}

	private interface Step<A, B> {

		B apply(A a) throws IOException;
	}

	/** {@code step} over every item, in order; with {@code threads} > 1 several at once. */
	private static <A, B> List<B> eachOf(final List<A> items, final Step<A, B> step, final int threads)
		throws IOException
	{
		final List<B> out = new ArrayList<>();
		if (threads <= 1 || items.size() <= 1) {
			for (final A a : items)
				out.add(step.apply(a));
			return out;
		}
		final ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, items.size()), r -> {
			final Thread t = new Thread(r, "cryoet-discovery");
			t.setDaemon(true);
			return t;
		});
		try {
			final List<Future<B>> futures = new ArrayList<>();
			for (final A a : items)
				futures.add(pool.submit(() -> step.apply(a)));
			for (final Future<B> f : futures)
				out.add(f.get());
			return out;
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("discovery interrupted");
		}
		catch (final ExecutionException e) {
			final Throwable c = e.getCause();
			if (c instanceof IOException) throw (IOException) c;
			if (c instanceof RuntimeException) throw (RuntimeException) c;
			if (c instanceof Error) throw (Error) c;
			throw new IOException(c);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private Run run(final StorePath dir) throws IOException {
		final List<String> problems = new ArrayList<>();
		final List<VolumeEntry> tiltSeries = new ArrayList<>();
		final List<VoxelSpacing> spacings = new ArrayList<>();
		final List<VolumeEntry> alignments = new ArrayList<>();
		PortalLayout layout = PortalLayout.UNKNOWN;
		final StorePath ts = dir.resolve("TiltSeries");
		if (folders.isFolder(ts)) {
			final boolean flat = !folders.files(ts).isEmpty();
			if (flat) tiltSeries.add(volumeEntry(SEED_ID, ts, "tiltseries_metadata.json"));
			for (final StorePath id : folders.folders(ts))
				if (!id.name().toLowerCase(Locale.ROOT).endsWith(".zarr")) tiltSeries.add(volumeEntry(id.name(), id,
					"tiltseries_metadata.json"));
			if (flat) layout = PortalLayout.SEED;
		}
		for (final PortalLayout l : new PortalLayout[] { PortalLayout.SEED, PortalLayout.CURRENT }) {
			final StorePath folder = l.voxelSpacingsFolder(dir);
			if (!folders.isFolder(folder)) continue;
			layout = l;
			for (final StorePath vs : folders.folders(folder))
				if (l == PortalLayout.SEED || !vs.name().equals("NeuroglancerPrecompute")) spacings.add(voxelSpacing(vs, l));
		}
		final StorePath al = dir.resolve("Alignments");
		if (folders.isFolder(al)) {
			layout = layout == PortalLayout.SEED ? layout : PortalLayout.CURRENT;
			for (final StorePath id : folders.folders(al))
				alignments.add(volumeEntry(id.name(), id, "alignment_metadata.json"));
		}
		if (layout == PortalLayout.UNKNOWN && !tiltSeries.isEmpty()) layout = PortalLayout.CURRENT;
		final StorePath meta = dir.resolve("run_metadata.json");
		final boolean hasMeta = folders.isFile(meta);
		if (hasMeta) readOrNote(meta, problems);
		return new Run(dir.name(), dir, hasMeta ? meta : null, layout, tiltSeries, spacings, alignments, problems);
	}

	private VoxelSpacing voxelSpacing(final StorePath dir, final PortalLayout layout) throws IOException {
		final List<String> problems = new ArrayList<>();
		final Matcher m = PortalLayout.VOXEL_SPACING.matcher(dir.name());
		double value = Double.NaN;
		if (m.matches()) value = Double.parseDouble(m.group(1));
		if (!(value > 0)) {
			// a spacing of 0 would be divided by: it does not parse as a size
			problems.add(OneLine.printable(dir) + ": folder name does not parse as VoxelSpacing{Å} with a size above 0 (e.g. " +
				"VoxelSpacing13.480)");
			value = Double.NaN;
		}
		final List<VolumeEntry> tomograms = new ArrayList<>();
		for (final Map.Entry<String, StorePath> t : layout.tomograms(folders, dir).entrySet())
			tomograms.add(volumeEntry(t.getKey(), t.getValue(), "tomogram_metadata.json"));
		final List<Annotation> annotations = new ArrayList<>();
		for (final PortalLayout.AnnotationName a : layout.annotations(folders, dir))
			annotations.add(annotation(a, folders.children(a.metadata.parent())));
		return new VoxelSpacing(value, dir, tomograms, annotations, problems);
	}

	private VolumeEntry volumeEntry(final String id, final StorePath dir, final String metadataName)
		throws IOException
	{
		final List<String> problems = new ArrayList<>();
		final Map<String, StorePath> volumes = new LinkedHashMap<>();
		final List<StorePath> other = new ArrayList<>();
		for (final StorePath f : folders.children(dir)) {
			final String n = f.name().toLowerCase(Locale.ROOT);
			if (n.equals(metadataName)) continue;
			if (n.endsWith(".zarr") && folders.isFolder(f)) volumes.putIfAbsent("zarr", f);
			else if ((n.endsWith(".mrc") || n.endsWith(".st") || n.endsWith(".rec")) && folders.isFile(f)) volumes
				.putIfAbsent("mrc", f);
			else other.add(f);
		}
		final StorePath meta = dir.resolve(metadataName);
		final boolean hasMeta = folders.isFile(meta);
		String alignment = null;
		if (hasMeta) {
			final JsonObject o = readOrNote(meta, problems);
			if (o != null) alignment = MetadataFiles.string(o, "alignment_metadata_path");
		}
		return new VolumeEntry(id, dir, hasMeta ? meta : null, volumes, other, alignment, problems);
	}

	private static Annotation annotation(final PortalLayout.AnnotationName a, final List<StorePath> siblings)
		throws IOException
	{
		final String id = a.id, prefix = a.stem, object = a.object, version = a.version;
		final StorePath meta = a.metadata;
		final List<String> problems = new ArrayList<>();
		final JsonObject o = readOrNote(meta, problems);
		final AnnotationMetadata md = o == null ? null : new AnnotationMetadata(o);
		final Map<String, AnnotationMetadata.FileEntry> listed = new LinkedHashMap<>();
		if (md != null) for (final AnnotationMetadata.FileEntry f : md.files())
			if (f.path != null) listed.put(f.path.substring(f.path.lastIndexOf('/') + 1), f);
		final List<AnnotationFile> files = new ArrayList<>();
		for (final StorePath f : siblings) {
			final String n = f.name();
			if (!n.startsWith(prefix + "_")) continue;
			final AnnotationMetadata.FileEntry entry = listed.remove(n);
			final int dot = n.lastIndexOf('.');
			final String suffix = n.substring(prefix.length() + 1, dot < prefix.length() + 1 ? n.length() : dot);
			String shape = entry != null ? entry.shapeText : null;
			if (shape == null && AnnotationShape.ofSuffix(suffix) != null) shape = AnnotationShape.ofSuffix(suffix).name();
			String format = entry != null ? entry.format : null;
			if (format == null) format = AnnotationFormat.ofFileName(n);
			if (shape == null) problems.add(OneLine.printable(f) + ": file name does not end in a known annotation shape");
			else files.add(new AnnotationFile(f, shape, format));
		}
		for (final String missing : listed.keySet())
			problems.add(OneLine.printable(meta) + ": lists " + OneLine.printable(missing) + ", which is not here");
		final String name = md == null ? object : firstNonNull(md.objectName(), object);
		final String objectId = md == null ? null : md.objectIdText();
		final String ver = md == null || md.versionText() == null ? version : md.versionText();
		final String alignment = md == null ? null : md.alignmentMetadataPath();
		return new Annotation(id, meta, name, objectId, ver, alignment, files, problems);
	}

	private static String firstNonNull(final String a, final String b) {
		return a != null ? a : b;
	}

	private static JsonObject readOrNote(final StorePath file, final List<String> problems) throws IOException {
		try {
			return MetadataFiles.read(file);
		}
		catch (final FormatException e) {
			problems.add(OneLine.printable(e.getMessage()));
			return null;
		}
	}

	// ---- pruning to the entry point ----

	private static boolean related(final StorePath a, final StorePath b) {
		return a != null && (a.startsWith(b) || b.startsWith(a));
	}

	private static Dataset prune(final Dataset d, final StorePath input) throws IOException {
		final List<Run> runs = new ArrayList<>();
		for (final Run r : d.runs)
			if (related(r.path, input)) runs.add(input.equals(r.path) ? r : prune(r, input));
		return new Dataset(d.id, d.path, d.metadata, runs, d.problems);
	}

	private static Run prune(final Run r, final StorePath input) throws IOException {
		final List<VolumeEntry> ts = r.tiltSeries.stream().filter(t -> related(t.path, input)).collect(Collectors
			.toList());
		final List<VoxelSpacing> vs = new ArrayList<>();
		for (final VoxelSpacing v : r.voxelSpacings)
			if (related(v.path, input)) vs.add(input.equals(v.path) ? v : prune(v, input));
		final List<VolumeEntry> al = r.alignments.stream().filter(a -> related(a.path, input)).collect(Collectors
			.toList());
		return new Run(r.name, r.path, r.metadata, r.layout, ts, vs, al, r.problems);
	}

	private static VoxelSpacing prune(final VoxelSpacing v, final StorePath input) throws IOException {
		final List<VolumeEntry> tomograms = v.tomograms.stream().filter(t -> related(t.path, input)).collect(Collectors
			.toList());
		final StorePath annotationsFolder = v.path.resolve("Annotations");
		final List<Annotation> annotations = new ArrayList<>();
		for (final Annotation a : v.annotations) {
			final StorePath folder = a.metadata.parent();
			boolean keep = input.equals(a.metadata) || related(folder, input) && !folder.equals(annotationsFolder) && input
				.startsWith(folder);
			for (final AnnotationFile f : a.files)
				keep |= related(f.path, input) && input.startsWith(f.path);
			// a tomogram keeps the annotations made on it: same voxel spacing, same alignment
			for (final VolumeEntry t : tomograms)
				keep |= input.startsWith(t.path) && java.util.Objects.equals(t.alignmentMetadataPath,
					a.alignmentMetadataPath);
			keep |= input.equals(annotationsFolder);
			if (keep) annotations.add(a);
		}
		return new VoxelSpacing(v.value, v.path, tomograms, annotations, v.problems);
	}
}

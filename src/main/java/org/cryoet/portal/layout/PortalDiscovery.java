package org.cryoet.portal.layout;

import com.google.gson.JsonElement;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.format.FormatException;
import org.cryoet.portal.metadata.AnnotationFormat;
import org.cryoet.portal.metadata.AnnotationMetadata;
import org.cryoet.portal.metadata.AnnotationShape;
import org.cryoet.portal.metadata.MetadataFiles;

/**
 * Finds the portal's entities in a local tree, in either layout, from any
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


	/** What was found. */
	public static final class Result {

		public final Path input;
		public final List<Dataset> datasets;

		Result(final Path input, final List<Dataset> datasets) {
			this.input = input;
			this.datasets = Collections.unmodifiableList(datasets);
		}
	}

	private PortalDiscovery() {}

	public static Result discover(final Path entry) throws IOException {
		final Path input = entry.toAbsolutePath().normalize();
		if (!Files.exists(input)) throw new FormatException(entry + ": not found");
		final Path start = Files.isDirectory(input) ? input : input.getParent();
		final List<Path> datasetDirs = new ArrayList<>();
		if (!isDataset(start) && !isRun(start)) for (final Path child : children(start))
			if (isDataset(child)) datasetDirs.add(child);
		if (datasetDirs.isEmpty()) for (Path p = start; p != null; p = p.getParent())
			if (isDataset(p)) {
				datasetDirs.add(p);
				break;
			}
		if (datasetDirs.isEmpty())
			throw new FormatException(entry + ": not a CryoET Data Portal layout (give " + ENTRY_POINTS + ")");
		final List<Dataset> datasets = new ArrayList<>();
		for (final Path d : datasetDirs) {
			final Dataset ds = dataset(d);
			datasets.add(input.startsWith(d) && !input.equals(d) ? prune(ds, input) : ds);
		}
		return new Result(input, datasets);
	}

	// ---- recognising folders ----

	static boolean isRun(final Path dir) {
		if (!Files.isDirectory(dir) || dir.getFileName() == null || dir.getFileName().toString().startsWith(
			"VoxelSpacing")) return false;
		if (Files.isRegularFile(dir.resolve("run_metadata.json")) || Files.isDirectory(dir.resolve("Reconstructions")) ||
			Files.isDirectory(dir.resolve("Alignments"))) return true;
		if (Files.isDirectory(dir.resolve("Tomograms"))) return children(dir.resolve("Tomograms")).stream().anyMatch(
			c -> c.getFileName().toString().startsWith("VoxelSpacing"));
		return Files.isDirectory(dir.resolve("TiltSeries")) && !dir.getFileName().toString().equals("Reconstructions");
	}

	static boolean isDataset(final Path dir) {
		if (!Files.isDirectory(dir)) return false;
		if (Files.isRegularFile(dir.resolve("dataset_metadata.json"))) return true;
		return children(dir).stream().anyMatch(PortalDiscovery::isRun);
	}

	private static List<Path> children(final Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
		}
		catch (final IOException e) {
			return Collections.emptyList();
		}
	}

	private static List<Path> dirs(final Path dir) {
		return children(dir).stream().filter(Files::isDirectory).collect(Collectors.toList());
	}

	// ---- building the tree ----

	private static Dataset dataset(final Path dir) {
		final List<Run> runs = new ArrayList<>();
		for (final Path c : dirs(dir))
			if (isRun(c)) runs.add(run(c));
		final Path meta = dir.resolve("dataset_metadata.json");
		final List<String> problems = new ArrayList<>();
		if (Files.exists(meta)) readOrNote(meta, problems);
		return new Dataset(dir.getFileName().toString(), dir, Files.exists(meta) ? meta : null, runs, problems);
	}

	private static Run run(final Path dir) {
		final List<String> problems = new ArrayList<>();
		final List<VolumeEntry> tiltSeries = new ArrayList<>();
		final List<VoxelSpacing> spacings = new ArrayList<>();
		final List<VolumeEntry> alignments = new ArrayList<>();
		PortalLayout layout = PortalLayout.UNKNOWN;
		final Path ts = dir.resolve("TiltSeries");
		if (Files.isDirectory(ts)) {
			final boolean flat = children(ts).stream().anyMatch(Files::isRegularFile);
			if (flat) tiltSeries.add(volumeEntry(SEED_ID, ts, "tiltseries_metadata.json"));
			for (final Path id : dirs(ts))
				if (!id.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zarr")) tiltSeries.add(volumeEntry(id
					.getFileName().toString(), id, "tiltseries_metadata.json"));
			if (flat) layout = PortalLayout.SEED;
		}
		for (final PortalLayout l : new PortalLayout[] { PortalLayout.SEED, PortalLayout.CURRENT }) {
			final Path folder = l.voxelSpacingsFolder(dir);
			if (!Files.isDirectory(folder)) continue;
			layout = l;
			for (final Path vs : dirs(folder))
				if (l == PortalLayout.SEED || !vs.getFileName().toString().equals("NeuroglancerPrecompute")) spacings.add(
					voxelSpacing(vs, l));
		}
		final Path al = dir.resolve("Alignments");
		if (Files.isDirectory(al)) {
			layout = layout == PortalLayout.SEED ? layout : PortalLayout.CURRENT;
			for (final Path id : dirs(al))
				alignments.add(volumeEntry(id.getFileName().toString(), id, "alignment_metadata.json"));
		}
		if (layout == PortalLayout.UNKNOWN && !tiltSeries.isEmpty()) layout = PortalLayout.CURRENT;
		final Path meta = dir.resolve("run_metadata.json");
		if (Files.exists(meta)) readOrNote(meta, problems);
		return new Run(dir.getFileName().toString(), dir, Files.exists(meta) ? meta : null, layout, tiltSeries, spacings,
			alignments, problems);
	}

	private static VoxelSpacing voxelSpacing(final Path dir, final PortalLayout layout) {
		final List<String> problems = new ArrayList<>();
		final Matcher m = PortalLayout.VOXEL_SPACING.matcher(dir.getFileName().toString());
		double value = Double.NaN;
		if (m.matches()) value = Double.parseDouble(m.group(1));
		else problems.add(dir + ": folder name does not parse as VoxelSpacing{Å} (e.g. VoxelSpacing13.480)");
		final List<VolumeEntry> tomograms = new ArrayList<>();
		for (final Map.Entry<String, Path> t : layout.tomograms(dir).entrySet())
			tomograms.add(volumeEntry(t.getKey(), t.getValue(), "tomogram_metadata.json"));
		final List<Annotation> annotations = new ArrayList<>();
		for (final PortalLayout.AnnotationName a : layout.annotations(dir))
			annotations.add(annotation(a, children(a.metadata.getParent())));
		return new VoxelSpacing(value, dir, tomograms, annotations, problems);
	}

	private static VolumeEntry volumeEntry(final String id, final Path dir, final String metadataName) {
		final List<String> problems = new ArrayList<>();
		final Map<String, Path> volumes = new LinkedHashMap<>();
		final List<Path> other = new ArrayList<>();
		for (final Path f : children(dir)) {
			final String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
			if (n.equals(metadataName)) continue;
			if (n.endsWith(".zarr") && Files.isDirectory(f)) volumes.putIfAbsent("zarr", f);
			else if ((n.endsWith(".mrc") || n.endsWith(".st") || n.endsWith(".rec")) && Files.isRegularFile(f)) volumes
				.putIfAbsent("mrc", f);
			else other.add(f);
		}
		final Path meta = dir.resolve(metadataName);
		String alignment = null;
		if (Files.exists(meta)) {
			final JsonObject o = readOrNote(meta, problems);
			if (o != null) alignment = MetadataFiles.string(o, "alignment_metadata_path");
		}
		return new VolumeEntry(id, dir, Files.exists(meta) ? meta : null, volumes, other, alignment, problems);
	}

	private static Annotation annotation(final PortalLayout.AnnotationName a, final List<Path> siblings) {
		final String id = a.id, prefix = a.stem, object = a.object, version = a.version;
		final Path meta = a.metadata;
		final List<String> problems = new ArrayList<>();
		final JsonObject o = readOrNote(meta, problems);
		final AnnotationMetadata md = o == null ? null : new AnnotationMetadata(o);
		final Map<String, AnnotationMetadata.FileEntry> listed = new LinkedHashMap<>();
		if (md != null) for (final AnnotationMetadata.FileEntry f : md.files())
			if (f.path != null) listed.put(f.path.substring(f.path.lastIndexOf('/') + 1), f);
		final List<AnnotationFile> files = new ArrayList<>();
		for (final Path f : siblings) {
			final String n = f.getFileName().toString();
			if (!n.startsWith(prefix + "_")) continue;
			final AnnotationMetadata.FileEntry entry = listed.remove(n);
			final int dot = n.lastIndexOf('.');
			final String suffix = n.substring(prefix.length() + 1, dot < 0 ? n.length() : dot);
			String shape = entry != null ? entry.shapeText : null;
			if (shape == null && AnnotationShape.ofSuffix(suffix) != null) shape = AnnotationShape.ofSuffix(suffix).name();
			String format = entry != null ? entry.format : null;
			if (format == null) format = AnnotationFormat.ofFileName(n);
			if (shape == null) problems.add(f + ": file name does not end in a known annotation shape");
			else files.add(new AnnotationFile(f, shape, format));
		}
		for (final String missing : listed.keySet())
			problems.add(meta + ": lists " + missing + ", which is not here");
		final String name = md == null ? object : firstNonNull(md.objectName(), object);
		final String objectId = md == null ? null : md.objectIdText();
		final String ver = md == null || md.versionText() == null ? version : md.versionText();
		final String alignment = md == null ? null : md.alignmentMetadataPath();
		return new Annotation(id, meta, name, objectId, ver, alignment, files, problems);
	}

	private static String firstNonNull(final String a, final String b) {
		return a != null ? a : b;
	}

	private static JsonObject readOrNote(final Path file, final List<String> problems) {
		try {
			return MetadataFiles.read(file);
		}
		catch (final FormatException e) {
			problems.add(e.getMessage());
			return null;
		}
	}

	// ---- pruning to the entry point ----

	private static boolean related(final Path a, final Path b) {
		return a != null && (a.startsWith(b) || b.startsWith(a));
	}

	private static Dataset prune(final Dataset d, final Path input) {
		final List<Run> runs = new ArrayList<>();
		for (final Run r : d.runs)
			if (related(r.path, input)) runs.add(input.equals(r.path) ? r : prune(r, input));
		return new Dataset(d.id, d.path, d.metadata, runs, d.problems);
	}

	private static Run prune(final Run r, final Path input) {
		final List<VolumeEntry> ts = r.tiltSeries.stream().filter(t -> related(t.path, input)).collect(Collectors
			.toList());
		final List<VoxelSpacing> vs = new ArrayList<>();
		for (final VoxelSpacing v : r.voxelSpacings)
			if (related(v.path, input)) vs.add(input.equals(v.path) ? v : prune(v, input));
		final List<VolumeEntry> al = r.alignments.stream().filter(a -> related(a.path, input)).collect(Collectors
			.toList());
		return new Run(r.name, r.path, r.metadata, r.layout, ts, vs, al, r.problems);
	}

	private static VoxelSpacing prune(final VoxelSpacing v, final Path input) {
		final List<VolumeEntry> tomograms = v.tomograms.stream().filter(t -> related(t.path, input)).collect(Collectors
			.toList());
		final List<Annotation> annotations = new ArrayList<>();
		for (final Annotation a : v.annotations) {
			boolean keep = input.equals(a.metadata) || related(a.metadata.getParent(), input) && !a.metadata.getParent()
				.equals(v.path.resolve("Annotations")) && input.startsWith(a.metadata.getParent());
			for (final AnnotationFile f : a.files)
				keep |= related(f.path, input) && input.startsWith(f.path);
			// a tomogram keeps the annotations made on it: same voxel spacing, same alignment
			for (final VolumeEntry t : tomograms)
				keep |= input.startsWith(t.path) && java.util.Objects.equals(t.alignmentMetadataPath,
					a.alignmentMetadataPath);
			keep |= input.equals(v.path.resolve("Annotations"));
			if (keep) annotations.add(a);
		}
		return new VoxelSpacing(v.value, v.path, tomograms, annotations, v.problems);
	}
}

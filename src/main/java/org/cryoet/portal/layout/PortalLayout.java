package org.cryoet.portal.layout;

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

import org.cryoet.portal.metadata.AnnotationShape;
import org.cryoet.store.StoreException;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;

/**
 * The two ways the portal has laid out a run's files. Each layout both
 * recognises its paths (for discovery and validation) and builds them (for
 * export), so the two can never disagree.
 */
public enum PortalLayout {
	/** Until late 2024: {@code Tomograms/VoxelSpacing{vs}/CanonicalTomogram/}, {@code Annotations/{id}-{object}-{version}*}. */
	SEED("Tomograms") {

		@Override
		Map<String, StorePath> tomograms(final Folders f, final StorePath voxelSpacing) throws IOException {
			final StorePath canonical = voxelSpacing.resolve("CanonicalTomogram");
			return f.isFolder(canonical) ? Collections.singletonMap(SEED_ID, canonical) : Collections.emptyMap();
		}

		@Override
		List<AnnotationName> annotations(final Folders f, final StorePath voxelSpacing) throws IOException {
			final StorePath dir = voxelSpacing.resolve("Annotations");
			final List<AnnotationName> out = new ArrayList<>();
			for (final StorePath meta : metadataFiles(f, dir)) {
				final Matcher m = SEED_ANNOTATION.matcher(stem(meta));
				if (m.matches()) out.add(new AnnotationName(m.group(1), meta, stem(meta), m.group(2), m.group(3)));
			}
			return out;
		}

		@Override
		public Path annotationFolder(final Path voxelSpacing, final String id) {
			return voxelSpacing.resolve("Annotations");
		}

		@Override
		public String annotationStem(final String id, final String object, final String version) {
			return id + "-" + object + "-" + version;
		}
	},

	/** Since: {@code Reconstructions/VoxelSpacing{vs}/Tomograms/{id}/}, {@code Annotations/{id}/}, {@code TiltSeries/{id}/}. */
	CURRENT("Reconstructions") {

		@Override
		Map<String, StorePath> tomograms(final Folders f, final StorePath voxelSpacing) throws IOException {
			final Map<String, StorePath> out = new LinkedHashMap<>();
			for (final StorePath id : f.folders(voxelSpacing.resolve("Tomograms")))
				out.put(id.name(), id);
			return out;
		}

		@Override
		List<AnnotationName> annotations(final Folders f, final StorePath voxelSpacing) throws IOException {
			final List<AnnotationName> out = new ArrayList<>();
			for (final StorePath idDir : f.folders(voxelSpacing.resolve("Annotations")))
				for (final StorePath meta : metadataFiles(f, idDir)) {
					final Matcher m = CURRENT_ANNOTATION.matcher(stem(meta));
					out.add(new AnnotationName(idDir.name(), meta, stem(meta), m.matches() ? m.group(1)
						: stem(meta), m.matches() ? m.group(2) : null));
				}
			return out;
		}

		@Override
		public Path annotationFolder(final Path voxelSpacing, final String id) {
			return voxelSpacing.resolve("Annotations").resolve(id);
		}

		@Override
		public String annotationStem(final String id, final String object, final String version) {
			return object + "-" + version;
		}
	},

	/** A run folder with neither (nothing downloaded yet, or only metadata). */
	UNKNOWN(null) {

		@Override
		Map<String, StorePath> tomograms(final Folders f, final StorePath voxelSpacing) {
			return Collections.emptyMap();
		}

		@Override
		List<AnnotationName> annotations(final Folders f, final StorePath voxelSpacing) {
			return Collections.emptyList();
		}

		@Override
		public Path annotationFolder(final Path voxelSpacing, final String id) {
			throw new UnsupportedOperationException("no layout");
		}

		@Override
		public String annotationStem(final String id, final String object, final String version) {
			throw new UnsupportedOperationException("no layout");
		}
	};

	/** Seed-layout tomograms and tilt series have no id folder; the 2024 migration gave them id 100. */
	public static final String SEED_ID = "100";
	/** The first id of an annotation in a voxel spacing, in both layouts. */
	public static final int FIRST_ANNOTATION_ID = 100;

	static final Pattern VOXEL_SPACING = Pattern.compile("^VoxelSpacing(\\d+(?:\\.\\d+)?)$");
	// the seed README writes underscores, real keys hyphens: both are read
	static final Pattern SEED_ANNOTATION = Pattern.compile("^(\\d+)[-_](.+)[-_](\\d+(?:\\.\\d+)?)$");
	static final Pattern CURRENT_ANNOTATION = Pattern.compile("^(.+)-(\\d+(?:\\.\\d+)?)$");

	/** An annotation metadata file as its layout names it. */
	public static final class AnnotationName {

		public final String id;
		public final StorePath metadata;
		/** The file name without {@code .json}; data files are {@code {stem}_{shape}.*}. */
		public final String stem;
		public final String object;
		/** null when the name does not carry one */
		public final String version;

		AnnotationName(final String id, final StorePath metadata, final String stem, final String object,
			final String version)
		{
			this.id = id;
			this.metadata = metadata;
			this.stem = stem;
			this.object = object;
			this.version = version;
		}
	}

	private final String voxelSpacingParent;

	PortalLayout(final String voxelSpacingParent) {
		this.voxelSpacingParent = voxelSpacingParent;
	}

	// ---- recognising ----

	/** The folder of a run holding its {@code VoxelSpacing*} folders ({@code Tomograms} or {@code Reconstructions}). */
	public Path voxelSpacingsFolder(final Path run) {
		return voxelSpacingParent == null ? null : run.resolve(voxelSpacingParent);
	}

	StorePath voxelSpacingsFolder(final StorePath run) throws StoreException {
		return voxelSpacingParent == null ? null : run.resolve(voxelSpacingParent);
	}

	/** Tomogram id → folder, in a voxel-spacing folder of this layout. */
	abstract Map<String, StorePath> tomograms(Folders f, StorePath voxelSpacing) throws IOException;

	/** The annotation metadata files of a voxel-spacing folder of this layout. */
	abstract List<AnnotationName> annotations(Folders f, StorePath voxelSpacing) throws IOException;

	/** Tomogram id → folder, in a local voxel-spacing folder of this layout. */
	public Map<String, StorePath> tomograms(final Path voxelSpacing) throws IOException {
		return tomograms(new Folders(), Stores.local(voxelSpacing));
	}

	/** The annotation metadata files of a local voxel-spacing folder of this layout. */
	public List<AnnotationName> annotations(final Path voxelSpacing) throws IOException {
		return annotations(new Folders(), Stores.local(voxelSpacing));
	}

	/**
	 * The layout a path sits in, judged from its folder names alone, with
	 * why; null when they do not tell.
	 */
	public static Recognised ofPath(final Path file) {
		final List<String> parts = new ArrayList<>();
		for (final Path p : file.toAbsolutePath().normalize())
			parts.add(p.toString());
		return ofSegments(parts);
	}

	/** The same, from a location in any store. */
	public static Recognised ofLocation(final StorePath file) {
		return ofSegments(file.key.isEmpty() ? new ArrayList<>() : java.util.Arrays.asList(file.key.split("/")));
	}

	private static Recognised ofSegments(final List<String> parts) {
		for (int i = 0; i + 1 < parts.size(); i++) {
			final boolean vs = parts.get(i + 1).startsWith("VoxelSpacing");
			if (parts.get(i).equals("Reconstructions") && vs) return new Recognised(CURRENT, "Reconstructions/, Alignments/");
			if (parts.get(i).equals("Alignments")) return new Recognised(CURRENT, "Reconstructions/, Alignments/");
			if (parts.get(i).equals("Tomograms") && vs) return new Recognised(SEED, "Tomograms/VoxelSpacing*/");
		}
		return null;
	}

	/** The layout of a run folder from the folders it has, or null. */
	public static Recognised ofRun(final Path run) {
		if (Files.isDirectory(run.resolve("Reconstructions"))) return new Recognised(CURRENT, "the run has Reconstructions/");
		if (Files.isDirectory(run.resolve("Tomograms"))) return new Recognised(SEED, "the run has Tomograms/");
		return null;
	}

	/** The same for a run folder in any store (false where the store cannot list). */
	public static Recognised ofRun(final StorePath run) throws IOException {
		if (run.resolve("Reconstructions").isFolder()) return new Recognised(CURRENT, "the run has Reconstructions/");
		if (run.resolve("Tomograms").isFolder()) return new Recognised(SEED, "the run has Tomograms/");
		return null;
	}

	/** A layout and the evidence for it. */
	public static final class Recognised {

		public final PortalLayout layout;
		public final String why;

		public Recognised(final PortalLayout layout, final String why) {
			this.layout = layout;
			this.why = why;
		}

		@Override
		public String toString() {
			return layout.label() + " layout (" + why + ")";
		}
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** {@code seed} or {@code current}. */
	public static PortalLayout ofLabel(final String s) {
		for (final PortalLayout l : new PortalLayout[] { SEED, CURRENT })
			if (l.label().equals(s)) return l;
		throw new IllegalArgumentException("layout must be current or seed, not " + s);
	}

	// ---- building ----

	/** {@code {run}/Tomograms/VoxelSpacing13.480} or {@code {run}/Reconstructions/VoxelSpacing13.480}. */
	public Path voxelSpacingFolder(final Path run, final double voxelSpacing) {
		return voxelSpacingsFolder(run).resolve(voxelSpacingName(voxelSpacing));
	}

	public static String voxelSpacingName(final double voxelSpacing) {
		return String.format(Locale.ROOT, "VoxelSpacing%.3f", voxelSpacing);
	}

	/** The folder an annotation's files go into. */
	public abstract Path annotationFolder(Path voxelSpacing, String id);

	/** {@code 100-ribosome-1.0} (seed) or {@code ribosome-1.0} (current): the metadata file's name without {@code .json}. */
	public abstract String annotationStem(String id, String object, String version);

	public Path metadataFile(final Path voxelSpacing, final String id, final String object, final String version) {
		return annotationFolder(voxelSpacing, id).resolve(annotationStem(id, object, version) + ".json");
	}

	/** {@code ..._{shape}{extension}}, e.g. {@code ribosome-1.0_point.ndjson}. */
	public Path dataFile(final Path voxelSpacing, final String id, final String object, final String version,
		final AnnotationShape shape, final String extension)
	{
		return annotationFolder(voxelSpacing, id).resolve(annotationStem(id, object, version) + "_" + shape.suffix +
			extension);
	}

	/** The smallest annotation id from 100 that no annotation of the voxel spacing has yet. */
	public String nextAnnotationId(final Path voxelSpacing) throws IOException {
		final java.util.Set<String> used = new java.util.HashSet<>();
		for (final AnnotationName a : annotations(voxelSpacing))
			used.add(a.id);
		for (final Path d : dirs(voxelSpacing.resolve("Annotations")))
			used.add(d.getFileName().toString());
		for (final Path f : children(voxelSpacing.resolve("Annotations"))) {
			final Matcher m = Pattern.compile("^(\\d+)[-_].*").matcher(f.getFileName().toString());
			if (m.matches()) used.add(m.group(1));
		}
		int id = FIRST_ANNOTATION_ID;
		while (used.contains(Integer.toString(id)))
			id++;
		return Integer.toString(id);
	}

	// ---- files ----

	static List<Path> children(final Path dir) {
		if (!Files.isDirectory(dir)) return Collections.emptyList();
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().collect(Collectors.toList());
		}
		catch (final IOException e) {
			return Collections.emptyList();
		}
	}

	static List<Path> dirs(final Path dir) {
		return children(dir).stream().filter(Files::isDirectory).collect(Collectors.toList());
	}

	static String stem(final StorePath jsonFile) {
		final String name = jsonFile.name();
		return name.substring(0, name.length() - ".json".length());
	}

	/** The shape of a data file's stem ({@code x-1.0_point} → Point), or null. */
	static AnnotationShape dataShape(final String stem) {
		final int u = stem.lastIndexOf('_');
		return u < 0 ? null : AnnotationShape.ofSuffix(stem.substring(u + 1));
	}

	/** The annotation metadata files among a folder's files: JSON without a shape suffix (captions have one). */
	static List<StorePath> metadataFiles(final Folders f, final StorePath dir) throws IOException {
		return f.files(dir).stream().filter(x -> x.name().endsWith(".json") && dataShape(stem(x)) == null).collect(
			Collectors.toList());
	}
}

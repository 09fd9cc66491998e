package org.cryoet.portal.annotation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.cryoet.format.FormatException;
import org.cryoet.portal.layout.PortalLayout;
import org.cryoet.portal.metadata.AnnotationMetadataBuilder;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.portal.metadata.TomogramMetadata;
import org.cryoet.store.StorePath;

/**
 * Where a new annotation goes: its voxel-spacing folder, its id (the next
 * free one from 100; the existing one's when the same object and version
 * are there and overwriting was asked), and the names its layout gives it.
 */
public final class ExportTarget {

	public final PortalLayout layout;
	public final Path voxelSpacingFolder;
	public final String id;
	/** The object name as it appears in file names. */
	public final String objectPart;
	public final String version;
	/** Where bucket-relative keys start (the dataset's parent), or the voxel-spacing folder outside a portal tree. */
	private final Path keyRoot;
	public final String runName;

	private ExportTarget(final PortalLayout layout, final Path vs, final String id, final String objectPart,
		final String version, final Path keyRoot, final String runName)
	{
		this.layout = layout;
		this.voxelSpacingFolder = vs;
		this.id = id;
		this.objectPart = objectPart;
		this.version = version;
		this.keyRoot = keyRoot;
		this.runName = runName;
	}

	public static ExportTarget resolve(final ExportSettings s) throws IOException {
		if (s.output == null) throw new IllegalArgumentException("output: give a folder to write into");
		final Path out = s.output.toAbsolutePath().normalize();
		if (Files.exists(out) && !Files.isDirectory(out)) throw new FormatException(s.output +
			": not a folder (give a run folder, a VoxelSpacing folder or any folder)");
		if (!(s.voxelSpacing > 0)) throw new IllegalArgumentException("voxel_spacing: expected the annotation's voxel " +
			"size in Å, found " + s.voxelSpacing);
		final String objectPart = ObjectNames.fileNamePart(s.objectName);
		final String version = AnnotationMetadataBuilder.versionText(s.version);
		final Path vs;
		final String name = out.getFileName() == null ? "" : out.getFileName().toString();
		if (name.startsWith("VoxelSpacing")) {
			final PortalLayout.Recognised r = PortalLayout.ofPath(out.resolve("x"));
			if (r != null && r.layout != s.layout) throw new IllegalArgumentException(s.output + ": a " + r +
				" VoxelSpacing folder, but layout=" + s.layout.label());
			final String expected = PortalLayout.voxelSpacingName(s.voxelSpacing);
			if (!name.equals(expected)) throw new IllegalArgumentException(s.output + ": the folder says " + name.substring(
				"VoxelSpacing".length()) + " Å but voxel_spacing is " + String.format(Locale.ROOT, "%.3f", s.voxelSpacing));
			vs = out;
		}
		else {
			final PortalLayout.Recognised r = PortalLayout.ofRun(out);
			if (r != null && r.layout != s.layout) throw new IllegalArgumentException(s.output + ": a run in the " + r +
				", but layout=" + s.layout.label());
			vs = s.layout.voxelSpacingFolder(out, s.voxelSpacing);
		}
		final Path run = vs.getParent() == null ? null : vs.getParent().getParent();
		final Path dataset = run == null ? null : run.getParent();
		final Path keyRoot = dataset != null && dataset.getParent() != null ? dataset.getParent() : vs;
		String id = null;
		for (final PortalLayout.AnnotationName a : s.layout.annotations(vs))
			if (a.object.equals(objectPart) && version.equals(a.version)) {
				if (!s.overwrite) throw new FormatException(a.metadata + ": annotation " + a.id + " of " + objectPart +
					" version " + version + " already exists (set overwrite=true to replace it)");
				id = a.id;
			}
		if (id == null) id = s.layout.nextAnnotationId(vs);
		return new ExportTarget(s.layout, vs, id, objectPart, version, keyRoot, run == null || run.getFileName() == null
			? null : run.getFileName().toString());
	}

	public Path metadataFile() {
		return layout.metadataFile(voxelSpacingFolder, id, objectPart, version);
	}

	public Path dataFile(final org.cryoet.portal.metadata.AnnotationShape shape, final String extension) {
		return layout.dataFile(voxelSpacingFolder, id, objectPart, version, shape, extension);
	}

	/** The bucket-relative key of a file, as {@code files[].path} gives it. */
	public String key(final Path file) {
		return keyRoot.relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
	}

	/** {@code {id}-{object}-{version}}. */
	public String ingestId() {
		return id + "-" + objectPart + "-" + version;
	}

	/** The alignment of the voxel spacing's tomograms (schema 2.0.0), when one of them names it. */
	public String alignmentMetadataPath() {
		try {
			for (final Map.Entry<String, StorePath> t : layout.tomograms(voxelSpacingFolder).entrySet()) {
				final StorePath meta = t.getValue().resolve("tomogram_metadata.json");
				if (!meta.isFile()) continue;
				final String a = new TomogramMetadata(MetadataFiles.read(meta)).alignmentMetadataPath();
				if (a != null) return a;
			}
		}
		catch (final IOException e) {
			// a broken or unreadable sidecar only means we cannot name the alignment
		}
		return null;
	}
}

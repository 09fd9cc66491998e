package org.cryoet.convert;

import org.cryoet.store.AtomicOutput;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cryoet.format.FormatException;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.Downsampling;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;
import org.cryoet.image.VolumeOpener;

/** Converts one level of an OME-Zarr, Zarr array or MRC into MRC, OME-Zarr or any registered format. */
public final class VolumeConverter {

	/** What a conversion did, for the user. */
	public static final class Result {

		public final Path output;
		public final String description;
		public final List<String> notes;

		Result(final Path output, final String description, final List<String> notes) {
			this.output = output;
			this.description = description;
			this.notes = notes;
		}
	}

	private final Map<String, VolumeExporter> exporters = new LinkedHashMap<>();
	private final ChunkCache cache;

	public VolumeConverter(final ChunkCache cache, final int threads, final Downsampling downsampling) {
		this.cache = cache;
		exporters.put(".mrc", new MrcExport(threads));
		exporters.put(".zarr", new OmeZarrExport(threads, downsampling));
	}

	/** Adds an output format (the ImageJ layer adds {@code .tif}). */
	public VolumeConverter register(final String extension, final VolumeExporter exporter) {
		exporters.put(extension, exporter);
		return this;
	}

	public Result convert(final Path input, final int level, final Path output, final boolean overwrite,
		final Progress progress) throws IOException
	{
		final VolumeExporter exporter = exporterFor(output);
		try (MultiscaleVolume volume = new VolumeOpener(cache).open(input)) {
			return convert(volume, input.toString(), level, exporter, output, overwrite, progress);
		}
	}

	/** @param input a path, or the URL of a volume ({@code https://}, {@code s3://}) */
	public Result convert(final String input, final int level, final Path output, final boolean overwrite,
		final Progress progress) throws IOException
	{
		final VolumeExporter exporter = exporterFor(output);
		try (MultiscaleVolume volume = new VolumeOpener(cache).open(input)) {
			return convert(volume, input, level, exporter, output, overwrite, progress);
		}
	}

	private Result convert(final MultiscaleVolume volume, final String input, final int level,
		final VolumeExporter exporter, final Path output, final boolean overwrite, final Progress progress)
		throws IOException
	{
		if (level < 0 || level >= volume.levels.size())
			throw new FormatException(input + ": level " + level + " does not exist (levels 0.." +
				(volume.levels.size() - 1) + ")");
		final String[] description = new String[1];
		AtomicOutput.write(output, overwrite, exporter::canReplace, exporter.writes(), tmp -> description[0] = exporter
			.export(volume, level, tmp, progress));
		return new Result(output, description[0], new ArrayList<>(volume.notes));
	}

	private VolumeExporter exporterFor(final Path output) throws FormatException {
		final String name = output.getFileName().toString().toLowerCase(Locale.ROOT);
		for (final Map.Entry<String, VolumeExporter> e : exporters.entrySet())
			if (name.endsWith(e.getKey())) return e.getValue();
		if (name.endsWith(".tiff") && exporters.containsKey(".tif")) return exporters.get(".tif");
		throw new FormatException(output + ": unknown output format (use one of " + String.join(" ", exporters.keySet()) +
			")");
	}
}

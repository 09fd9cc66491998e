package org.cryoet.image;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.cryoet.format.FormatException;
import org.cryoet.format.mrc.MrcReader;
import org.cryoet.format.ngff.Multiscales;
import org.cryoet.format.zarr.ZarrArray;
import org.cryoet.store.FileStore;
import org.cryoet.store.Store;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;

/** Opens an OME-Zarr group, a Zarr array or an MRC file as a {@link MultiscaleVolume}. */
public final class VolumeOpener {

	private static final List<String> MRC_EXTENSIONS = Arrays.asList(".mrc", ".mrcs", ".st", ".map", ".rec", ".ali",
		".preali", ".ccp4");

	private final ChunkCache cache;

	public VolumeOpener(final ChunkCache cache) {
		this.cache = cache;
	}

	public static boolean isMrc(final Path p) {
		return isMrcName(p.getFileName().toString());
	}

	public MultiscaleVolume open(final Path path) throws IOException {
		if (!Files.exists(path)) throw new FormatException(path + ": not found");
		if (Files.isDirectory(path)) {
			if (Files.exists(path.resolve(".zattrs")) && hasMultiscales(path)) return openGroup(path);
			if (Files.exists(path.resolve(".zarray"))) return openArray(path);
			if (Files.exists(path.resolve(".zgroup")))
				throw new FormatException(path + ": a Zarr group without OME-NGFF \"multiscales\" in .zattrs, so not an " +
					"OME-Zarr image");
			throw new FormatException(path + ": not an OME-Zarr group or Zarr array (no .zattrs, .zgroup or .zarray)");
		}
		if (isMrc(path)) return openMrc(path);
		throw new FormatException(path + ": not an OME-Zarr folder or MRC file (expected .zarr or one of " +
			String.join(" ", MRC_EXTENSIONS) + ")");
	}

	private static boolean hasMultiscales(final Path group) throws IOException {
		return new String(Files.readAllBytes(group.resolve(".zattrs")), java.nio.charset.StandardCharsets.UTF_8)
			.contains("\"multiscales\"");
	}

	private MultiscaleVolume openGroup(final Path group) throws IOException {
		final FileStore store = new FileStore(group);
		return openGroup(store, "", store.get(".zattrs"), group.toString(), name(group));
	}

	/** An OME-NGFF group at {@code groupKey} of a store ("" for the store's root). */
	private MultiscaleVolume openGroup(final Store store, final String groupKey, final byte[] zattrs, final String where,
		final String name) throws IOException
	{
		final String prefix = groupKey.isEmpty() ? "" : groupKey + "/";
		final Multiscales ms = Multiscales.parse(zattrs, store.describe(prefix + ".zattrs"));
		final List<Volume> levels = new ArrayList<>();
		final List<double[]> scales = new ArrayList<>(), translations = new ArrayList<>();
		final List<String> notes = new ArrayList<>();
		for (final Multiscales.Level l : ms.levels) {
			final ZarrArray a = ZarrArray.open(store, prefix + l.path);
			if (a.metadata().shape.length != l.scale.length)
				throw new FormatException(store.describe(prefix + l.path) + ": array has " + a.metadata().shape.length +
					" dimensions but the multiscales transform has " + l.scale.length);
			levels.add(new ZarrVolume(a, cache));
			scales.add(l.scale);
			translations.add(l.translation);
		}
		for (final Multiscales.Axis a : ms.axes)
			if (!a.unit.isEmpty() && !a.unit.equals("angstrom"))
				notes.add(where + ": axis " + a.name + " is in " + a.unit + ", not angstrom; scales are taken as they are");
		// The portal keeps the tilt axis of tilt series at full resolution in every level.
		final boolean stack = scales.size() > 1 && scales.get(0).length == 3 && scales.get(1)[0] == scales.get(0)[0] &&
			scales.get(1)[2] > scales.get(0)[2];
		return new MultiscaleVolume(name, levels, scales, translations, ms.labelImage, notes, stack);
	}

	private MultiscaleVolume openArray(final Path arrayDir) throws IOException {
		final Path parent = arrayDir.getParent();
		if (parent != null && Files.exists(parent.resolve(".zattrs")) && hasMultiscales(parent)) {
			final MultiscaleVolume all = openGroup(parent);
			final String me = arrayDir.getFileName().toString();
			final Multiscales ms = Multiscales.parse(Files.readAllBytes(parent.resolve(".zattrs")), parent.toString());
			for (int i = 0; i < ms.levels.size(); i++)
				if (ms.levels.get(i).path.equals(me))
					return new MultiscaleVolume(all.name + "/" + me, Collections.singletonList(all.levels.get(i)),
						Collections.singletonList(all.scales.get(i)), Collections.singletonList(all.translations.get(i)),
						all.labelImage, all.notes);
		}
		return bareArray(ZarrArray.open(new FileStore(arrayDir), ""), name(arrayDir), arrayDir.toString());
	}

	/** A Zarr array with no NGFF group around it: one level, 1 Å voxels (and a note saying so). */
	private MultiscaleVolume bareArray(final ZarrArray a, final String name, final String where) {
		final int nd = a.metadata().shape.length;
		final double[] one = new double[nd];
		Arrays.fill(one, 1);
		return new MultiscaleVolume(name, Collections.singletonList(new ZarrVolume(a, cache)), Collections.singletonList(
			one), Collections.singletonList(new double[nd]), false, Collections.singletonList(where +
				": a bare Zarr array has no voxel size; 1 Å is assumed"));
	}

	private MultiscaleVolume openMrc(final Path file) throws IOException {
		return openMrc(MrcReader.open(file), name(file), file.toString());
	}

	private MultiscaleVolume openMrc(final MrcReader reader, final String fileName, final String where)
		throws IOException
	{
		final MrcVolume v = new MrcVolume(reader);
		final List<String> notes = new ArrayList<>();
		final double[] scale = v.voxelSizeZyx();
		for (int d = 0; d < 3; d++)
			if (Double.isNaN(scale[d])) {
				scale[d] = 1;
				if (notes.isEmpty()) notes.add(where + ": the header gives no voxel size (cella or mx/my/mz is 0); 1 Å is assumed");
			}
		if (reader.unsignedBytes())
			notes.add(where + ": mode 0 with dmax " + reader.header().dmax +
				" > 127 is read as unsigned bytes (the pre-2014 convention)");
		final String lower = fileName.toLowerCase(Locale.ROOT);
		// MRC2014 says ispg 0 is an image stack, but older volumes carry 0 too: a stack also has mz = 1,
		// as the portal's tilt series and RELION's particle stacks do.
		final boolean stack = reader.header().ispg == 0 && reader.header().mz == 1 && reader.header().nz > 1 || lower
			.endsWith(".st") || lower.endsWith(".mrcs") || lower.endsWith(".ali") || lower.endsWith(".preali");
		return new MultiscaleVolume(fileName, Collections.singletonList(v), Collections.singletonList(scale),
			Collections.singletonList(new double[3]), false, notes, stack);
	}

	/**
	 * A volume behind a URL ({@code https://}, {@code s3://}) or any store:
	 * an OME-Zarr group, a Zarr array or an MRC file, read by ranges. The
	 * volume owns the store and closes it.
	 */
	public MultiscaleVolume open(final StorePath p) throws IOException {
		final String name = p.name();
		final MultiscaleVolume v;
		try {
			if (isMrcName(name)) v = openMrc(MrcReader.open(p), name, p.toString());
			else {
				final String prefix = p.key.isEmpty() ? "" : p.key + "/";
				final byte[] zattrs = p.store.get(prefix + ".zattrs");
				if (zattrs != null && new String(zattrs, java.nio.charset.StandardCharsets.UTF_8).contains("\"multiscales\""))
					v = openGroup(p.store, p.key, zattrs, p.toString(), name);
				else if (p.store.exists(prefix + ".zarray")) v = bareArray(ZarrArray.open(p.store, p.key), name, p.toString());
				else throw new FormatException(p + ": not an OME-Zarr group or Zarr array (no .zattrs with multiscales, " +
					"no .zarray), nor an MRC file");
			}
		}
		catch (final IOException | RuntimeException e) {
			p.store.close();
			throw e;
		}
		return v.closing(p.store);
	}

	/** A path or a URL. */
	public MultiscaleVolume open(final String pathOrUrl) throws IOException {
		return Stores.isRemote(pathOrUrl) ? open(Stores.open(pathOrUrl)) : open(Path.of(pathOrUrl));
	}

	public static boolean isMrcName(final String name) {
		final String n = name.toLowerCase(Locale.ROOT);
		return MRC_EXTENSIONS.stream().anyMatch(n::endsWith);
	}

	private static String name(final Path p) {
		return p.getFileName() == null ? p.toString() : p.getFileName().toString();
	}
}

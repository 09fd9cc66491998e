package org.cryoet.convert;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.format.codec.BloscCodec;
import org.cryoet.format.ngff.Multiscales;
import org.cryoet.format.zarr.ZarrArray;
import org.cryoet.format.zarr.ZarrArrayMetadata;
import org.cryoet.format.zarr.ZarrDtype;
import org.cryoet.image.BoxCopy;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.Downsampling;
import org.cryoet.image.DownsampledVolume;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Parallel;
import org.cryoet.image.Progress;
import org.cryoet.image.Volume;
import org.cryoet.image.ZarrVolume;
import org.cryoet.store.FileStore;

/**
 * OME-Zarr out, as the portal writes it: Zarr v2, NGFF 0.4, axes z, y, x in
 * angstrom, 3 levels at 2x, Blosc lz4 clevel 5 byte shuffle, '/' separator,
 * chunks 256³ (image stacks 1×1024×1024) capped at the shape.
 */
public final class OmeZarrExport implements VolumeExporter {

	public static final int LEVELS = 3;
	private static final long MAX_SOURCE_PIECE = 64L << 20;

	private final int threads;
	private final Downsampling forced;

	/** @param downsampling null chooses by content (see {@link #choose}) */
	public OmeZarrExport(final int threads, final Downsampling downsampling) {
		this.threads = threads;
		this.forced = downsampling;
	}

	@Override
	public String export(final MultiscaleVolume input, final int level, final Path target, final Progress progress)
		throws IOException
	{
		final Volume source = input.level(level);
		if (source.shape().length != 3) throw new FormatException(source.describe() + ": only 3D volumes are supported");
		final Downsampling mode = forced != null ? forced : choose(input, source, progress);
		final boolean stack = input.imageStack;
		final int[] factors = stack ? new int[] { 1, 2, 2 } : new int[] { 2, 2, 2 };
		final int[] chunkTarget = stack ? new int[] { 1, 1024, 1024 } : new int[] { 256, 256, 256 };
		final double[] base = VoxelSizes.snap(input.scales.get(level));
		final FileStore store = new FileStore(target);
		final List<double[]> scales = new ArrayList<>();
		final TreeSet<Integer> labels = new TreeSet<>();
		Volume current = source;
		for (int k = 0; k < LEVELS; k++) {
			if (k > 0) {
				// Each level is made from the one just written, so every read stays local.
				final ZarrArray prev = ZarrArray.open(store, Integer.toString(k - 1));
				current = new DownsampledVolume(new ZarrVolume(prev, new ChunkCache(sourceCacheBytes(prev))), factors, mode);
			}
			final long[] shape = current.shape();
			final int[] chunks = new int[3];
			for (int d = 0; d < 3; d++)
				chunks[d] = (int) Math.max(1, Math.min(chunkTarget[d], shape[d]));
			final ZarrArrayMetadata meta = new ZarrArrayMetadata(shape, chunks, new ZarrDtype(source.type(),
				ByteOrder.LITTLE_ENDIAN), false, 0, new BloscCodec(BloscCodec.Cname.LZ4, 5, BloscCodec.SHUFFLE), "/");
			final ZarrArray out = ZarrArray.create(store, Integer.toString(k), meta);
			writeLevel(current, out, k == 0 && input.labelImage ? labels : null, progress, k);
			final double[] s = new double[3];
			for (int d = 0; d < 3; d++)
				s[d] = base[d] * Math.pow(factors[d], k);
			scales.add(s);
		}
		final int[] labelValues = labels.stream().mapToInt(Integer::intValue).toArray();
		store.put(".zgroup", "{\n    \"zarr_format\": 2\n}".getBytes(StandardCharsets.UTF_8));
		store.put(".zattrs", Multiscales.portalZattrs(scales, input.labelImage, labelValues).getBytes(
			StandardCharsets.UTF_8));
		final long[] sh = source.shape();
		return String.format(Locale.ROOT, "OME-Zarr %s in %d levels, %s, %s, %s downsampling", ZarrDtype.format(
			source.type(), ByteOrder.LITTLE_ENDIAN), LEVELS, Describe.size(sh), Describe.voxel(base), mode.name()
				.toLowerCase(Locale.ROOT));
	}

	@Override
	public String writes() {
		return "a Zarr hierarchy";
	}

	@Override
	public boolean canReplace(final Path existing) throws IOException {
		return ZarrTree.isZarrHierarchy(existing);
	}

	/**
	 * Each output chunk is read in z pieces, each touching the 2×2 source chunks
	 * of one source z-chunk; keeping those for every worker means every source
	 * chunk is decoded once, not once per piece.
	 */
	private long sourceCacheBytes(final ZarrArray source) {
		final long chunkBytes = (long) source.metadata().chunkElements() * source.metadata().type().bytes() + 64;
		return Math.min(Runtime.getRuntime().maxMemory() / 3, Math.max(1, threads) * 4 * chunkBytes);
	}

	/**
	 * Images are averaged; integer volumes holding only 0 and 1 are masks
	 * ("any", as the portal does for segmentation masks); other label images
	 * (NGFF image-label) keep their labels (nearest); other integer volumes
	 * are averaged and rounded.
	 */
	static Downsampling choose(final MultiscaleVolume input, final Volume v, final Progress progress) throws IOException {
		if (v.type().isFloat()) return Downsampling.MEAN;
		if (ValueRange.of(v, 2, progress).binary) return Downsampling.ANY;
		return input.labelImage ? Downsampling.NEAREST : Downsampling.MEAN;
	}

	private void writeLevel(final Volume v, final ZarrArray out, final TreeSet<Integer> labels, final Progress progress,
		final int k) throws IOException
	{
		final ZarrArrayMetadata meta = out.metadata();
		final long[] grid = meta.gridShape();
		final List<long[]> positions = new ArrayList<>();
		for (long z = 0; z < grid[0]; z++)
			for (long y = 0; y < grid[1]; y++)
				for (long x = 0; x < grid[2]; x++)
					positions.add(new long[] { z, y, x });
		final int[] done = { 0 };
		Parallel.forEach(positions, threads, "cryoet-write", p -> {
			if (progress.isCancelled()) throw new java.util.concurrent.CancellationException("cancelled");
			final Object chunk = chunk(v, meta, p);
			if (labels != null) collectLabels(v.type(), chunk, labels);
			out.writeChunk(p, chunk);
		}, () -> progress.report("writing level " + k, ++done[0] / (double) positions.size()));
	}

	/** One full-size output chunk (zero beyond the array's edge), read in z pieces of bounded size. */
	private static Object chunk(final Volume v, final ZarrArrayMetadata meta, final long[] grid) throws IOException {
		final int[] chunks = meta.chunks;
		final Object out = v.type().allocate(meta.chunkElements());
		final long[] off = new long[3];
		final int[] size = new int[3];
		for (int d = 0; d < 3; d++) {
			off[d] = grid[d] * chunks[d];
			size[d] = (int) Math.min(chunks[d], meta.shape[d] - off[d]);
		}
		final long planeBytes = (long) size[1] * size[2] * v.type().bytes() * 8;
		final int step = (int) Math.max(1, Math.min(size[0], MAX_SOURCE_PIECE / Math.max(1, planeBytes)));
		for (int z = 0; z < size[0]; z += step) {
			final int[] piece = { Math.min(step, size[0] - z), size[1], size[2] };
			final Object tmp = v.type().allocate(BoxCopy.elements(piece));
			v.read(new long[] { off[0] + z, off[1], off[2] }, piece, tmp);
			BoxCopy.copy(tmp, piece, new int[3], out, chunks, new int[] { z, 0, 0 }, piece);
		}
		return out;
	}

	private static void collectLabels(final DataType t, final Object chunk, final TreeSet<Integer> labels) {
		final int n = DataType.length(chunk);
		final TreeSet<Integer> local = new TreeSet<>();
		for (int i = 0; i < n && local.size() < 100_000; i++) {
			final double v = t.get(chunk, i);
			if (v != 0) local.add((int) v);
		}
		synchronized (labels) {
			labels.addAll(local);
		}
	}
}

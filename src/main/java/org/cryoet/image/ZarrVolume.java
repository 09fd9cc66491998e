package org.cryoet.image;

import java.io.IOException;

import org.cryoet.format.DataType;
import org.cryoet.format.zarr.ZarrArray;
import org.cryoet.format.zarr.ZarrArrayMetadata;

/** A Zarr array read through a {@link ChunkCache}. */
public final class ZarrVolume implements Volume {

	private final ZarrArray array;
	private final ZarrArrayMetadata meta;
	private final ChunkCache cache;
	/** Chunks per axis, kept: the index of every chunk a read meets is computed from it. */
	private final long[] gridShape;

	public ZarrVolume(final ZarrArray array, final ChunkCache cache) {
		this.array = array;
		this.meta = array.metadata();
		this.cache = cache;
		this.gridShape = meta.gridShape();
	}

	public ZarrArray array() {
		return array;
	}

	@Override
	public DataType type() {
		return meta.type();
	}

	@Override
	public long[] shape() {
		return meta.shape.clone();
	}

	@Override
	public int[] blockShape() {
		return meta.chunks.clone();
	}

	/** Frees this array's chunks from the cache. */
	@Override
	public void close() {
		cache.invalidate(this);
	}

	@Override
	public String describe() {
		return array.describe();
	}

	/** Starts fetching the uncached chunks of a grid box together. */
	private void prefetch(final long[] first, final long[] last) throws IOException {
		final java.util.List<long[]> grids = new java.util.ArrayList<>();
		final long[] g = first.clone();
		while (true) {
			if (cache.getIfPresent(this, index(g)) == null) grids.add(g.clone());
			int d = g.length - 1;
			while (d >= 0 && ++g[d] > last[d]) {
				g[d] = first[d];
				d--;
			}
			if (d < 0) break;
		}
		if (grids.size() > 1) array.prefetch(grids);
	}

	private long index(final long[] grid) {
		final long[] gs = gridShape;
		long index = 0;
		for (int d = 0; d < grid.length; d++)
			index = index * gs[d] + grid[d];
		return index;
	}

	/** The chunk at a grid position, from the cache or the store. */
	public Object chunk(final long[] grid) throws IOException {
		final long index = index(grid);
		return cache.get(this, index, (long) meta.chunkElements() * meta.type().bytes(), () -> array.readChunk(grid));
	}

	@Override
	public void read(final long[] offset, final int[] size, final Object dst, final int[] dstShape,
		final int[] dstBase) throws IOException
	{
		final int nd = offset.length;
		final int[] chunks = meta.chunks;
		final long[] first = new long[nd], last = new long[nd];
		for (int d = 0; d < nd; d++) {
			if (offset[d] < 0 || offset[d] + size[d] > meta.shape[d])
				throw new IndexOutOfBoundsException("box outside " + describe());
			first[d] = offset[d] / chunks[d];
			last[d] = (offset[d] + size[d] - 1) / chunks[d];
			if (size[d] == 0) return;
		}
		// Local files are read in part (a slice's Blosc blocks). Remote chunks are fetched whole, all the
		// box needs in one parallel wave, since each request costs a round trip.
		final boolean local = array.store() instanceof org.cryoet.store.FileStore;
		if (!local) prefetch(first, last);
		// A cache too small to keep a chunk would only cost an allocation and a copy per chunk.
		final boolean direct = cache.budget() < (long) meta.chunkElements() * meta.type().bytes() && !meta.fortranOrder;
		final long[] grid = first.clone();
		final int[] srcPos = new int[nd], dstPos = new int[nd], box = new int[nd];
		while (true) {
			for (int d = 0; d < nd; d++) {
				final long c0 = grid[d] * chunks[d];
				final long lo = Math.max(c0, offset[d]);
				final long hi = Math.min(c0 + chunks[d], offset[d] + size[d]);
				srcPos[d] = (int) (lo - c0);
				dstPos[d] = dstBase[d] + (int) (lo - offset[d]);
				box[d] = (int) (hi - lo);
			}
			final Object cached = cache.getIfPresent(this, index(grid));
			if (cached != null) BoxCopy.copy(cached, chunks, srcPos, dst, dstShape, dstPos, box);
			// A thin box (a slice) decodes only the blocks that hold it, and caches nothing: scrolling
			// through a volume larger than the cache then never decodes (or keeps) whole chunks.
			else if (local && array.readsPartly(srcPos, box)) array.readChunkPart(grid, srcPos, box, dst, dstShape, dstPos);
			else if (direct) array.readChunkInto(grid, srcPos, box, dst, dstShape, dstPos);
			else BoxCopy.copy(chunk(grid), chunks, srcPos, dst, dstShape, dstPos, box);
			int d = nd - 1;
			while (d >= 0 && ++grid[d] > last[d]) {
				grid[d] = first[d];
				d--;
			}
			if (d < 0) break;
		}
	}
}

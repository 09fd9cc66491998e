package org.cryoet.image;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.cell.Cell;
import net.imglib2.img.cell.LazyCellImg;
import net.imglib2.type.volatiles.VolatileByteType;
import net.imglib2.type.volatiles.VolatileDoubleType;
import net.imglib2.type.volatiles.VolatileFloatType;
import net.imglib2.type.volatiles.VolatileIntType;
import net.imglib2.type.volatiles.VolatileShortType;
import net.imglib2.type.volatiles.VolatileUnsignedByteType;
import net.imglib2.type.volatiles.VolatileUnsignedIntType;
import net.imglib2.type.volatiles.VolatileUnsignedShortType;

import org.cryoet.format.DataType;

/**
 * Every level of a multiscale volume as a volatile, read-only ImgLib2 image
 * (x, y, z), for viewers that must never wait for data: a cell not in the
 * cache reads as "not valid" at once (the viewer shows a coarser level there)
 * and is loaded on a background thread, coarse levels first. Built from
 * ImgLib2 core alone, so it needs neither imglib2-cache nor BigDataViewer.
 */
public final class VolatileLevels implements AutoCloseable {

	private final MultiscaleVolume volume;
	private final List<VolumeCells> cells = new ArrayList<>();
	private final List<RandomAccessibleInterval<?>> images = new ArrayList<>();
	private final CellFetcher fetcher;
	/** Cells that failed to load: shown as zeros (valid), so the viewer stops asking. */
	private final Map<List<Long>, Boolean> failed = new ConcurrentHashMap<>();
	private final Consumer<String> onFailure;
	private final AtomicBoolean reported = new AtomicBoolean();

	public VolatileLevels(final MultiscaleVolume volume, final ChunkCache cache, final Consumer<String> onFailure) {
		this.volume = volume;
		this.onFailure = onFailure;
		this.fetcher = new CellFetcher(volume.name, Math.max(2, Runtime.getRuntime().availableProcessors()), (key,
			e) -> fail(key, e));
		for (int l = 0; l < volume.levels.size(); l++) {
			final VolumeCells c = new VolumeCells(volume.level(l), cache);
			cells.add(c);
			images.add(LazyImages.crop(LazyImages.image(c, volatileType(volume.level(l).type()), getter(l, c)), c));
		}
	}

	public int numLevels() {
		return images.size();
	}

	/** Level {@code l} (0 = finest), x, y, z. */
	@SuppressWarnings("unchecked")
	public <V> RandomAccessibleInterval<V> level(final int l) {
		return (RandomAccessibleInterval<V>) images.get(l);
	}

	public List<RandomAccessibleInterval<?>> levels() {
		return Collections.unmodifiableList(images);
	}

	/** A fresh instance of the images' volatile pixel type. */
	public Object type() {
		return volatileType(volume.level(0).type());
	}

	/**
	 * Loads every cell of the coarsest level now, so that no pixel is ever
	 * invalid at every level (some older viewers fail on such a frame), when
	 * that level is small (at most an eighth of the cache budget).
	 */
	public void loadCoarsest() throws IOException {
		final VolumeCells c = cells.get(cells.size() - 1);
		// Only a small coarsest level: a one-level volume (an MRC) loads as the viewer asks, never whole.
		final long[] shape = c.volume.shape();
		long bytes = c.volume.type().bytes();
		for (final long n : shape)
			bytes *= n;
		if (bytes > c.cache.budget() / 8) return;
		final long n = c.grid.getGridDimensions().length == 0 ? 0 : numCells(c);
		for (long i = 0; i < n; i++)
			c.load(i);
	}

	/** Drops queued loads the viewer has not started (it asks again for what it still shows). */
	public void dropQueued() {
		fetcher.clear();
	}

	/** Loads waiting to start, for tests and progress. */
	public int pendingLoads() {
		return fetcher.pending();
	}

	/** Stops the loaders and frees the cells this viewer loaded. */
	@Override
	public void close() {
		fetcher.close();
		for (final VolumeCells c : cells)
			c.cache.invalidate(c.volume);
	}

	private static long numCells(final VolumeCells c) {
		long n = 1;
		for (final long g : c.grid.getGridDimensions())
			n *= g;
		return n;
	}

	private LazyCellImg.Get<Cell<Object>> getter(final int level, final VolumeCells c) {
		final DataType type = volume.level(level).type();
		final Object loading = CellAccess.loading(type);
		final Object unreadable = CellAccess.zeros(type, true);
		final int priority = level; // coarser levels have higher numbers and load first
		return index -> {
			final long[] min = new long[c.grid.numDimensions()];
			final int[] size = new int[min.length];
			c.grid.getCellDimensions(index, min, size);
			final Object data = c.cached(index);
			if (data != null) return new Cell<>(size, min, CellAccess.of(data, true));
			final List<Long> key = java.util.Arrays.asList((long) level, index);
			if (failed.containsKey(key)) return new Cell<>(size, min, unreadable);
			fetcher.request(key, priority, () -> c.load(index));
			return new Cell<>(size, min, loading);
		};
	}

	private void fail(final Object key, final Exception e) {
		@SuppressWarnings("unchecked")
		final List<Long> k = (List<Long>) key;
		failed.put(k, Boolean.TRUE);
		// Reported once per volume: the rest are the same fault. Loaders fail at once on several threads, so
		// "was the map empty" reported some faults twice.
		if (reported.compareAndSet(false, true)) onFailure.accept(volume.name +
			": a block could not be read and is shown as zeros: " + (e.getMessage() == null ? e.toString() : e
				.getMessage()));
	}

	static Object volatileType(final DataType t) {
		switch (t) {
			case INT8: return new VolatileByteType();
			case UINT8: return new VolatileUnsignedByteType();
			case INT16: return new VolatileShortType();
			case UINT16: return new VolatileUnsignedShortType();
			case INT32: return new VolatileIntType();
			case UINT32: return new VolatileUnsignedIntType();
			case FLOAT16: case FLOAT32: return new VolatileFloatType();
			default: return new VolatileDoubleType();
		}
	}
}

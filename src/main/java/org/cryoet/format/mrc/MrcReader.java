package org.cryoet.format.mrc;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.store.Store;
import org.cryoet.store.StorePath;

/**
 * Reads an MRC file's voxels by range, never the whole file at once: from a
 * local file by positional reads, from HTTP or S3 by ranged requests (the
 * header first, then only the rows asked for). Boxes are in stored order
 * (section, row, column).
 */
public final class MrcReader implements Closeable {

	/** Largest buffer a thread keeps between reads; larger reads go in several requests. */
	static final int KEPT_BUFFER_BYTES = 4 << 20;
	/** Largest single request to a remote store. */
	static final int REMOTE_REQUEST_BYTES = 16 << 20;

	private final Path path;
	private final RangeSource source;
	private final MrcHeader header;
	private final DataType type;
	private final boolean unsignedBytes;

	private MrcReader(final Path path, final RangeSource source, final MrcHeader header) {
		this.path = path;
		this.source = source;
		this.header = header;
		// Pre-2014 files stored unsigned bytes in mode 0; dmax > 127 gives them away.
		this.unsignedBytes = header.mode == 0 && header.dmax > 127;
		this.type = unsignedBytes ? DataType.UINT8 : header.dataType();
	}

	public static MrcReader open(final Path path) throws IOException {
		return open(path, RangeSource.of(path));
	}

	/** Opens the file at {@code key} of {@code store}: a local file, an HTTP URL or an S3 object. */
	public static MrcReader open(final Store store, final String key) throws IOException {
		final Path local = store instanceof org.cryoet.store.FileStore ? ((org.cryoet.store.FileStore) store).resolve(key)
			: null;
		return open(local, RangeSource.of(store, key));
	}

	public static MrcReader open(final StorePath file) throws IOException {
		return open(file.store, file.key);
	}

	private static MrcReader open(final Path path, final RangeSource src) throws IOException {
		try {
			final ByteBuffer hb = ByteBuffer.allocate(MrcHeader.SIZE);
			final long size = src.size();
			if (size < MrcHeader.SIZE)
				throw new FormatException(src.name + ": " + size + " bytes, shorter than an MRC header");
			src.read(hb, 0);
			final MrcHeader h = MrcHeader.read(hb.array(), src.name);
			final long need = h.dataOffset() + h.dataBytes();
			if (size < need)
				throw new FormatException(src.name + ": truncated MRC file (" + size + " bytes, header needs " + need + ")");
			return new MrcReader(path, src, h);
		}
		catch (final IOException | RuntimeException e) {
			src.close();
			throw e;
		}
	}

	public MrcHeader header() {
		return header;
	}

	/** The local file, or null when the file is remote (see {@link #describe()}). */
	public Path path() {
		return path;
	}

	/** The file's path or URL, for messages. */
	public String describe() {
		return source.name;
	}

	/** The element type of the voxels: the mode's, or uint8 for the old unsigned-bytes convention. */
	public DataType type() {
		return type;
	}

	public boolean unsignedBytes() {
		return unsignedBytes;
	}

	/** Reads a stored-order box (section, row, column) into {@code dst}, which holds exactly the box. */
	public void read(final long[] off, final int[] size, final Object dst) throws IOException {
		read(off, size, dst, size, new int[3]);
	}

	/**
	 * Reads a stored-order box ({@code off}/{@code size} as section, row,
	 * column) into {@code dst}, a C-order array of {@link #type()} with shape
	 * {@code dstShape}, at {@code dstPos}. Locally whole rows go in one read per
	 * section (up to 4 MiB); remotely one request spans the box's rows of a
	 * section (row ends included) and the sections are fetched in parallel, so a
	 * box costs about one round trip.
	 */
	public void read(final long[] off, final int[] size, final Object dst, final int[] dstShape, final int[] dstPos)
		throws IOException
	{
		for (int d = 0; d < 3; d++)
			if (size[d] <= 0) return;
		if (!source.remote() || size[0] == 1) {
			for (int s = 0; s < size[0]; s++)
				readSection(s, off, size, dst, dstShape, dstPos);
			return;
		}
		// Remote sections are fetched in parallel; the store bounds how many requests run at once.
		final List<Future<?>> pending = new ArrayList<>(size[0]);
		for (int s = 0; s < size[0]; s++) {
			final int section = s;
			pending.add(SECTION_FETCHES.submit(() -> {
				readSection(section, off, size, dst, dstShape, dstPos);
				return null;
			}));
		}
		try {
			for (final Future<?> f : pending)
				f.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new InterruptedIOException(source.name + ": interrupted");
		}
		catch (final ExecutionException e) {
			final Throwable t = e.getCause();
			if (t instanceof IOException) throw (IOException) t;
			if (t instanceof RuntimeException) throw (RuntimeException) t;
			throw new IOException(t);
		}
		finally {
			for (final Future<?> f : pending)
				f.cancel(true);
		}
	}

	/** Section {@code s} of the box: rows in few ranges (remote: one per section), whole rows at once where the box has them. */
	private void readSection(final int s, final long[] off, final int[] size, final Object dst, final int[] dstShape,
		final int[] dstPos) throws IOException
	{
		final int bytes = header.dataType().bytes();
		final long rowBytes = (long) header.nx * bytes;
		final long sectionBytes = rowBytes * header.ny;
		final boolean fullRows = off[2] == 0 && size[2] == header.nx && dstShape[2] == size[2];
		final long colBytes = (long) size[2] * bytes;
		final int dstRow = dstShape[2], dstSection = dstShape[1] * dstShape[2];
		final long sectionStart = header.dataOffset() + (off[0] + s) * sectionBytes;
		final int base = (dstPos[0] + s) * dstSection + dstPos[1] * dstRow + dstPos[2];
		if (source.remote()) {
			// Rows r0..r0+n-1 in one range: from the box's first voxel to its last one in this section.
			final int perRange = (int) Math.max(1, Math.min(size[1], REMOTE_REQUEST_BYTES / rowBytes));
			for (int r0 = 0; r0 < size[1]; r0 += perRange) {
				final int n = Math.min(perRange, size[1] - r0);
				final long span = (n - 1) * rowBytes + colBytes;
				if (span > Integer.MAX_VALUE - 16) throw new FormatException(source.name + ": a row of more than 2 GiB");
				final byte[] b = source.bytes(sectionStart + (off[1] + r0) * rowBytes + off[2] * bytes, (int) span);
				if (fullRows) type.fromBytes(b, 0, header.order, dst, base + r0 * dstRow, n * size[2]);
				else for (int r = 0; r < n; r++)
					type.fromBytes(b, (int) (r * rowBytes), header.order, dst, base + (r0 + r) * dstRow, size[2]);
			}
		}
		else if (fullRows) {
			final int perRead = (int) Math.max(1, Math.min(size[1], KEPT_BUFFER_BYTES / rowBytes));
			for (int r0 = 0; r0 < size[1]; r0 += perRead) {
				final int n = Math.min(perRead, size[1] - r0);
				final ByteBuffer buf = buffer(n * rowBytes);
				readRange(buf, sectionStart + (off[1] + r0) * rowBytes);
				type.fromBytes(buf.array(), 0, header.order, dst, base + r0 * dstRow, n * size[2]);
			}
		}
		else {
			final ByteBuffer buf = buffer(colBytes);
			for (int r = 0; r < size[1]; r++) {
				readRange(buf, sectionStart + (off[1] + r) * rowBytes + off[2] * bytes);
				type.fromBytes(buf.array(), 0, header.order, dst, base + r * dstRow, size[2]);
			}
		}
	}

	/** Threads that wait on remote section fetches (the store itself bounds the requests). */
	private static final ExecutorService SECTION_FETCHES;
	static {
		final ThreadPoolExecutor p = new ThreadPoolExecutor(16, 16, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
			r -> {
				final Thread t = new Thread(r, "cryoet-mrc-fetch");
				t.setDaemon(true);
				return t;
			});
		p.allowCoreThreadTimeOut(true);
		SECTION_FETCHES = p;
	}

	private void readRange(final ByteBuffer buf, final long pos) throws IOException {
		buf.position(0);
		source.read(buf, pos);
	}

	/**
	 * A heap buffer of exactly {@code bytes} (limit): this thread's kept one
	 * when it fits the bound, else a new one dropped after the read.
	 */
	private static ByteBuffer buffer(final long bytes) throws FormatException {
		if (bytes > Integer.MAX_VALUE - 16) throw new FormatException("a row of more than 2 GiB");
		if (bytes > KEPT_BUFFER_BYTES) return ByteBuffer.allocate((int) bytes);
		ByteBuffer b = BUFFERS.get();
		if (b.capacity() < bytes) {
			b = ByteBuffer.allocate((int) Math.min(KEPT_BUFFER_BYTES, Math.max(bytes, 2L * b.capacity())));
			BUFFERS.set(b);
		}
		b.clear().limit((int) bytes);
		return b;
	}

	/** Reads are frequent: each thread keeps one buffer, never above {@link #KEPT_BUFFER_BYTES}. */
	private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1 << 16));

	/** Raw stored bytes of the data block (for checksums), read by ranges into {@code sink}. */
	public void forEachDataRange(final int rangeBytes, final Consumer<ByteBuffer> sink) throws IOException {
		final ByteBuffer buf = ByteBuffer.allocate(rangeBytes);
		long pos = header.dataOffset();
		final long end = pos + header.dataBytes();
		while (pos < end) {
			buf.clear();
			buf.limit((int) Math.min(rangeBytes, end - pos));
			source.read(buf, pos);
			buf.flip();
			sink.accept(buf);
			pos += buf.limit();
		}
	}

	@Override
	public void close() throws IOException {
		source.close();
	}
}

package org.cryoet.format.mrc;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;

/**
 * Reads an MRC file's voxels by range, never the whole file at once. Boxes
 * are in stored order (section, row, column).
 */
public final class MrcReader implements Closeable {

	private final Path path;
	private final FileChannel channel;
	private final MrcHeader header;
	private final DataType type;
	private final boolean unsignedBytes;

	private MrcReader(final Path path, final FileChannel channel, final MrcHeader header) {
		this.path = path;
		this.channel = channel;
		this.header = header;
		// Pre-2014 files stored unsigned bytes in mode 0; dmax > 127 gives them away.
		this.unsignedBytes = header.mode == 0 && header.dmax > 127;
		this.type = unsignedBytes ? DataType.UINT8 : header.dataType();
	}

	public static MrcReader open(final Path path) throws IOException {
		final FileChannel ch;
		try {
			ch = FileChannel.open(path, StandardOpenOption.READ);
		}
		catch (final NoSuchFileException e) {
			throw new FormatException(path + ": file not found");
		}
		try {
			final long size = ch.size();
			final ByteBuffer hb = ByteBuffer.allocate((int) Math.min(size, MrcHeader.SIZE));
			readFully(ch, hb, 0);
			final MrcHeader h = MrcHeader.read(hb.array(), path.toString());
			final long need = h.dataOffset() + h.dataBytes();
			if (size < need)
				throw new FormatException(path + ": truncated MRC file (" + size + " bytes, header needs " + need + ")");
			return new MrcReader(path, ch, h);
		}
		catch (final IOException | RuntimeException e) {
			ch.close();
			throw e;
		}
	}

	public MrcHeader header() {
		return header;
	}

	public Path path() {
		return path;
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
	 * {@code dstShape}, at {@code dstPos}. Whole rows are read in one request per section.
	 */
	public void read(final long[] off, final int[] size, final Object dst, final int[] dstShape, final int[] dstPos)
		throws IOException
	{
		final int bytes = header.dataType().bytes();
		final long rowBytes = (long) header.nx * bytes;
		final long sectionBytes = rowBytes * header.ny;
		final boolean fullRows = off[2] == 0 && size[2] == header.nx && dstShape[2] == size[2];
		final int runBytes = fullRows ? (int) (size[1] * rowBytes) : size[2] * bytes;
		final ByteBuffer buf = buffer(runBytes);
		final int dstRow = dstShape[2], dstSection = dstShape[1] * dstShape[2];
		for (int s = 0; s < size[0]; s++) {
			final long sectionStart = header.dataOffset() + (off[0] + s) * sectionBytes;
			final int base = (dstPos[0] + s) * dstSection + dstPos[1] * dstRow + dstPos[2];
			if (fullRows) {
				buf.clear().limit(runBytes);
				readFully(channel, buf, sectionStart + off[1] * rowBytes);
				type.fromBytes(buf.array(), 0, header.order, dst, base, size[1] * size[2]);
			}
			else {
				for (int r = 0; r < size[1]; r++) {
					buf.clear().limit(runBytes);
					readFully(channel, buf, sectionStart + (off[1] + r) * rowBytes + off[2] * bytes);
					type.fromBytes(buf.array(), 0, header.order, dst, base + r * dstRow, size[2]);
				}
			}
		}
	}

	/** One read buffer per thread, grown as needed: reads are frequent and buffers large. */
	private static final ThreadLocal<ByteBuffer> BUFFERS = ThreadLocal.withInitial(() -> ByteBuffer.allocate(1 << 16));

	private static ByteBuffer buffer(final int bytes) {
		ByteBuffer b = BUFFERS.get();
		if (b.capacity() < bytes) {
			b = ByteBuffer.allocate(bytes);
			BUFFERS.set(b);
		}
		return b;
	}

	/** Raw stored bytes of the data block (for checksums), read by ranges into {@code sink}. */
	public void forEachDataRange(final int rangeBytes, final java.util.function.Consumer<ByteBuffer> sink)
		throws IOException
	{
		final ByteBuffer buf = ByteBuffer.allocate(rangeBytes);
		long pos = header.dataOffset();
		final long end = pos + header.dataBytes();
		while (pos < end) {
			buf.clear();
			buf.limit((int) Math.min(rangeBytes, end - pos));
			readFully(channel, buf, pos);
			buf.flip();
			sink.accept(buf);
			pos += buf.limit();
		}
	}

	private static void readFully(final FileChannel ch, final ByteBuffer b, long pos) throws IOException {
		while (b.hasRemaining()) {
			final int n = ch.read(b, pos);
			if (n < 0) throw new FormatException("unexpected end of file at byte " + pos);
			pos += n;
		}
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}

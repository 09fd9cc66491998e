package org.cryoet.format.mrc;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;

/**
 * Writes an MRC2014 file section by section (z slices, C order), then fills
 * in dmin/dmax/dmean/rms from what was written. Callers write to a temporary
 * path and move it into place.
 */
public final class MrcWriter implements Closeable {

	private final FileChannel channel;
	private final MrcHeader header;
	private final DataType type;
	private long written;
	private double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum, sumSq;
	private long count;

	/**
	 * @param shape z, y, x
	 * @param voxelSize Å along x, y, z
	 */
	public MrcWriter(final Path path, final DataType type, final long[] shape, final double[] voxelSize,
		final String label) throws IOException
	{
		final int mode = MrcMode.of(type);
		if (mode < 0) throw new IllegalArgumentException("no MRC mode for " + type);
		for (final double v : voxelSize)
			if (!(Double.isFinite(v) && v > 0))
				throw new FormatException(path + ": voxel size " + java.util.Arrays.toString(voxelSize) +
					" is not finite and positive; an MRC header cannot carry it");
		this.type = type;
		header = new MrcHeader();
		header.mode = mode;
		header.nx = header.mx = (int) shape[2];
		header.ny = header.my = (int) shape[1];
		header.nz = header.mz = (int) shape[0];
		for (int i = 0; i < 3; i++)
			header.cella[i] = (float) (voxelSize[i] * (i == 0 ? header.nx : i == 1 ? header.ny : header.nz));
		header.labels = new String[] { label };
		header.order = ByteOrder.LITTLE_ENDIAN;
		channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
			StandardOpenOption.WRITE);
		writeFully(ByteBuffer.wrap(header.toBytes()), 0);
	}

	public MrcHeader header() {
		return header;
	}

	/** Appends {@code n} voxels (C order, continuing where the last call stopped). */
	public void write(final Object data, final int n) throws IOException {
		final byte[] bytes = new byte[n * type.bytes()];
		type.toBytes(data, 0, n, ByteOrder.LITTLE_ENDIAN, bytes, 0);
		for (int i = 0; i < n; i++) {
			final double v = type.get(data, i);
			if (v < min) min = v;
			if (v > max) max = v;
			sum += v;
			sumSq += v * v;
		}
		count += n;
		writeFully(ByteBuffer.wrap(bytes), MrcHeader.SIZE + written);
		written += bytes.length;
	}

	/** Writes the final header; the file is complete after this. */
	public void finish() throws IOException {
		final long expected = (long) header.nx * header.ny * header.nz;
		if (count != expected) throw new IOException("MRC writer got " + count + " voxels, expected " + expected);
		final double mean = count == 0 ? 0 : sum / count;
		header.dmin = (float) min;
		header.dmax = (float) max;
		header.dmean = (float) mean;
		header.rms = (float) Math.sqrt(Math.max(0, sumSq / Math.max(count, 1) - mean * mean));
		writeFully(ByteBuffer.wrap(header.toBytes()), 0);
		channel.force(false);
	}

	private void writeFully(final ByteBuffer b, final long pos) throws IOException {
		org.cryoet.store.ChannelIO.write(channel, b, pos);
	}

	@Override
	public void close() throws IOException {
		channel.close();
	}
}

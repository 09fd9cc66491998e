package org.cryoet.ui;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Rewrites a TIFF's XResolution and YResolution so that ImageJ reads the pixel
 * size back exactly. ImageJ writes 1/pixelWidth as a fraction over 10⁶ with the
 * numerator truncated (13.48 Å comes back as 13.480177); here the fraction is
 * chosen so that ImageJ's own reading, {@code 1 / (numerator / denominator)},
 * gives the pixel size to the last bit whenever some fraction of 32-bit
 * integers does.
 */
final class TiffResolution {

	private static final int X_RESOLUTION = 282, Y_RESOLUTION = 283, RATIONAL = 5;

	private TiffResolution() {}

	static void set(final Path tif, final double pixelWidth, final double pixelHeight) throws IOException {
		final long[] x = fraction(pixelWidth), y = fraction(pixelHeight);
		try (RandomAccessFile f = new RandomAccessFile(tif.toFile(), "rw")) {
			final byte[] head = new byte[8];
			f.readFully(head);
			final ByteOrder order = head[0] == 'M' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
			long ifd = ByteBuffer.wrap(head).order(order).getInt(4) & 0xffffffffL;
			int guard = 0;
			while (ifd != 0 && ifd < f.length() && guard++ < 1_000_000) {
				f.seek(ifd);
				final byte[] countBytes = new byte[2];
				f.readFully(countBytes);
				final int n = ByteBuffer.wrap(countBytes).order(order).getShort() & 0xffff;
				final byte[] entries = new byte[12 * n + 4];
				f.readFully(entries);
				final ByteBuffer b = ByteBuffer.wrap(entries).order(order);
				for (int i = 0; i < n; i++) {
					final int tag = b.getShort(12 * i) & 0xffff, type = b.getShort(12 * i + 2) & 0xffff;
					if ((tag == X_RESOLUTION || tag == Y_RESOLUTION) && type == RATIONAL) {
						final long[] r = tag == X_RESOLUTION ? x : y;
						f.seek(b.getInt(12 * i + 8) & 0xffffffffL);
						f.write(ByteBuffer.allocate(8).order(order).putInt((int) r[0]).putInt((int) r[1]).array());
					}
				}
				ifd = b.getInt(12 * n) & 0xffffffffL;
			}
		}
	}

	/**
	 * Pixels per unit as numerator and denominator (unsigned 32-bit). The
	 * continued-fraction convergents of the pixel size are tried in turn (a
	 * decimal size such as 13.48 = 337/25 is found at once, an MRC's float32
	 * cella / n a few steps later), then small fractions one by one; when none
	 * reads back exactly, the one that reads back closest.
	 */
	static long[] fraction(final double pixelSize) {
		if (pixelSize > 0 && Double.isFinite(pixelSize)) {
			// convergents p/q of pixelSize: the TIFF holds q/p pixels per unit
			long p0 = 1, q0 = 0, p1 = (long) Math.floor(pixelSize), q1 = 1;
			double rest = pixelSize - Math.floor(pixelSize);
			for (int k = 0; k < 64 && p1 <= 0xffffffffL && q1 <= 0xffffffffL; k++) {
				if (p1 > 0 && 1.0 / ((double) q1 / (double) p1) == pixelSize) return new long[] { q1, p1 };
				if (rest == 0) break;
				final double inv = 1 / rest;
				final long a = (long) Math.floor(inv);
				rest = inv - a;
				final long p2 = a * p1 + p0, q2 = a * q1 + q0;
				p0 = p1;
				q0 = q1;
				p1 = p2;
				q1 = q2;
			}
		}
		// Otherwise the nearest reading among small fractions (exact ones included: 14.08 is not 25/352 in doubles).
		long[] best = null;
		double bestError = Double.POSITIVE_INFINITY;
		for (long num = 1; num <= 4_000_000; num++) {
			final double centre = Math.rint(pixelSize * num);
			if (centre > 0xffffffffL) break;
			for (long den = (long) centre - 1; den <= (long) centre + 1; den++) {
				if (den < 1) continue;
				final double error = Math.abs(1.0 / ((double) num / den) - pixelSize);
				if (error < bestError) {
					bestError = error;
					best = new long[] { num, den };
					if (error == 0) return best;
				}
			}
		}
		return best != null ? best : new long[] { 1, 1 };
	}
}

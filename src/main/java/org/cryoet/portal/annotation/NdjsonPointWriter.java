package org.cryoet.portal.annotation;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.store.AtomicOutput;

/**
 * Writes points as the portal's ingestion does ({@code ndjson.dump}): one
 * object per line, keys {@code type, location, xyz_rotation_matrix} or
 * {@code instance_id}, then any other keys the points carried, separators
 * {@code ", "} and {@code ": "}, lines joined by {@code \n} with none after
 * the last; numbers as Python writes them.
 */
public final class NdjsonPointWriter {

	private NdjsonPointWriter() {}

	/** Writes the file atomically; an existing file only when {@code overwrite}. */
	public static void write(final PointTable points, final Path file, final boolean overwrite) throws IOException {
		AtomicOutput.write(file, overwrite, tmp -> {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				write(points, out);
			}
		});
	}

	public static void write(final PointTable points, final OutputStream out) throws IOException {
		final StringBuilder sb = new StringBuilder(512);
		byte[] buf = new byte[1 << 16];
		int used = 0;
		for (int i = 0; i < points.size(); i++) {
			sb.setLength(0);
			if (i > 0) sb.append('\n');
			line(points, i, sb);
			if (used + 3 * sb.length() > buf.length) {
				out.write(buf, 0, used);
				used = 0;
				if (3 * sb.length() > buf.length) buf = new byte[3 * sb.length()];
			}
			for (int k = 0; k < sb.length(); k++) {
				final char c = sb.charAt(k);
				if (c < 0x80) buf[used++] = (byte) c;
				else {
					final byte[] rest = sb.substring(k).getBytes(StandardCharsets.UTF_8);
					System.arraycopy(rest, 0, buf, used, rest.length);
					used += rest.length;
					break;
				}
			}
		}
		out.write(buf, 0, used);
		out.flush();
	}

	/** One point's line, without the newline. */
	public static void line(final PointTable points, final int i, final StringBuilder sb) {
		final PointKind kind = points.kind(i);
		final int mask = points.integerMask(i);
		sb.append("{\"type\": \"").append(kind.type).append("\", \"location\": {\"x\": ");
		number(points.x(i), (mask & PointTable.X_INT) != 0, sb);
		sb.append(", \"y\": ");
		number(points.y(i), (mask & PointTable.Y_INT) != 0, sb);
		sb.append(", \"z\": ");
		number(points.z(i), (mask & PointTable.Z_INT) != 0, sb);
		sb.append('}');
		if (kind == PointKind.ORIENTED_POINT) {
			sb.append(", \"xyz_rotation_matrix\": [");
			for (int r = 0; r < 3; r++) {
				sb.append(r == 0 ? "[" : ", [");
				for (int c = 0; c < 3; c++) {
					if (c > 0) sb.append(", ");
					number(points.matrix(i, r, c), (mask >> PointTable.MATRIX_INT_SHIFT + 3 * r + c & 1) != 0, sb);
				}
				sb.append(']');
			}
			sb.append(']');
		}
		else if (kind == PointKind.INSTANCE_POINT) sb.append(", \"instance_id\": ").append(points.instanceId(i));
		final String extra = points.extra(i);
		if (extra != null) sb.append(", ").append(extra);
		sb.append('}');
	}

	/** A double as Python's {@code repr} writes it ({@code 1.0}, {@code 1e-05}, {@code 1e+16}). */
	static void number(final double v, final boolean asInteger, final StringBuilder sb) {
		if (asInteger && v == Math.rint(v) && Math.abs(v) < 1e15) {
			sb.append((long) v);
			return;
		}
		if (v == 0) {
			sb.append(1 / v < 0 ? "-0.0" : "0.0");
			return;
		}
		final double a = Math.abs(v);
		final String s = Double.toString(v);
		if (a >= 1e-3 && a < 1e7) {
			sb.append(s);
			return;
		}
		if (a >= 1e-4 && a < 1e16) {
			final String plain = new BigDecimal(s).toPlainString();
			sb.append(plain).append(plain.indexOf('.') < 0 ? ".0" : "");
			return;
		}
		final int e = s.indexOf('E');
		String mantissa = s.substring(0, e);
		if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
		final int exp = Integer.parseInt(s.substring(e + 1));
		sb.append(mantissa).append('e').append(exp < 0 ? '-' : '+');
		if (Math.abs(exp) < 10) sb.append('0');
		sb.append(Math.abs(exp));
	}
}

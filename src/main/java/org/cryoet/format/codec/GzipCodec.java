package org.cryoet.format.codec;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** numcodecs {@code gzip}: a gzip member (RFC 1952). */
public final class GzipCodec implements Codec {

	private final int level;

	public GzipCodec(final int level) {
		if (level < 0 || level > 9) throw new IllegalArgumentException("gzip level must be 0..9, got " + level);
		this.level = level;
	}

	@Override
	public byte[] decode(final byte[] encoded, final int expectedSize) throws CorruptDataException {
		try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(encoded))) {
			final byte[] out = new byte[expectedSize];
			int n = 0;
			while (n < expectedSize) {
				final int got = in.read(out, n, expectedSize - n);
				if (got < 0) break;
				n += got;
			}
			if (n != expectedSize || in.read() != -1)
				throw new CorruptDataException("gzip stream does not decode to the expected " + expectedSize + " bytes");
			return out;
		}
		catch (final CorruptDataException e) {
			throw e;
		}
		catch (final IOException e) {
			throw new CorruptDataException("invalid gzip stream: " + e.getMessage(), e);
		}
	}

	@Override
	public byte[] encode(final byte[] raw, final int typeSize) throws IOException {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length / 2 + 64);
		try (GZIPOutputStream out = new GZIPOutputStream(bytes) {
			{
				def.setLevel(level);
			}
		}) {
			out.write(raw);
		}
		return bytes.toByteArray();
	}

	@Override
	public String toJson() {
		return "{\"id\": \"gzip\", \"level\": " + level + "}";
	}
}

package org.cryoet.format.codec;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Builds a {@link Codec} from a Zarr v2 {@code compressor} object. */
public final class Codecs {

	private Codecs() {}

	/** @throws IllegalArgumentException naming what is unsupported */
	public static Codec fromJson(final JsonElement compressor) {
		if (compressor == null || compressor.isJsonNull()) return new RawCodec();
		if (!compressor.isJsonObject()) throw new IllegalArgumentException("compressor must be an object or null");
		final JsonObject o = compressor.getAsJsonObject();
		final String id = o.has("id") ? o.get("id").getAsString() : "";
		switch (id) {
			case "blosc":
				return new BloscCodec(BloscCodec.Cname.of(string(o, "cname", "lz4")), integer(o, "clevel", 5),
					integer(o, "shuffle", 1), integer(o, "blocksize", 0), 1);
			case "zlib":
				return new ZlibCodec(integer(o, "level", 1));
			case "gzip":
				return new GzipCodec(integer(o, "level", 1));
			case "zstd":
				return new ZstdCodec(integer(o, "level", 1));
			default:
				throw new IllegalArgumentException("compressor \"" + id +
					"\" is not supported (supported: blosc, zlib, gzip, zstd, null)");
		}
	}

	private static String string(final JsonObject o, final String key, final String dflt) {
		return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : dflt;
	}

	private static int integer(final JsonObject o, final String key, final int dflt) {
		return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsInt() : dflt;
	}
}

package org.cryoet.format.zarr;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.format.codec.Codec;
import org.cryoet.format.codec.Codecs;
import org.cryoet.format.json.JsonDocument;
import org.cryoet.format.json.PythonJson;

/** The contents of a Zarr v2 {@code .zarray}, checked. Axes are in the array's order (z, y, x for OME-Zarr). */
public final class ZarrArrayMetadata {

	public final long[] shape;
	public final int[] chunks;
	public final ZarrDtype dtype;
	public final boolean fortranOrder;
	public final double fillValue;
	public final Codec compressor;
	public final String separator;

	public ZarrArrayMetadata(final long[] shape, final int[] chunks, final ZarrDtype dtype, final boolean fortranOrder,
		final double fillValue, final Codec compressor, final String separator)
	{
		if (shape.length != chunks.length)
			throw new IllegalArgumentException("shape and chunks differ in length");
		this.shape = shape.clone();
		this.chunks = chunks.clone();
		this.dtype = dtype;
		this.fortranOrder = fortranOrder;
		this.fillValue = fillValue;
		this.compressor = compressor;
		this.separator = separator;
	}

	/** @param where the file, for messages */
	public static ZarrArrayMetadata parse(final byte[] json, final String where) throws FormatException {
		final JsonElement doc = JsonDocument.parse(json, where, "a Zarr v2 array description");
		if (!doc.isJsonObject())
			throw new FormatException(where + ": expected a Zarr v2 array description (a JSON object), found other JSON");
		final JsonObject o = doc.getAsJsonObject();
		try {
			final int format = o.has("zarr_format") ? o.get("zarr_format").getAsInt() : -1;
			if (format != 2) throw new FormatException("zarr_format is " + o.get("zarr_format") + ", only 2 is supported");
			final long[] shape = longs(o, "shape");
			final long[] c = longs(o, "chunks");
			if (shape.length != c.length)
				throw new FormatException("shape has " + shape.length + " dimensions but chunks has " + c.length);
			if (shape.length == 0 || shape.length > 32)
				throw new FormatException("shape has " + shape.length + " dimensions (1 to 32 are supported)");
			final int[] chunks = new int[c.length];
			for (int d = 0; d < c.length; d++) {
				if (c[d] <= 0 || c[d] > Integer.MAX_VALUE) throw new FormatException("chunk size " + c[d] + " is invalid");
				if (shape[d] < 0) throw new FormatException("shape " + Arrays.toString(shape) + " is negative");
				chunks[d] = (int) c[d];
			}
			final JsonElement dt = o.get("dtype");
			if (dt == null || !dt.isJsonPrimitive())
				throw new FormatException("dtype " + dt + " is not supported (structured dtypes are not)");
			final ZarrDtype dtype = ZarrDtype.parse(dt.getAsString());
			// Exact arithmetic: a chunk must fit one Java array, and the whole array a long byte count.
			try {
				long chunkBytes = dtype.type.bytes(), arrayBytes = dtype.type.bytes();
				for (int d = 0; d < c.length; d++) {
					chunkBytes = Math.multiplyExact(chunkBytes, c[d]);
					if (chunkBytes > Integer.MAX_VALUE - 64) throw new ArithmeticException();
					arrayBytes = Math.multiplyExact(arrayBytes, Math.addExact(shape[d], c[d]));
				}
			}
			catch (final ArithmeticException e) {
				throw new FormatException("shape " + Arrays.toString(shape) + " in chunks of " + Arrays.toString(chunks) +
					" is too large (chunks must stay under 2 GiB and the array under 2^63 bytes)");
			}
			final String order = o.has("order") ? o.get("order").getAsString() : "C";
			if (!order.equals("C") && !order.equals("F")) throw new FormatException("order " + new JsonPrimitive(order) + " is not C or F");
			final JsonElement filters = o.get("filters");
			if (filters != null && !filters.isJsonNull() && !(filters.isJsonArray() && filters.getAsJsonArray().size() == 0))
				throw new FormatException("filters " + filters + " are not supported");
			final Codec codec;
			try {
				codec = Codecs.fromJson(o.get("compressor"));
			}
			catch (final IllegalArgumentException e) {
				throw new FormatException(oneLine(e.getMessage()));
			}
			final String sep = o.has("dimension_separator") && !o.get("dimension_separator").isJsonNull() ? o.get(
				"dimension_separator").getAsString() : ".";
			if (!sep.equals(".") && !sep.equals("/"))
				throw new FormatException("dimension_separator " + new JsonPrimitive(sep) + " is not \".\" or \"/\"");
			return new ZarrArrayMetadata(shape, chunks, dtype, order.equals("F"), fillValue(o.get("fill_value")), codec, sep);
		}
		catch (final FormatException e) {
			throw new FormatException(where + ": " + oneLine(e.getMessage()));
		}
		catch (final RuntimeException e) {
			throw new FormatException(where + ": not a valid Zarr v2 array description (a field has the wrong kind of " +
				"value: " + oneLine(String.valueOf(e.getMessage())) + ")");
		}
	}

	/** Messages quote values from the file: keep them on one line. */
	private static String oneLine(final String m) {
		return m.replaceAll("[\\x00-\\x1f\\x7f]", "?");
	}

	private static double fillValue(final JsonElement f) throws FormatException {
		if (f == null || f.isJsonNull()) return 0;
		if (!f.isJsonPrimitive()) throw new FormatException("fill_value " + f + " is not a number");
		final JsonPrimitive p = f.getAsJsonPrimitive();
		if (p.isNumber()) return p.getAsDouble();
		if (p.isBoolean()) return p.getAsBoolean() ? 1 : 0;
		switch (p.getAsString()) {
			case "NaN": return Double.NaN;
			case "Infinity": return Double.POSITIVE_INFINITY;
			case "-Infinity": return Double.NEGATIVE_INFINITY;
			default: throw new FormatException("fill_value \"" + p.getAsString() + "\" is not a number");
		}
	}

	private static long[] longs(final JsonObject o, final String key) throws FormatException {
		final JsonElement e = o.get(key);
		if (e == null || !e.isJsonArray()) throw new FormatException(key + " is missing or not a list");
		final JsonArray a = e.getAsJsonArray();
		final long[] r = new long[a.size()];
		for (int i = 0; i < r.length; i++)
			r[i] = a.get(i).getAsLong();
		return r;
	}

	public DataType type() {
		return dtype.type;
	}

	public ByteOrder byteOrder() {
		return dtype.order;
	}

	public int chunkElements() {
		int n = 1;
		for (final int c : chunks)
			n *= c;
		return n;
	}

	public long[] gridShape() {
		final long[] g = new long[shape.length];
		for (int d = 0; d < g.length; d++)
			g[d] = (shape[d] + chunks[d] - 1) / chunks[d];
		return g;
	}

	/** The {@code .zarray} as zarr-python 2 writes it (indent 4, sorted keys). */
	public String toJson() {
		final JsonObject o = new JsonObject();
		o.add("chunks", array(Arrays.stream(chunks).asLongStream().toArray()));
		final String c = compressor.toJson();
		o.add("compressor", c == null ? com.google.gson.JsonNull.INSTANCE : JsonParser.parseString(c));
		o.addProperty("dimension_separator", separator);
		o.addProperty("dtype", dtype.toString());
		if (Double.isNaN(fillValue)) o.addProperty("fill_value", "NaN");
		else if (Double.isInfinite(fillValue)) o.addProperty("fill_value", fillValue > 0 ? "Infinity" : "-Infinity");
		else if (dtype.type.isFloat()) o.addProperty("fill_value", fillValue);
		else o.addProperty("fill_value", (long) fillValue);
		o.add("filters", com.google.gson.JsonNull.INSTANCE);
		o.addProperty("order", fortranOrder ? "F" : "C");
		o.add("shape", array(shape));
		o.addProperty("zarr_format", 2);
		return PythonJson.write(o, true);
	}

	private static JsonArray array(final long[] v) {
		final JsonArray a = new JsonArray();
		for (final long x : v)
			a.add(x);
		return a;
	}
}

package org.cryoet.format.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes JSON the way Python's {@code json.dumps(indent=4, sort_keys=...)} does,
 * which is how zarr-python and the portal write their metadata, so that our
 * files diff cleanly against theirs.
 */
public final class PythonJson {

	private PythonJson() {}

	public static String write(final JsonElement e, final boolean sortKeys) {
		final StringBuilder sb = new StringBuilder();
		write(e, sortKeys, 0, sb);
		return sb.toString();
	}

	private static void write(final JsonElement e, final boolean sort, final int depth, final StringBuilder sb) {
		if (e == null || e.isJsonNull()) sb.append("null");
		else if (e.isJsonPrimitive()) primitive(e.getAsJsonPrimitive(), sb);
		else if (e.isJsonArray()) {
			final JsonArray a = e.getAsJsonArray();
			if (a.size() == 0) {
				sb.append("[]");
				return;
			}
			sb.append('[');
			for (int i = 0; i < a.size(); i++) {
				newline(sb, depth + 1);
				write(a.get(i), sort, depth + 1, sb);
				if (i < a.size() - 1) sb.append(',');
			}
			newline(sb, depth);
			sb.append(']');
		}
		else {
			final JsonObject o = e.getAsJsonObject();
			if (o.size() == 0) {
				sb.append("{}");
				return;
			}
			final Map<String, JsonElement> entries = sort ? new TreeMap<>() : new java.util.LinkedHashMap<>();
			for (final Map.Entry<String, JsonElement> en : o.entrySet())
				entries.put(en.getKey(), en.getValue());
			sb.append('{');
			int i = 0;
			for (final Map.Entry<String, JsonElement> en : entries.entrySet()) {
				newline(sb, depth + 1);
				sb.append(new JsonPrimitive(en.getKey()).toString()).append(": ");
				write(en.getValue(), sort, depth + 1, sb);
				if (++i < entries.size()) sb.append(',');
			}
			newline(sb, depth);
			sb.append('}');
		}
	}

	private static void newline(final StringBuilder sb, final int depth) {
		sb.append('\n');
		for (int i = 0; i < depth * 4; i++)
			sb.append(' ');
	}

	private static void primitive(final JsonPrimitive p, final StringBuilder sb) {
		if (!p.isNumber()) {
			sb.append(p.toString());
			return;
		}
		final Number n = p.getAsNumber();
		if (n instanceof Double || n instanceof Float) sb.append(pythonFloat(n.doubleValue()));
		else if (n instanceof BigDecimal || n.getClass().getSimpleName().equals("LazilyParsedNumber")) {
			final String s = n.toString();
			sb.append(s);
		}
		else sb.append(n.longValue());
	}

	/** Python's float repr: "0.0", "13.48", "1e-05", "NaN" spelled as Python's json does. */
	public static String pythonFloat(final double d) {
		if (Double.isNaN(d)) return "NaN";
		if (Double.isInfinite(d)) return d > 0 ? "Infinity" : "-Infinity";
		if (d == Math.rint(d) && Math.abs(d) < 1e16) return (long) d + ".0";
		final String s = Double.toString(d);
		final int e = s.indexOf('E');
		if (e < 0) return s;
		final String mant = s.substring(0, e).replaceAll("\\.0$", "");
		final int exp = Integer.parseInt(s.substring(e + 1));
		if (exp >= -4 && exp < 16) return new BigDecimal(s).toPlainString();
		return mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
	}
}

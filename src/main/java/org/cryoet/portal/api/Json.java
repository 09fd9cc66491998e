package org.cryoet.portal.api;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Null-tolerant reading of the API's JSON answers. */
final class Json {

	private Json() {}

	static String string(final JsonObject o, final String key) {
		final JsonElement e = o == null ? null : o.get(key);
		return e == null || e.isJsonNull() ? null : e.getAsString();
	}

	static Integer integer(final JsonObject o, final String key) {
		final JsonElement e = o == null ? null : o.get(key);
		return e == null || e.isJsonNull() ? null : e.getAsInt();
	}

	static int integer(final JsonObject o, final String key, final int otherwise) {
		final Integer i = integer(o, key);
		return i == null ? otherwise : i;
	}

	static double number(final JsonObject o, final String key) {
		final JsonElement e = o == null ? null : o.get(key);
		return e == null || e.isJsonNull() ? Double.NaN : e.getAsDouble();
	}

	static Boolean bool(final JsonObject o, final String key) {
		final JsonElement e = o == null ? null : o.get(key);
		return e == null || e.isJsonNull() ? null : e.getAsBoolean();
	}

	static JsonObject object(final JsonObject o, final String key) {
		final JsonElement e = o == null ? null : o.get(key);
		return e == null || !e.isJsonObject() ? null : e.getAsJsonObject();
	}

	static JsonArray array(final JsonObject o, final String key) {
		final JsonElement e = o == null ? null : o.get(key);
		return e == null || !e.isJsonArray() ? new JsonArray() : e.getAsJsonArray();
	}

	/** {@code x { aggregate { count } }}: the count, 0 when absent. */
	static int count(final JsonObject o, final String aggregateField) {
		final JsonArray a = array(object(o, aggregateField), "aggregate");
		return a.size() == 0 || !a.get(0).isJsonObject() ? 0 : integer(a.get(0).getAsJsonObject(), "count", 0);
	}
}

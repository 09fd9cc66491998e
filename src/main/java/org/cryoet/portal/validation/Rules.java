package org.cryoet.portal.validation;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import org.cryoet.format.OneLine;

/** The vocabulary the schemas are written in: types, patterns, enums, ranges, lists, alternatives. */
public final class Rules {

	private Rules() {}

	static String describe(final JsonElement v) {
		if (v == null || v.isJsonNull()) return "null";
		if (v.isJsonObject()) return "an object";
		if (v.isJsonArray()) return "a list";
		final JsonPrimitive p = v.getAsJsonPrimitive();
		if (p.isString()) return "\"" + abbreviate(p.getAsString()) + "\"";
		return p.toString();
	}

	private static String abbreviate(final String s) {
		return OneLine.printable(s.length() > 60 ? s.substring(0, 57) + "..." : s);
	}

	/** A field's JSON path step: {@code .name}, or {@code ["odd name"]} when the name is not a plain word. */
	static String member(final String key) {
		return key.matches("[A-Za-z0-9_@-]+") ? "." + key : "[\"" + OneLine.printable(key.replace("\\", "\\\\").replace("\"",
			"\\\"")) + "\"]";
	}

	/** A simple rule from a test and a description. */
	private static Rule simple(final String expected, final java.util.function.Predicate<JsonElement> ok) {
		return new Rule() {

			@Override
			public void check(final JsonElement v, final String path, final List<Problem> problems) {
				if (!ok.test(v)) problems.add(new Problem(path, "expected " + expected + ", found " + describe(v)));
			}

			@Override
			public String expected() {
				return expected;
			}
		};
	}

	static boolean isString(final JsonElement v) {
		return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isString();
	}

	static boolean isNumber(final JsonElement v) {
		return v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber();
	}

	static boolean isInteger(final JsonElement v) {
		if (!isNumber(v)) return false;
		final double d = v.getAsDouble();
		return d == Math.rint(d) && !Double.isInfinite(d);
	}

	public static Rule string() {
		return simple("a string", Rules::isString);
	}

	/**
	 * A file path that stays inside the portal tree: relative, no "..", ".",
	 * empty segments, backslashes or ':' (the README's containment rule).
	 */
	public static Rule containedPath() {
		return simple("a relative path inside the portal tree (no '..', '.', empty segments, '\\' or ':')", v -> isString(v) &&
			org.cryoet.format.ContainedPath.isContained(v.getAsString()));
	}

	public static Rule bool() {
		return simple("true or false", v -> v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isBoolean());
	}

	public static Rule anything() {
		return simple("any value", v -> true);
	}

	/** A string matching {@code regex} (searched, as JSON Schema's "pattern" is). */
	public static Rule pattern(final String regex, final String what) {
		final Pattern p = Pattern.compile(regex);
		return simple(what, v -> isString(v) && p.matcher(v.getAsString()).find());
	}

	public static Rule oneOf(final String... values) {
		final List<String> allowed = Arrays.asList(values);
		return simple("one of " + String.join(", ", values), v -> isString(v) && allowed.contains(v.getAsString()));
	}

	/** A {@code YYYY-MM-DD} calendar date. */
	public static Rule date() {
		return simple("a date as YYYY-MM-DD", v -> {
			if (!isString(v) || !v.getAsString().matches("\\d{4}-\\d{2}-\\d{2}")) return false;
			try {
				LocalDate.parse(v.getAsString());
				return true;
			}
			catch (final DateTimeParseException e) {
				return false;
			}
		});
	}

	public static Rule number() {
		return number(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
	}

	public static Rule number(final double min, final double max) {
		return simple(range("a number", min, max), v -> isNumber(v) && v.getAsDouble() >= min && v.getAsDouble() <= max);
	}

	public static Rule integer() {
		return integer(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
	}

	public static Rule integer(final double min, final double max) {
		return simple(range("an integer", min, max), v -> isInteger(v) && v.getAsDouble() >= min && v
			.getAsDouble() <= max);
	}

	private static String range(final String what, final double min, final double max) {
		final boolean lo = min != Double.NEGATIVE_INFINITY, hi = max != Double.POSITIVE_INFINITY;
		if (lo && hi) return what + " from " + fmt(min) + " to " + fmt(max);
		if (lo) return what + " of at least " + fmt(min);
		if (hi) return what + " of at most " + fmt(max);
		return what;
	}

	private static String fmt(final double d) {
		return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
	}

	/** The value may also be null. */
	public static Rule nullable(final Rule r) {
		return new Rule() {

			@Override
			public void check(final JsonElement v, final String path, final List<Problem> problems) {
				if (v != null && !v.isJsonNull()) r.check(v, path, problems);
			}

			@Override
			public String expected() {
				return r.expected() + " or null";
			}
		};
	}

	/** Any one of the alternatives. */
	public static Rule anyOf(final Rule... alternatives) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < alternatives.length; i++)
			sb.append(i == 0 ? "" : i == alternatives.length - 1 ? " or " : ", ").append(alternatives[i].expected());
		final String expected = sb.toString();
		return new Rule() {

			@Override
			public void check(final JsonElement v, final String path, final List<Problem> problems) {
				for (final Rule r : alternatives)
					if (r.accepts(v)) return;
				problems.add(new Problem(path, "expected " + expected + ", found " + describe(v)));
			}

			@Override
			public String expected() {
				return expected;
			}
		};
	}

	/** A list of values each satisfying {@code item}, with at least {@code minItems}. */
	public static Rule listOf(final Rule item, final int minItems) {
		return new Rule() {

			@Override
			public void check(final JsonElement v, final String path, final List<Problem> problems) {
				if (v == null || !v.isJsonArray()) {
					problems.add(new Problem(path, "expected " + expected() + ", found " + describe(v)));
					return;
				}
				if (v.getAsJsonArray().size() < minItems)
					problems.add(new Problem(path, "expected at least " + minItems + " item" + (minItems == 1 ? "" : "s") +
						", found " + v.getAsJsonArray().size()));
				for (int i = 0; i < v.getAsJsonArray().size(); i++)
					item.check(v.getAsJsonArray().get(i), path + "[" + i + "]", problems);
			}

			@Override
			public String expected() {
				return "a list of " + item.expected();
			}
		};
	}

	public static Rule listOf(final Rule item) {
		return listOf(item, 0);
	}

	/** The schemas' template strings ("float {binning}"), allowed where ingestion configs fill values in. */
	static final String FLOAT_TEMPLATE = "^float[ ]*\\{[a-zA-Z0-9_-]+\\}[ ]*$";
	static final String INT_TEMPLATE = "^int[ ]*\\{[a-zA-Z0-9_-]+\\}[ ]*$";
	static final String STRING_TEMPLATE = "^[ ]*\\{[a-zA-Z0-9_-]+\\}[ ]*$";

	public static Rule floatOrTemplate(final double min, final double max) {
		return anyOf(number(min, max), pattern(FLOAT_TEMPLATE, "a \"float {name}\" template"));
	}

	public static Rule intOrTemplate(final double min, final double max) {
		return anyOf(integer(min, max), pattern(INT_TEMPLATE, "an \"int {name}\" template"));
	}

	public static Rule enumOrTemplate(final String... values) {
		return anyOf(oneOf(values), pattern(STRING_TEMPLATE, "a \"{name}\" template"));
	}
}

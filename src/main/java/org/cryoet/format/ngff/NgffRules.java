package org.cryoet.format.ngff;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cryoet.format.FormatException;

/** What OME-NGFF 0.4 allows for axes, and what makes physical sense for a level's transform. */
final class NgffRules {

	/** The space units NGFF 0.4 names (UCUM spellings). */
	static final Set<String> SPACE_UNITS = new HashSet<>(Arrays.asList("angstrom", "attometer", "centimeter",
		"decimeter", "exameter", "femtometer", "foot", "gigameter", "hectometer", "inch", "kilometer", "megameter", "meter",
		"micrometer", "mile", "millimeter", "nanometer", "parsec", "petameter", "picometer", "terameter", "yard",
		"yoctometer", "yottameter", "zeptometer", "zettameter"));
	static final Set<String> TIME_UNITS = new HashSet<>(Arrays.asList("attosecond", "centisecond", "day", "decisecond",
		"exasecond", "femtosecond", "gigasecond", "hectosecond", "hour", "kilosecond", "megasecond", "microsecond",
		"millisecond", "minute", "nanosecond", "petasecond", "picosecond", "second", "terasecond", "yoctosecond",
		"yottasecond", "zeptosecond", "zettasecond"));

	private NgffRules() {}

	/** 2 to 5 axes, unique names, 2 or 3 of type space, units the spec names (empty: unspecified). */
	static void checkAxes(final List<Multiscales.Axis> axes) throws FormatException {
		if (axes.isEmpty()) return; // NGFF 0.2/0.3 wrote none: z, y, x implied
		if (axes.size() < 2 || axes.size() > 5)
			throw new FormatException(axes.size() + " axes; OME-NGFF 0.4 allows 2 to 5");
		final Set<String> names = new HashSet<>();
		int space = 0;
		for (final Multiscales.Axis a : axes) {
			if (a.name.isEmpty() || !names.add(a.name))
				throw new FormatException("axis name " + quote(a.name) + " is empty or repeated");
			if (a.type.equals("space")) {
				space++;
				if (!a.unit.isEmpty() && !SPACE_UNITS.contains(a.unit))
					throw new FormatException("axis " + quote(a.name) + " has unit " + quote(a.unit) +
						", not a space unit OME-NGFF 0.4 knows (e.g. angstrom, nanometer)");
			}
			else if (a.type.equals("time")) {
				if (!a.unit.isEmpty() && !TIME_UNITS.contains(a.unit))
					throw new FormatException("axis " + quote(a.name) + " has unit " + quote(a.unit) +
						", not a time unit OME-NGFF 0.4 knows");
			}
		}
		if (space < 2 || space > 3)
			throw new FormatException(space + " space axes; OME-NGFF 0.4 requires 2 or 3");
	}

	/** Scales finite and positive, translations finite: anything else is not a voxel grid. */
	static void checkTransform(final String path, final double[] scale, final double[] translation)
		throws FormatException
	{
		for (final double s : scale)
			if (!(Double.isFinite(s) && s > 0))
				throw new FormatException("dataset " + path + " has scale " + Arrays.toString(scale) +
					"; scales must be finite and positive");
		for (final double t : translation)
			if (!Double.isFinite(t))
				throw new FormatException("dataset " + path + " has translation " + Arrays.toString(translation) +
					"; translations must be finite");
	}

	/** A value from the file, quoted and kept on one line. */
	static String quote(final String s) {
		final StringBuilder sb = new StringBuilder("\"");
		for (int i = 0; i < s.length() && i < 60; i++) {
			final char c = s.charAt(i);
			sb.append(c < 0x20 || c == 0x7f ? '?' : c);
		}
		return sb.append(s.length() > 60 ? "...\"" : "\"").toString();
	}
}

package org.cryoet.command;

import java.util.Locale;

import ij.ImagePlus;

import org.cryoet.image.Volume;
import org.cryoet.open.Opened;
import org.cryoet.ui.Viewers;

/** What the three Open commands share: showing, and the line that says what was opened. */
final class OpenCommands {

	private OpenCommands() {}

	static Viewers.Shown show(final CryoetCommand c, final Opened o, final int level, final String viewer)
		throws Exception
	{
		for (final String note : o.notes)
			c.log.info(note);
		try {
			return Viewers.show(o, level, viewer, c.log::info, c.log::warn);
		}
		catch (final Exception | Error e) {
			o.close();
			throw e;
		}
	}

	static String describe(final Opened o, final int level, final Viewers.Shown shown) {
		final Volume v = o.volume.level(level);
		final long[] s = v.shape();
		final double[] vs = o.volume.scales.get(level);
		final String where = Viewers.BIGDATAVIEWER.equals(shown.viewer) ? "in BigDataViewer (all " + o.volume.levels
			.size() + " levels)" : Viewers.NONE.equals(shown.viewer) ? "(not shown)" : "in ImageJ";
		final String type = v.type().name().toLowerCase(Locale.ROOT);
		if (o.kind == Opened.Kind.TILT_SERIES) return String.format(Locale.ROOT,
			"opened %s: level %d of %d, %d images of %d x %d, %s, pixel %s x %s \u00c5, %s", o.title(level), level,
			o.volume.levels.size(), s[0], s[2], s[1], type, trim(vs[2]), trim(vs[1]), where);
		return String.format(Locale.ROOT, "opened %s: level %d of %d, %d x %d x %d (x, y, z), %s, voxel %s x %s x %s \u00c5, %s",
			o.title(level), level, o.volume.levels.size(), s[2], s[1], s[0], type, trim(vs[2]), trim(vs[1]), trim(vs[0]),
			where);
	}


	private static String trim(final double v) {
		final String s = String.format(Locale.ROOT, "%.4f", v);
		return s.replaceAll("0+$", "").replaceAll("\\.$", "");
	}

	static ImagePlus image(final Viewers.Shown s) {
		return s.image;
	}
}

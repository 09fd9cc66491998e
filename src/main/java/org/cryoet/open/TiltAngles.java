package org.cryoet.open;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cryoet.format.FormatException;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.portal.metadata.TiltSeriesMetadata;
import org.cryoet.store.StorePath;

/**
 * A tilt series' angles (degrees, one per image): from the IMOD angle file
 * beside the data ({@code .rawtlt}, else {@code .tlt}: one number per line), else from
 * {@code tiltseries_metadata.json}'s {@code tilt_range} and {@code tilt_step}.
 */
public final class TiltAngles {

	private TiltAngles() {}

	/**
	 * @return the angles, or null when nothing beside the data gives them for
	 *         {@code images} images. Where the store cannot list (a web server), the
	 * angle files cannot be found by their extension: only the metadata is read.
	 */
	public static double[] find(final StorePath folder, final int images, final List<String> notes)
		throws IOException
	{
		if (folder == null) return null;
		if (folder.store.canList()) for (final String ext : new String[] { ".rawtlt", ".tlt" }) {
			final List<StorePath> files = new ArrayList<>();
			for (final StorePath c : folder.children())
				if (c.name().toLowerCase(Locale.ROOT).endsWith(ext) && c.isFile()) files.add(c);
			files.sort(java.util.Comparator.comparing(StorePath::name));
			for (final StorePath f : files) {
				final double[] a = read(f);
				if (a.length == images) return a;
				notes.add(f + ": " + a.length + " angles for " + images + " images; not used");
			}
		}
		final StorePath meta = folder.resolve("tiltseries_metadata.json");
		if (meta.isFile()) {
			final TiltSeriesMetadata m = new TiltSeriesMetadata(MetadataFiles.read(meta));
			final double[] range = m.tiltRange();
			final Double step = m.tiltStep();
			if (range != null && step != null && step > 0) {
				final int n = (int) Math.round((range[1] - range[0]) / step) + 1;
				if (n == images) {
					final double[] a = new double[n];
					for (int i = 0; i < n; i++)
						a[i] = range[0] + i * step;
					return a;
				}
				notes.add(meta + ": tilt_range and tilt_step give " + n + " angles for " + images + " images; not used");
			}
		}
		return null;
	}

	/** One angle per non-blank line. */
	private static double[] read(final StorePath file) throws IOException {
		final long size = file.size();
		if (size < 0) throw new FormatException(file + ": not found");
		// a tilt series has at most a few hundred images: a large file is no angle list
		if (size > 4 << 20) throw new FormatException(file + ": " + size + " bytes, too large for an angle list");
		final byte[] bytes = file.read();
		if (bytes == null) throw new FormatException(file + ": not found");
		final List<Double> out = new ArrayList<>();
		try (BufferedReader r = new BufferedReader(new java.io.StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
			String line;
			int n = 0;
			while ((line = r.readLine()) != null) {
				n++;
				final String t = line.trim();
				if (t.isEmpty()) continue;
				if (out.size() >= 100_000) throw new FormatException(file + ": more angles than any tilt series has");
				try {
					out.add(Double.parseDouble(t.split("\\s+")[0]));
				}
				catch (final NumberFormatException e) {
					throw new FormatException(file + ": line " + n + " is not an angle in degrees: \"" + t + "\"");
				}
			}
		}
		final double[] a = new double[out.size()];
		for (int i = 0; i < a.length; i++)
			a[i] = out.get(i);
		return a;
	}

	/** An ImageJ slice label: {@code -60.0°}. */
	public static String label(final double degrees) {
		return String.format(Locale.ROOT, "%.1f\u00b0", degrees);
	}
}

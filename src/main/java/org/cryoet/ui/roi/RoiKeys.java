package org.cryoet.ui.roi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The keys under which a point ROI carries its annotation (see the README),
 * and the text encoding that survives ImageJ's {@code .roi} files: their
 * properties are read back as Java properties, which eat backslashes,
 * newlines and non-ASCII characters, so those (and {@code %}) are written
 * as {@code %XX} bytes of their UTF-8 form.
 */
public final class RoiKeys {

	/** Every point the ROI was made with, as portal ndjson lines (exact locations in annotation voxels). */
	public static final String POINTS = "cryoet.points";
	public static final String ANNOTATION_ID = "cryoet.annotation_id";
	public static final String OBJECT_NAME = "cryoet.object_name";
	public static final String OBJECT_ID = "cryoet.object_id";
	public static final String SOURCE = "cryoet.source";
	/** Å per voxel of the locations in {@link #POINTS}. */
	public static final String VOXEL_SPACING = "cryoet.voxel_spacing";
	/** The target image's geometry at import: {@code "px py pz;ox oy oz"} (Å per pixel; origin in pixels). */
	public static final String IMAGE_GEOMETRY = "cryoet.image_geometry";
	/** The target image's number of slices at import (points beyond the stack sit on its first or last slice). */
	public static final String IMAGE_SLICES = "cryoet.image_slices";
	/** Marks an orientation glyph (display only, never exported). */
	public static final String GLYPH = "cryoet.glyph";

	private RoiKeys() {}

	public static String encode(final String s) {
		final StringBuilder sb = new StringBuilder(s.length() + 16);
		for (final byte b : s.getBytes(StandardCharsets.UTF_8)) {
			final int c = b & 0xff;
			if (c < 0x20 || c >= 0x7f || c == '%' || c == '\\') sb.append('%').append(Character.toUpperCase(Character.forDigit(
				c >> 4, 16))).append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
			else sb.append((char) c);
		}
		return sb.toString();
	}

	public static String decode(final String s) {
		if (s.indexOf('%') < 0) return s;
		final ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
		for (int i = 0; i < s.length(); i++) {
			final char c = s.charAt(i);
			if (c == '%' && i + 2 < s.length()) {
				out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else out.write(c);
		}
		return new String(out.toByteArray(), StandardCharsets.UTF_8);
	}
}

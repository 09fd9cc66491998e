package org.cryoet.image;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A volume at one or more resolutions, level 0 the finest, with each level's
 * voxel→Å transform (scale and translation, z, y, x) and notes worth telling
 * the user (unusual conventions met while reading).
 */
public final class MultiscaleVolume implements java.io.Closeable {

	public final String name;
	public final List<Volume> levels;
	public final List<double[]> scales;
	public final List<double[]> translations;
	/** A label image (NGFF image-label), to be downsampled by nearest, never averaged. */
	public final boolean labelImage;
	public final List<String> notes;
	/** An image stack (tilt series): the first axis indexes images and is never downsampled. */
	public final boolean imageStack;

	public MultiscaleVolume(final String name, final List<Volume> levels, final List<double[]> scales,
		final List<double[]> translations, final boolean labelImage, final List<String> notes)
	{
		this(name, levels, scales, translations, labelImage, notes, false);
	}

	public MultiscaleVolume(final String name, final List<Volume> levels, final List<double[]> scales,
		final List<double[]> translations, final boolean labelImage, final List<String> notes, final boolean imageStack)
	{
		this.imageStack = imageStack;
		this.name = name;
		this.levels = Collections.unmodifiableList(new ArrayList<>(levels));
		this.scales = Collections.unmodifiableList(new ArrayList<>(scales));
		this.translations = Collections.unmodifiableList(new ArrayList<>(translations));
		this.labelImage = labelImage;
		this.notes = Collections.unmodifiableList(new ArrayList<>(notes));
	}

	public Volume level(final int level) {
		if (level < 0 || level >= levels.size())
			throw new IllegalArgumentException("level " + level + " does not exist in " + name + " (it has levels 0.." +
				(levels.size() - 1) + ")");
		return levels.get(level);
	}

	private final List<java.io.Closeable> owned = new java.util.concurrent.CopyOnWriteArrayList<>();

	/** Makes this volume close {@code c} (a remote store) when it is closed itself. */
	public MultiscaleVolume closing(final java.io.Closeable c) {
		owned.add(c);
		return this;
	}

	/** Closes every level (files, cached chunks) and what it owns; the first failure is thrown after all were tried. */
	@Override
	public void close() throws java.io.IOException {
		java.io.IOException first = null;
		final List<java.io.Closeable> all = new ArrayList<>(levels);
		all.addAll(owned);
		for (final java.io.Closeable v : all)
			try {
				v.close();
			}
			catch (final java.io.IOException e) {
				if (first == null) first = e;
			}
		if (first != null) throw first;
	}

	/**
	 * Voxel→Å transform of a level: where its voxel centres lie, so that every
	 * level overlays level 0. A level of factor f whose file gives no
	 * translation of its own (the portal writes none) was made by averaging
	 * f×f×f blocks, so its voxel v covers level-0 voxels f·v .. f·v + f − 1 and
	 * its centre is level-0 voxel f·v + (f − 1)/2. An explicit NGFF translation
	 * is taken as it is.
	 */
	public VoxelTransform transform(final int level) {
		level(level);
		final double[] s0 = scales.get(0), t0 = translations.get(0);
		final double[] s = scales.get(level), t = translations.get(level);
		final double[] centre = new double[s.length];
		for (int d = 0; d < s.length; d++) {
			final double f = s[d] / s0[d];
			centre[d] = t[d] != t0[d] ? t[d] : t0[d] + (f - 1) / 2 * s0[d];
		}
		return new VoxelTransform(s, centre);
	}

	/** The level's size factor against level 0, per axis (z, y, x). */
	public double[] factor(final int level) {
		final double[] f = scales.get(level).clone();
		for (int d = 0; d < f.length; d++)
			f[d] /= scales.get(0)[d];
		return f;
	}
}

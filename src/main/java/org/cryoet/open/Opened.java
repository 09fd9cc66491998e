package org.cryoet.open;

import java.io.Closeable;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

import org.cryoet.image.DisplayRange;
import org.cryoet.image.MultiscaleVolume;

/**
 * A volume ready to show: the pyramid, what it is, what to call it, how to
 * display it, and (for portal data) which run and voxel spacing it belongs
 * to, so that masks can join the tomogram they were made on. Closing it
 * closes the volume's files and frees its cached chunks.
 */
public final class Opened implements Closeable {

	public enum Kind {
		TOMOGRAM, TILT_SERIES, SEMANTIC_MASK, INSTANCE_MASK;

		public boolean isMask() {
			return this == SEMANTIC_MASK || this == INSTANCE_MASK;
		}
	}

	/** A level whose slice is at least this wide and high is detailed enough for a first look. */
	public static final int FIRST_LOOK_PIXELS = 1024;

	public final MultiscaleVolume volume;
	public final Kind kind;
	/** {@code dataset/run/tomogram} for portal data, else the file's name. */
	public final String title;
	/** The file or folder the data came from. */
	public final String source;
	/** Run folder and voxel spacing ("{run path}|13.480"), shared by a tomogram and its masks; null outside the portal layout. */
	public final String group;
	/** Level-0 voxel size in Å along x (the annotation voxel spacing of portal data). */
	public final double voxelSpacing;
	/** Degrees, one per image, for tilt series whose angles were found; else null. */
	public final double[] tiltAngles;
	public final DisplayRange range;
	public final List<String> notes;

	Opened(final MultiscaleVolume volume, final Kind kind, final String title, final String source, final String group,
		final double[] tiltAngles, final DisplayRange range, final List<String> notes)
	{
		this.volume = volume;
		this.kind = kind;
		this.title = title;
		this.source = source;
		this.group = group;
		this.tiltAngles = tiltAngles;
		this.range = range;
		final double[] s0 = volume.scales.get(0);
		this.voxelSpacing = s0[s0.length - 1];
		this.notes = Collections.unmodifiableList(notes);
	}

	/** The coarsest level whose slice still fills {@value #FIRST_LOOK_PIXELS}² pixels, else full resolution. */
	public int firstLookLevel() {
		for (int l = volume.levels.size() - 1; l > 0; l--) {
			final long[] s = volume.level(l).shape();
			if (s[s.length - 1] >= FIRST_LOOK_PIXELS && s[s.length - 2] >= FIRST_LOOK_PIXELS) return l;
		}
		return 0;
	}

	/** {@code level} itself, or the first-look level when it is negative ("automatic"). */
	public int level(final int level) {
		final int l = level < 0 ? firstLookLevel() : level;
		volume.level(l); // says which levels exist when it is out of range
		return l;
	}

	public String title(final int level) {
		return title + "@" + level;
	}

	@Override
	public void close() throws IOException {
		volume.close();
	}
}

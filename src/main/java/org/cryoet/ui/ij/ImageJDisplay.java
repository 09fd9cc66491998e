package org.cryoet.ui.ij;

import java.awt.Color;
import java.util.Locale;

import ij.ImagePlus;
import ij.measure.Calibration;
import ij.process.LUT;

import org.cryoet.format.DataType;
import org.cryoet.image.DisplayRange;
import org.cryoet.image.VoxelTransform;
import org.cryoet.open.Opened;
import org.cryoet.open.TiltAngles;

/**
 * An opened volume at one level as an ImageJ image: a virtual stack, its
 * calibration in Å such that ImageJ's physical coordinates are the level-0
 * positions of the voxel centres (so every level overlays level 0), the
 * title {@code dataset/run/tomogram@level}, a display range from the
 * coarsest level, and colours for masks.
 * <p>
 * Calibration: pixel width, height and depth are the level's voxel size;
 * the origin is {@code -(f-1)/(2f)} pixels for a level of factor f, i.e.
 * ImageJ's {@code (pixel - origin) * size} equals level-0 voxel
 * {@code f·v + (f-1)/2} in Å. The image also carries the properties
 * {@code cryoet.level}, {@code cryoet.voxel_spacing} (level 0, Å),
 * {@code cryoet.kind}, {@code cryoet.source} and, for portal data, {@code cryoet.group}.
 */
public final class ImageJDisplay {

	public static final String LEVEL = "cryoet.level", VOXEL_SPACING = "cryoet.voxel_spacing", KIND = "cryoet.kind",
		SOURCE = "cryoet.source", GROUP = "cryoet.group";

	/** Semantic masks: this colour on black, so that 1 reads as "set". */
	public static final Color MASK_COLOR = new Color(255, 0, 255);

	private ImageJDisplay() {}

	public static ImagePlus image(final Opened o, final int level) {
		final DataType t = o.volume.level(level).type();
		final boolean rawBytes = o.kind.isMask();
		String[] labels = null;
		if (o.tiltAngles != null) {
			labels = new String[o.tiltAngles.length];
			for (int i = 0; i < labels.length; i++)
				labels[i] = TiltAngles.label(o.tiltAngles[i]);
		}
		final LevelStack stack = new LevelStack(o.volume.level(level), rawBytes, labels);
		final ImagePlus imp = new ImagePlus(o.title(level), stack);
		imp.setCalibration(calibration(o, level, t, rawBytes));
		imp.setProp(LEVEL, Integer.toString(level));
		imp.setProp(VOXEL_SPACING, number(o.voxelSpacing));
		imp.setProp(KIND, o.kind.name().toLowerCase(Locale.ROOT));
		imp.setProp(SOURCE, o.source);
		if (o.group != null) imp.setProp(GROUP, o.group);
		final double shift = LevelStack.offset(t, rawBytes);
		final DisplayRange r = o.range;
		if (o.kind == Opened.Kind.INSTANCE_MASK) {
			imp.getProcessor().setLut(LabelColors.lut());
			imp.setDisplayRange(0, 255);
		}
		else if (o.kind == Opened.Kind.SEMANTIC_MASK) {
			imp.getProcessor().setLut(LUT.createLutFromColor(MASK_COLOR));
			imp.setDisplayRange(0, 1);
		}
		else imp.setDisplayRange(r.min + shift, r.max + shift);
		return imp;
	}

	static Calibration calibration(final Opened o, final int level, final DataType t, final boolean rawBytes) {
		final Calibration c = new Calibration();
		final VoxelTransform tr = o.volume.transform(level);
		final double[] s = tr.scale(), origin = tr.translation();
		c.setUnit("\u00c5");
		c.pixelWidth = s[2];
		c.pixelHeight = s[1];
		c.xOrigin = -origin[2] / s[2];
		c.yOrigin = -origin[1] / s[1];
		if (o.kind == Opened.Kind.TILT_SERIES) {
			// The third axis counts images; its angle is each slice's label.
			c.pixelDepth = 1;
			c.setZUnit("image");
		}
		else {
			c.pixelDepth = s[0];
			c.zOrigin = -origin[0] / s[0];
		}
		if (t == DataType.INT16) c.setSigned16BitCalibration();
		else if (t == DataType.INT8 && !rawBytes)
			c.setFunction(Calibration.STRAIGHT_LINE, new double[] { -128, 1 }, "Gray Value");
		return c;
	}

	private static String number(final double v) {
		return Double.toString(v);
	}
}

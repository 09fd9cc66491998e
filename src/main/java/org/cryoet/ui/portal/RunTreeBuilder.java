package org.cryoet.ui.portal;

import java.util.Locale;

import javax.swing.tree.DefaultMutableTreeNode;

import org.cryoet.portal.api.PortalAnnotation;
import org.cryoet.portal.api.PortalAnnotationFile;
import org.cryoet.portal.api.PortalRun;
import org.cryoet.portal.api.PortalTiltSeries;
import org.cryoet.portal.api.PortalTomogram;
import org.cryoet.portal.api.PortalVoxelSpacing;

/** A run's tree as tree nodes whose user objects are {@link Item}s: a label and the model object behind it. */
public final class RunTreeBuilder {

	/** A node's content: what it shows and what it stands for. */
	public static final class Item {

		public final String label;
		public final Object value;

		Item(final String label, final Object value) {
			this.label = label;
			this.value = value;
		}

		@Override
		public String toString() {
			return label;
		}
	}

	private RunTreeBuilder() {}

	public static DefaultMutableTreeNode build(final PortalRun run) {
		final DefaultMutableTreeNode root = node("Run " + run.name + " (id " + run.id + ")", run);
		for (final PortalTiltSeries t : run.tiltSeries)
			root.add(node("Tilt series " + t.id + String.format(Locale.ROOT, ", %.3f \u00c5/pixel", t.pixelSpacing), t));
		for (final PortalVoxelSpacing v : run.voxelSpacings) {
			final DefaultMutableTreeNode vs = node(String.format(Locale.ROOT, "Voxel spacing %.3f \u00c5", v.value), v);
			root.add(vs);
			for (final PortalTomogram t : v.tomograms)
				vs.add(node("Tomogram " + t.id + (t.processing == null ? "" : " (" + t.processing + ")") + (t.size == null ? ""
					: ", " + t.size[0] + " x " + t.size[1] + " x " + t.size[2]) + (t.visualizationDefault ? ", default" : ""),
					t));
			for (final PortalAnnotation a : v.annotations) {
				final DefaultMutableTreeNode an = node("Annotation " + a.id + ": " + a.objectName + " (" + String.join(", ", a
					.shapes()) + ")" + (Boolean.TRUE.equals(a.groundTruth) ? ", ground truth" : ""), a);
				vs.add(an);
				for (final PortalAnnotationFile f : a.files)
					an.add(node(f.shape + " " + f.format, f));
			}
		}
		return root;
	}

	private static DefaultMutableTreeNode node(final String label, final Object value) {
		return new DefaultMutableTreeNode(new Item(label, value));
	}
}

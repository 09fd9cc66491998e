package org.cryoet.fuzz;

import java.util.List;

import org.cryoet.portal.layout.Annotation;
import org.cryoet.portal.layout.AnnotationFile;
import org.cryoet.portal.layout.Dataset;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.Run;
import org.cryoet.portal.layout.VolumeEntry;
import org.cryoet.portal.layout.VoxelSpacing;
import org.cryoet.store.StorePath;

/**
 * What the discovery targets assert of any result: every path found lies
 * where the target allows, every problem is one line, and a voxel spacing
 * is a size or NaN with a problem.
 */
final class DiscoveredTree {

	/** Where a path found may lie; {@code dataset} is true for a dataset's own folder and metadata. */
	interface Where {

		void check(StorePath p, boolean dataset);
	}

	private DiscoveredTree() {}

	static void check(final PortalDiscovery.Result r, final Where where) {
		for (final Dataset d : r.datasets) {
			in(where, true, d.path, d.metadata);
			lines(d.problems);
			for (final Run run : d.runs) {
				in(where, false, run.path, run.metadata);
				lines(run.problems);
				for (final VolumeEntry v : run.tiltSeries)
					volume(where, v);
				for (final VolumeEntry v : run.alignments)
					volume(where, v);
				for (final VoxelSpacing vs : run.voxelSpacings) {
					in(where, false, vs.path);
					lines(vs.problems);
					// A name that does not parse is NaN with a problem, as the README says; a parsed one is a size.
					Hostile.check(Double.isNaN(vs.value) ? !vs.problems.isEmpty() : Double.isFinite(vs.value) &&
						vs.value > 0, "voxel spacing " + vs.value + " without a problem");
					for (final VolumeEntry v : vs.tomograms)
						volume(where, v);
					for (final Annotation a : vs.annotations) {
						in(where, false, a.metadata);
						lines(a.problems);
						for (final AnnotationFile f : a.files)
							in(where, false, f.path);
					}
				}
			}
		}
	}

	private static void volume(final Where where, final VolumeEntry v) {
		in(where, false, v.path, v.metadata);
		for (final StorePath p : v.volumes.values())
			in(where, false, p);
		for (final StorePath p : v.otherFiles)
			in(where, false, p);
		lines(v.problems);
	}

	private static void in(final Where where, final boolean dataset, final StorePath... paths) {
		for (final StorePath p : paths)
			if (p != null) where.check(p, dataset);
	}

	private static void lines(final List<String> problems) {
		for (final String p : problems)
			Hostile.check(p.indexOf('\n') < 0 && p.indexOf('\r') < 0, "a problem of more than one line: " + p);
	}
}

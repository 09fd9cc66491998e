package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.cryoet.portal.layout.Annotation;
import org.cryoet.portal.layout.AnnotationFile;
import org.cryoet.portal.layout.Dataset;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.Run;
import org.cryoet.portal.layout.VolumeEntry;
import org.cryoet.portal.layout.VoxelSpacing;
import org.cryoet.store.Keys;
import org.cryoet.store.StorePath;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Portal layout discovery over a bucket held in memory, listed as S3 lists:
 * the same input as {@link DiscoveryFuzzTest} ({@code key NUL content ...}),
 * but every key is stored as given, as a bucket would take it ({@code ..},
 * empty segments, {@code a/} objects, control characters), and no file
 * system is touched, so a campaign runs thousands of trees a second. The
 * local target keeps what only a file system has (unreadable folders,
 * names it refuses).
 */
class DiscoveryStoreFuzzTest {

	static Stream<Arguments> seeds() {
		return Seeds.of("Discovery");
	}

	/** The harness reaches discovery's depths: the sample seed's bucket is found whole. */
	@org.junit.jupiter.api.Test
	void sampleSeedIsDiscovered() throws IOException {
		final BytesStore store = bucket(Seeds.read(Seeds.files("Discovery").stream().filter(p -> p.getFileName()
			.toString().equals("sample-current-layout")).findFirst().get()));
		final PortalDiscovery.Result r = PortalDiscovery.discover(new StorePath(store, ""));
		org.junit.jupiter.api.Assertions.assertEquals(1, r.datasets.size());
		org.junit.jupiter.api.Assertions.assertFalse(r.datasets.get(0).runs.isEmpty());
		org.junit.jupiter.api.Assertions.assertFalse(r.datasets.get(0).runs.get(0).voxelSpacings.isEmpty());
	}

	private static BytesStore bucket(final byte[] data) {
		final BytesStore store = new BytesStore().listable();
		final String[] parts = new String(data, StandardCharsets.UTF_8).split("\0", -1);
		for (int i = 0; i + 1 < parts.length && i < 256; i += 2)
			store.with(parts[i], parts[i + 1].getBytes(StandardCharsets.UTF_8));
		return store;
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void discoveryStore(final byte[] data) throws IOException {
		final BytesStore store = bucket(data);
		final StorePath root = new StorePath(store, "");
		final String first = firstFolder(store);
		for (final StorePath entry : first == null ? new StorePath[] { root } : new StorePath[] { root, new StorePath(
			store, first) })
			Hostile.parsedOrRefused(entry.toString(), () -> inside(store, PortalDiscovery.discover(entry)));
	}

	/** The deepest folder (up to three levels) of the first safe key, as a user might give a run or dataset. */
	private static String firstFolder(final BytesStore store) {
		for (final String k : store.keys()) {
			if (!Keys.isSafe(k)) continue;
			final String[] seg = k.split("/");
			if (seg.length < 2) continue;
			return String.join("/", java.util.Arrays.copyOfRange(seg, 0, Math.min(3, seg.length - 1)));
		}
		return null;
	}

	private static void inside(final BytesStore store, final PortalDiscovery.Result r) {
		for (final Dataset d : r.datasets) {
			in(store, d.path, d.metadata);
			lines(d.problems);
			for (final Run run : d.runs) {
				in(store, run.path, run.metadata);
				lines(run.problems);
				for (final VolumeEntry v : run.tiltSeries)
					volume(store, v);
				for (final VolumeEntry v : run.alignments)
					volume(store, v);
				for (final VoxelSpacing vs : run.voxelSpacings) {
					in(store, vs.path);
					lines(vs.problems);
					Hostile.check(Double.isNaN(vs.value) ? !vs.problems.isEmpty() : Double.isFinite(vs.value) &&
						vs.value > 0, "voxel spacing " + vs.value + " without a problem");
					for (final VolumeEntry v : vs.tomograms)
						volume(store, v);
					for (final Annotation a : vs.annotations) {
						in(store, a.metadata);
						lines(a.problems);
						for (final AnnotationFile f : a.files)
							in(store, f.path);
					}
				}
			}
		}
	}

	private static void volume(final BytesStore store, final VolumeEntry v) {
		in(store, v.path, v.metadata);
		for (final Map.Entry<String, StorePath> e : v.volumes.entrySet())
			in(store, e.getValue());
		for (final StorePath p : v.otherFiles)
			in(store, p);
		lines(v.problems);
	}

	/** Every path found is a safe key of this bucket: no {@code ..}, no empty or absolute segment. */
	private static void in(final BytesStore store, final StorePath... paths) {
		for (final StorePath p : paths) {
			if (p == null) continue;
			Hostile.check(p.store == store && Keys.isSafe(p.key), p + " is not a safe key of the bucket");
		}
	}

	private static void lines(final List<String> problems) {
		for (final String p : problems)
			Hostile.check(p.indexOf('\n') < 0 && p.indexOf('\r') < 0, "a problem of more than one line: " + p);
	}
}

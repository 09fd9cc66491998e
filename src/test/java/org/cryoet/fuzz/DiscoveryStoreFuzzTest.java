package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.cryoet.portal.layout.PortalDiscovery;
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

	/** Every path found is a safe key of this bucket: no {@code ..}, no empty or absolute segment. */
	private static void inside(final BytesStore store, final PortalDiscovery.Result r) {
		DiscoveredTree.check(r, (p, dataset) -> Hostile.check(p.store == store && Keys.isSafe(p.key), p +
			" is not a safe key of the bucket"));
	}
}

package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.cryoet.portal.layout.PortalDiscovery;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Portal layout discovery over a small file tree written to a temporary
 * folder: the input is {@code path NUL content NUL path NUL content ...}
 * (paths the harness itself would not write outside the folder are skipped).
 * Whatever the tree, discovery returns paths inside it, problems of one line,
 * or our refusal.
 */
class DiscoveryFuzzTest {

	private static final Path BASE = Seeds.temporaryFolder("discovery-fuzz");

	static Stream<Arguments> seeds() {
		return Seeds.of("Discovery");
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void discovery(final byte[] data) throws IOException {
		final Path root = Files.createTempDirectory(BASE, "tree");
		try {
			write(root, data);
			for (final Path entry : new Path[] { root, firstDirectory(root) })
				if (entry != null) Hostile.parsedOrRefused(entry.toString(), () -> inside(root, PortalDiscovery.discover(
					entry)));
		}
		finally {
			try (Stream<Path> s = Files.walk(root)) {
				s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static void write(final Path root, final byte[] data) throws IOException {
		final String[] parts = new String(data, StandardCharsets.UTF_8).split("\0", -1);
		for (int i = 0; i + 1 < parts.length && i < 128; i += 2) {
			final String rel = parts[i];
			if (rel.length() > 200 || !SafeKeys.inside(rel) || rel.split("/").length > 14) continue;
			try {
				final Path f = root.resolve(rel);
				if (rel.endsWith("/") || parts[i + 1].equals("/")) Files.createDirectories(f);
				else {
					Files.createDirectories(f.getParent());
					if (!Files.isDirectory(f)) Files.write(f, parts[i + 1].getBytes(StandardCharsets.UTF_8));
				}
			}
			catch (final InvalidPathException | java.nio.file.FileSystemException e) {
				// a name this file system refuses, or a file where a folder should be: not written
			}
		}
	}

	private static Path firstDirectory(final Path root) throws IOException {
		try (Stream<Path> s = Files.walk(root, 3)) {
			return s.filter(p -> !p.equals(root) && Files.isDirectory(p)).sorted().reduce((a, b) -> b).orElse(null);
		}
	}

	private static void inside(final Path root, final PortalDiscovery.Result r) {
		// a tree that is itself a run has its dataset one folder up, as for a run folder given by a user
		DiscoveredTree.check(r, (sp, dataset) -> {
			final Path within = dataset ? root.getParent() : root;
			final Path p = sp.localPath();
			Hostile.check(p != null && p.toAbsolutePath().normalize().startsWith(within), sp + " is outside " + within);
		});
	}
}

package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.cryoet.testutil.TreeHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The optional on-disk cache of remote values. */
class DiskCacheTest {

	@TempDir
	Path tmp;

	@Test
	void aSecondStoreReadsFromTheDiskWithoutRequests() throws IOException {
		final Path tree = tmp.resolve("tree"), cache = tmp.resolve("cache");
		StoreContractTest.write(tree);
		final Map<String, byte[]> want = StoreContractTest.tree();
		try (TreeHttpServer server = new TreeHttpServer(tree)) {
			final RemoteOptions o = RemoteOptions.defaults().withDiskCache(cache, 10 << 20);
			try (Store s = Stores.open(server.url(), o).store) {
				assertArrayEquals(want.get("dir/sub/y.bin"), s.get("dir/sub/y.bin"));
				assertArrayEquals(Arrays.copyOfRange(want.get("dir/sub/y.bin"), 10, 20), s.getRange("dir/sub/y.bin", 10, 10));
				assertNull(s.get("absent"));
			}
			assertEquals(3, server.requests());
			final TransferCounter c = new TransferCounter();
			try (Store s = Stores.open(server.url(), o.withListener(c)).store) {
				assertArrayEquals(want.get("dir/sub/y.bin"), s.get("dir/sub/y.bin"));
				assertArrayEquals(Arrays.copyOfRange(want.get("dir/sub/y.bin"), 10, 20), s.getRange("dir/sub/y.bin", 10, 10));
				assertNull(s.get("absent"));
			}
			assertEquals(4, server.requests(), "only the absent key is asked again");
			assertEquals(2, c.cacheHits());
		}
	}

	@Test
	void partialFilesAreNeverServed() throws IOException {
		final DiskCache c = new DiskCache(tmp, 1 << 20);
		c.put("a", new byte[] { 1, 2, 3 });
		try (Stream<Path> s = Files.walk(tmp)) {
			final List<Path> files = new ArrayList<>();
			s.filter(Files::isRegularFile).forEach(files::add);
			assertEquals(1, files.size());
			// What a crash mid-write leaves: a temporary file beside it, never under a value's name.
			Files.write(files.get(0).resolveSibling(".tmp-deadbeef"), new byte[] { 9 });
		}
		assertArrayEquals(new byte[] { 1, 2, 3 }, c.get("a"));
		assertNull(c.get("b"));
	}

	@Test
	void theLeastRecentlyUsedValuesGoFirst() throws Exception {
		final DiskCache c = new DiskCache(tmp, 100_000);
		for (int i = 0; i < 8; i++) {
			c.put("v" + i, new byte[10_000]);
			Thread.sleep(20); // distinct modification times
		}
		assertTrue(c.get("v0") != null);
		Thread.sleep(20);
		for (int i = 8; i < 12; i++) {
			c.put("v" + i, new byte[10_000]);
			Thread.sleep(20);
		}
		assertTrue(c.countFiles() * 10_000 <= 100_000, c.countFiles() + " files");
		assertTrue(c.get("v0") != null, "read recently, so kept");
		assertNull(c.get("v1"), "the oldest unread value went first");
		assertTrue(c.get("v11") != null);
	}

	@Test
	void twoJvmsShareOneFolderSafely() throws Exception {
		final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		final List<Process> ps = new ArrayList<>();
		for (int i = 0; i < 2; i++)
			ps.add(new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DiskCacheHammer.class.getName(),
				tmp.toString(), "600000", "3000").redirectErrorStream(true).redirectOutput(tmp.resolveSibling(tmp
					.getFileName() + "-hammer" + i + ".log").toFile()).start());
		final DiskCache mine = new DiskCache(tmp, 600_000);
		for (int round = 0; round < 300; round++) {
			final int id = round % 200;
			final byte[] got = mine.get("id" + id);
			if (got != null) assertArrayEquals(DiskCacheHammer.value(id), got);
		}
		for (int i = 0; i < ps.size(); i++) {
			assertTrue(ps.get(i).waitFor(60, TimeUnit.SECONDS));
			final String log = new String(Files.readAllBytes(tmp.resolveSibling(tmp.getFileName() + "-hammer" + i +
				".log")));
			assertEquals(0, ps.get(i).exitValue(), log);
			assertTrue(log.contains(" hits "), log);
		}
		assertTrue(mine.countFiles() > 0);
		long bytes = 0;
		try (Stream<Path> s = Files.walk(tmp)) {
			for (final Path p : (Iterable<Path>) s::iterator)
				if (p.toString().endsWith(".bin")) bytes += Files.size(p);
		}
		assertTrue(bytes <= 600_000 + 2 * 21_000, "trimmed near its limit: " + bytes);
	}

}

package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.format.DataType;
import org.cryoet.format.mrc.MrcReader;
import org.cryoet.format.zarr.ZarrArray;
import org.cryoet.sample.SampleData;
import org.cryoet.testutil.Checksums;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.MotoS3;
import org.cryoet.testutil.OwnPortalTree;
import org.cryoet.testutil.TreeHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Zarr array and MRC file of the oracle fixtures ({@code ../shared}) and
 * of our own portal trees and sample, read over HTTP and over S3 (moto),
 * gives exactly the bytes read from the local copy; S3 listings of the trees
 * equal the local folders'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteReadOracleTest {

	private Path own;
	private Path fixtures;
	private final List<TreeHttpServer> servers = new ArrayList<>();
	private final List<Store> stores = new ArrayList<>();
	private MotoS3 moto;
	private String motoProblem;

	@BeforeAll
	void setUp() throws Exception {
		own = Files.createTempDirectory("remote-oracle");
		OwnPortalTree.write(own.resolve("current"), false);
		OwnPortalTree.write(own.resolve("seed"), true);
		SampleData.ensure(own.resolve("sample"));
		final Path f = Fixtures.shared().resolve("fixtures");
		fixtures = Files.isRegularFile(f.resolve("manifest.json")) ? f : null;
		try {
			moto = MotoS3.start();
			moto.createBucket("oracle");
			moto.upload("oracle", "own/", own);
			if (fixtures != null) moto.upload("oracle", "fixtures/", fixtures);
		}
		catch (final org.opentest4j.TestAbortedException e) {
			motoProblem = e.getMessage();
		}
	}

	@AfterAll
	void tearDown() throws IOException {
		for (final Store s : stores)
			s.close();
		for (final TreeHttpServer s : servers)
			s.close();
		if (moto != null) moto.close();
		AtomicOutput.deleteTree(own);
	}

	/** A remote copy of a local tree: the store and the key prefix under which the tree sits. */
	private static final class Remote {

		final Store store;
		final String prefix;
		final TreeHttpServer server;

		Remote(final Store store, final String prefix, final TreeHttpServer server) {
			this.store = store;
			this.prefix = prefix;
			this.server = server;
		}
	}

	private Path tree(final String which) {
		if (which.equals("own")) return own;
		assumeTrue(fixtures != null, "no ../shared/fixtures next to the project");
		return fixtures;
	}

	private Remote remote(final String kind, final String which) throws IOException {
		final Path local = tree(which);
		if (kind.equals("http")) {
			final TreeHttpServer server = new TreeHttpServer(local);
			servers.add(server);
			final Store s = Stores.open(server.url(), RemoteOptions.defaults()).store;
			stores.add(s);
			return new Remote(s, "", server);
		}
		assumeTrue(moto != null, motoProblem);
		final S3Store s = (S3Store) Stores.open("s3://oracle/?endpoint=" + moto.endpoint(), RemoteOptions.defaults())
			.store;
		s.listPageSize = 50; // many pages: continuation tokens in use
		stores.add(s);
		return new Remote(s, which + "/", null);
	}

	static Stream<Arguments> cases() {
		final List<Arguments> out = new ArrayList<>();
		for (final String kind : new String[] { "http", "s3" })
			for (final String which : new String[] { "own", "fixtures" })
				out.add(Arguments.of(kind, which));
		return out.stream();
	}

	private static List<String> files(final Path root, final java.util.function.Predicate<String> name)
		throws IOException
	{
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(Files::isRegularFile).filter(p -> name.test(p.getFileName().toString())).map(p -> root
				.relativize(p).toString().replace(java.io.File.separatorChar, '/')).sorted().collect(Collectors.toList());
		}
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cases")
	void everyZarrArrayReadsTheLocalBytes(final String kind, final String which) throws IOException {
		final Path local = tree(which);
		final Remote r = remote(kind, which);
		final FileStore fs = new FileStore(local);
		int arrays = 0, chunks = 0;
		for (final String zarray : files(local, n -> n.equals(".zarray"))) {
			if (zarray.startsWith("zarr_corrupt/")) continue;
			final String dir = zarray.contains("/") ? zarray.substring(0, zarray.lastIndexOf('/')) : "";
			final ZarrArray a = ZarrArray.open(fs, dir);
			final ZarrArray b = ZarrArray.open(r.store, r.prefix + dir);
			assertEquals(a.metadata().toJson(), b.metadata().toJson(), zarray);
			final DataType t = a.metadata().type();
			final long[] grid = a.metadata().gridShape();
			final long[] g = new long[grid.length];
			for (long i = 0, n = product(grid); i < n; i++) {
				long rest = i;
				for (int d = grid.length - 1; d >= 0; d--) {
					g[d] = rest % grid[d];
					rest /= grid[d];
				}
				assertEquals(Checksums.sha256LeC(t, a.readChunk(g)), Checksums.sha256LeC(t, b.readChunk(g)), dir + " chunk " +
					java.util.Arrays.toString(g));
				chunks++;
			}
			arrays++;
		}
		assertTrue(arrays >= (which.equals("own") ? 6 : 15), arrays + " arrays");
		assertTrue(chunks > arrays);
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cases")
	void everyMrcFileReadsTheLocalBytesByRanges(final String kind, final String which) throws IOException {
		final Path local = tree(which);
		final Remote r = remote(kind, which);
		int n = 0;
		for (final String file : files(local, RemoteReadOracleTest::isMrc)) {
			try (MrcReader a = MrcReader.open(local.resolve(file)); MrcReader b = MrcReader.open(r.store, r.prefix + file)) {
				assertArrayEquals(a.header().toBytes(), b.header().toBytes(), file);
				assertEquals(a.type(), b.type());
				final int[] all = { a.header().nz, a.header().ny, a.header().nx };
				assertEquals(digest(a), digest(b), file);
				assertEquals(box(a, new long[3], all), box(b, new long[3], all), file);
				// A box of partial rows: one request per section spans its rows.
				final long[] off = { all[0] / 2, all[1] / 3, all[2] / 4 };
				final int[] size = { 1, Math.max(1, all[1] / 2), Math.max(1, all[2] / 2) };
				final int before = r.server == null ? 0 : r.server.requests(file);
				assertEquals(box(a, off, size), box(b, off, size), file + " partial rows");
				if (r.server != null) assertEquals(1, r.server.requests(file) - before, "one request for one section");
				assertEquals(null, a.path() == null ? "local path lost" : null);
				assertEquals(null, b.path(), "a remote file has no local path");
				assertTrue(b.describe().endsWith(file), b.describe());
			}
			n++;
		}
		assertTrue(n >= (which.equals("own") ? 3 : 10), n + " MRC files");
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("cases")
	void s3ListingsEqualTheLocalFolders(final String kind, final String which) throws IOException {
		assumeTrue(kind.equals("s3"), "HTTP offers no listing");
		final Path local = tree(which);
		final Remote r = remote(kind, which);
		final FileStore fs = new FileStore(local);
		final List<String> all = r.store.list(r.prefix, null).keys.stream().map(k -> k.substring(r.prefix.length()))
			.collect(Collectors.toList());
		assertEquals(files(local, n -> true), all);
		try (Stream<Path> s = Files.walk(local)) {
			for (final Path d : s.filter(Files::isDirectory).collect(Collectors.toList())) {
				final String rel = local.relativize(d).toString().replace(java.io.File.separatorChar, '/');
				// The folders a browser lists; inside arrays only the array folders themselves.
				if (rel.matches(".*\\.zarr/.+/.*")) continue;
				final String p = rel.isEmpty() ? "" : rel + "/";
				final Listing want = fs.list(p, "/");
				final Listing got = r.store.list(r.prefix + p, "/");
				assertEquals(want.keys, strip(got.keys, r.prefix), p);
				assertEquals(want.prefixes, strip(got.prefixes, r.prefix), p);
			}
		}
	}

	private static List<String> strip(final List<String> keys, final String prefix) {
		return keys.stream().map(k -> k.substring(prefix.length())).collect(Collectors.toList());
	}

	private static boolean isMrc(final String name) {
		final String n = name.toLowerCase(Locale.ROOT);
		return Stream.of(".mrc", ".mrcs", ".st", ".map", ".rec", ".ali", ".preali", ".ccp4").anyMatch(n::endsWith);
	}

	private static long product(final long[] a) {
		long p = 1;
		for (final long v : a)
			p *= v;
		return p;
	}

	private static String digest(final MrcReader r) throws IOException {
		final MessageDigest md = Checksums.digest();
		r.forEachDataRange(100_000, md::update);
		return Checksums.hex(md.digest());
	}

	private static String box(final MrcReader r, final long[] off, final int[] size) throws IOException {
		final Object dst = r.type().allocate(size[0] * size[1] * size[2]);
		r.read(off, size, dst);
		return Checksums.sha256LeC(r.type(), dst);
	}

}

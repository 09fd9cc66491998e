package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * What every store must do, run against each back-end (local files, HTTP, S3)
 * over the same small tree: the n5 way, one contract and a subclass per store.
 */
public abstract class StoreContractTest {

	/** The tree every store serves: key (relative to {@link #base()}) to bytes. */
	static Map<String, byte[]> tree() {
		final Map<String, byte[]> t = new LinkedHashMap<>();
		final Random r = new Random(42);
		t.put("a.txt", "hello world".getBytes(StandardCharsets.UTF_8));
		t.put("empty.bin", new byte[0]);
		t.put("dirx.bin", bytes(r, 17));
		t.put("dir/x.bin", bytes(r, 1000));
		t.put("dir/sub/y.bin", bytes(r, 300_000));
		t.put("dir/sub/z z.txt", "a name with a space".getBytes(StandardCharsets.UTF_8));
		t.put("dir2/.zarray", "{}".getBytes(StandardCharsets.UTF_8));
		return t;
	}

	private static byte[] bytes(final Random r, final int n) {
		final byte[] b = new byte[n];
		r.nextBytes(b);
		return b;
	}

	static void write(final Path dir) throws IOException {
		for (final Map.Entry<String, byte[]> e : tree().entrySet()) {
			final Path f = dir.resolve(e.getKey());
			Files.createDirectories(f.getParent());
			Files.write(f, e.getValue());
		}
	}

	/** The store under test. */
	protected abstract Store store();

	/** Where the tree sits in the store ("" or "some/prefix/"). */
	protected abstract String base();

	private String k(final String key) {
		return base() + key;
	}

	@Test
	void getGivesTheExactBytes() throws IOException {
		for (final Map.Entry<String, byte[]> e : tree().entrySet())
			assertArrayEquals(e.getValue(), store().get(k(e.getKey())), e.getKey());
	}

	@Test
	void absentKeysAndFoldersAreNull() throws IOException {
		assertNull(store().get(k("nope")));
		assertNull(store().get(k("dir/nope.bin")));
		assertNull(store().get(k("dir")));
		assertNull(store().get(k("nope"), null));
		assertNull(store().getRange(k("nope"), 0, 10));
		assertEquals(-1, store().size(k("nope")));
		assertFalse(store().exists(k("nope")));
	}

	@Test
	void getIntoAReusedBuffer() throws IOException {
		final byte[] want = tree().get("dir/x.bin");
		final ByteBuffer b = store().get(k("dir/x.bin"), ByteBuffer.allocate(4096));
		assertEquals(0, b.position());
		assertEquals(want.length, b.limit());
		assertArrayEquals(want, Arrays.copyOf(b.array(), b.limit()));
		final ByteBuffer small = store().get(k("dir/sub/y.bin"), ByteBuffer.allocate(10));
		assertArrayEquals(tree().get("dir/sub/y.bin"), Arrays.copyOf(small.array(), small.limit()));
	}

	@Test
	void rangesGiveExactlyTheBytesAskedForOrUpToTheEnd() throws IOException {
		final byte[] y = tree().get("dir/sub/y.bin");
		assertArrayEquals(Arrays.copyOfRange(y, 1000, 6000), store().getRange(k("dir/sub/y.bin"), 1000, 5000));
		assertArrayEquals(Arrays.copyOfRange(y, 0, 1), store().getRange(k("dir/sub/y.bin"), 0, 1));
		assertArrayEquals(Arrays.copyOfRange(y, y.length - 10, y.length), store().getRange(k("dir/sub/y.bin"), y.length -
			10, 100), "a range past the end stops at the end");
		assertArrayEquals(new byte[0], store().getRange(k("dir/sub/y.bin"), y.length, 10));
		assertArrayEquals(new byte[0], store().getRange(k("a.txt"), 3, 0));
		assertArrayEquals("lo w".getBytes(StandardCharsets.UTF_8), store().getRange(k("a.txt"), 3, 4));
	}

	@Test
	void sizesAndExistence() throws IOException {
		for (final Map.Entry<String, byte[]> e : tree().entrySet()) {
			assertEquals(e.getValue().length, store().size(k(e.getKey())), e.getKey());
			assertTrue(store().exists(k(e.getKey())));
		}
	}

	@Test
	void listsWithAndWithoutDelimiter() throws IOException {
		if (!store().canList()) {
			assertThrows(StoreException.class, () -> store().list(k(""), "/"));
			return;
		}
		Listing l = store().list(k(""), "/");
		assertEquals(keys("a.txt", "dirx.bin", "empty.bin"), l.keys);
		assertEquals(keys("dir/", "dir2/"), l.prefixes);
		l = store().list(k("dir/"), "/");
		assertEquals(keys("dir/x.bin"), l.keys);
		assertEquals(keys("dir/sub/"), l.prefixes);
		l = store().list(k("dir"), "/");
		assertEquals(keys("dirx.bin"), l.keys, "a prefix that is not a folder matches names");
		assertEquals(keys("dir/", "dir2/"), l.prefixes);
		l = store().list(k("dir/"), null);
		assertEquals(keys("dir/sub/y.bin", "dir/sub/z z.txt", "dir/x.bin"), l.keys);
		assertTrue(l.prefixes.isEmpty());
		assertTrue(store().list(k("nope/"), "/").isEmpty());
	}

	@Test
	void foldersAreKnownWhereTheStoreCanList() throws IOException {
		assumeTrue(store().canList(), "this store cannot list");
		assertTrue(store().isFolder(k("dir")));
		assertTrue(store().isFolder(k("dir/sub")));
		assertFalse(store().isFolder(k("a.txt")));
		assertFalse(store().isFolder(k("nope")));
		final StorePath dir = new StorePath(store(), k("dir"));
		assertEquals(Arrays.asList("sub", "x.bin"), dir.children().stream().map(StorePath::name).collect(Collectors
			.toList()));
	}

	@Test
	void getAllKeepsOrderAndMarksAbsentKeys() throws IOException {
		final List<String> keys = new ArrayList<>();
		for (final String key : tree().keySet())
			keys.add(k(key));
		keys.add(1, k("nope"));
		final Map<String, byte[]> all = store().getAll(keys);
		assertEquals(keys, new ArrayList<>(all.keySet()));
		assertNull(all.get(k("nope")));
		for (final Map.Entry<String, byte[]> e : tree().entrySet())
			assertArrayEquals(e.getValue(), all.get(k(e.getKey())), e.getKey());
	}

	@Test
	void prefetchedValuesReadTheSame() throws IOException {
		store().prefetch(Arrays.asList(k("dir/x.bin"), k("dir/sub/y.bin"), k("nope")));
		assertArrayEquals(tree().get("dir/x.bin"), store().get(k("dir/x.bin")));
		assertArrayEquals(tree().get("dir/sub/y.bin"), store().get(k("dir/sub/y.bin")));
		assertNull(store().get(k("nope")));
		assertArrayEquals(tree().get("dir/x.bin"), store().get(k("dir/x.bin")), "read again after the prefetched copy");
	}

	@Test
	void fetchEachHandsOverEveryValueOnce() throws IOException {
		final Map<String, byte[]> got = new java.util.concurrent.ConcurrentHashMap<>();
		final java.util.concurrent.atomic.AtomicInteger absent = new java.util.concurrent.atomic.AtomicInteger();
		final List<String> keys = new ArrayList<>();
		for (final String key : tree().keySet())
			keys.add(k(key));
		keys.add(k("nope"));
		keys.add(k("a.txt"));
		store().fetchEach(keys, (key, value) -> {
			if (value == null) absent.incrementAndGet();
			else if (got.put(key, value) != null) throw new IOException("twice: " + key);
		});
		assertEquals(1, absent.get());
		for (final Map.Entry<String, byte[]> e : tree().entrySet())
			assertArrayEquals(e.getValue(), got.get(k(e.getKey())), e.getKey());
		final IOException e = assertThrows(IOException.class, () -> store().fetchEach(keys, (key, value) -> {
			if (key.endsWith("x.bin")) throw new IOException("consumer failed on " + key);
		}));
		assertTrue(e.getMessage().startsWith("consumer failed on "), e.getMessage());
	}

	@Test
	void keysThatWouldLeaveTheStoreAreRefused() {
		for (final String bad : new String[] { "../x", "dir/../../x", "/etc/passwd", "dir//x.bin", "dir\\x.bin", "./a.txt",
			"a\nb" })
		{
			assertThrows(StoreException.class, () -> store().get(bad), bad);
			assertThrows(StoreException.class, () -> store().getRange(bad, 0, 1), bad);
			assertThrows(StoreException.class, () -> store().size(bad), bad);
		}
	}

	@Test
	void pathsNavigateLikeFilePaths() throws IOException {
		final StorePath y = new StorePath(store(), k("dir")).resolve("sub/y.bin");
		assertEquals("y.bin", y.name());
		assertEquals(tree().get("dir/sub/y.bin").length, y.size());
		assertArrayEquals(tree().get("a.txt"), y.parent().parent().parent().resolve("a.txt").read());
		assertTrue(y.toString().endsWith("dir/sub/y.bin"), y.toString());
		assertThrows(StoreException.class, () -> y.resolve("../../.."));
	}

	@Test
	void describeNamesTheFileOrUrl() {
		final String d = store().describe(k("dir/x.bin"));
		assertTrue(d.endsWith("dir/x.bin") && !d.equals("dir/x.bin"), d);
	}

	@Test
	void writesAreAtomicWhereAllowed() throws IOException {
		if (!(store() instanceof FileStore)) {
			assertThrows(StoreException.class, () -> store().put(k("new.bin"), new byte[1]));
			return;
		}
		store().put(k("w/new.bin"), new byte[] { 1, 2 });
		assertArrayEquals(new byte[] { 1, 2 }, store().get(k("w/new.bin")));
	}

	private List<String> keys(final String... ks) {
		return Arrays.stream(ks).map(this::k).collect(Collectors.toList());
	}
}

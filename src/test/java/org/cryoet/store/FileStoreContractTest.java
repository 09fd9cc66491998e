package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contract on a local folder opened as a user types it (a store rooted at the file system's root). */
class FileStoreContractTest extends StoreContractTest {

	private static Path dir;
	private static StorePath root;

	@BeforeAll
	static void setUp() throws IOException {
		dir = Files.createTempDirectory("store-contract");
		write(dir);
		root = Stores.open(dir.toString());
	}

	@AfterAll
	static void tearDown() throws IOException {
		AtomicOutput.deleteTree(dir);
	}

	/** Local files are also read by position (chunks decoded a block at a time), exactly or not at all. */
	@Test
	void positionalReadsGiveExactlyTheBytesOrAnError() throws IOException {
		final byte[] y = tree().get("dir/sub/y.bin");
		try (PositionalReader r = store().openPositional(base() + "dir/sub/y.bin")) {
			assertEquals(y.length, r.size());
			final byte[] part = new byte[1005];
			r.read(123_456, part, 5, 1000);
			assertArrayEquals(Arrays.copyOfRange(y, 123_456, 124_456), Arrays.copyOfRange(part, 5, 1005));
			// more than the 1 MiB a file read takes at once
			final byte[] all = new byte[y.length];
			r.read(0, all, 0, y.length);
			assertArrayEquals(y, all);
			final StoreException e = assertThrows(StoreException.class, () -> r.read(y.length - 10, new byte[20], 0, 20));
			assertTrue(e.getMessage().contains("y.bin"), e.getMessage());
		}
		assertNull(store().openPositional(base() + "nope"));
		assertNull(store().openPositional(base() + "dir"));
	}

	@Override
	protected Store store() {
		return root.store;
	}

	@Override
	protected String base() {
		return root.key + "/";
	}
}

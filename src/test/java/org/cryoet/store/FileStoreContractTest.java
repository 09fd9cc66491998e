package org.cryoet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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

	@Override
	protected Store store() {
		return root.store;
	}

	@Override
	protected String base() {
		return root.key + "/";
	}
}

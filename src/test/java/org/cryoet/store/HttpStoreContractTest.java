package org.cryoet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.testutil.TreeHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract over HTTP: a loopback server with Range support and no listing. */
class HttpStoreContractTest extends StoreContractTest {

	private static Path dir;
	private static TreeHttpServer server;
	private static Store store;

	@BeforeAll
	static void setUp() throws IOException {
		dir = Files.createTempDirectory("store-contract-http");
		write(dir);
		server = new TreeHttpServer(dir);
		store = Stores.open(server.url(), RemoteOptions.defaults()).store;
	}

	@AfterAll
	static void tearDown() throws IOException {
		store.close();
		server.close();
		AtomicOutput.deleteTree(dir);
	}

	@Override
	protected Store store() {
		return store;
	}

	@Override
	protected String base() {
		return "";
	}
}

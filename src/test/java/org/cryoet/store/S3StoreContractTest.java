package org.cryoet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;

import org.cryoet.testutil.MotoS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract over S3: moto_server on loopback, the tree under a prefix, reached through AWS_ENDPOINT_URL_S3. */
class S3StoreContractTest extends StoreContractTest {

	private static Path dir;
	private static MotoS3 moto;
	private static Store store;

	@BeforeAll
	static void setUp() throws Exception {
		moto = MotoS3.start();
		dir = Files.createTempDirectory("store-contract-s3");
		write(dir);
		moto.createBucket("contract");
		moto.upload("contract", "tree/", dir);
		store = Stores.open("s3://contract/tree", RemoteOptions.defaults(), Collections.singletonMap(
			"AWS_ENDPOINT_URL_S3", moto.endpoint())).store;
	}

	@AfterAll
	static void tearDown() throws IOException {
		if (store != null) store.close();
		if (moto != null) moto.close();
		if (dir != null) AtomicOutput.deleteTree(dir);
	}

	@Override
	protected Store store() {
		return store;
	}

	@Override
	protected String base() {
		return "tree/";
	}
}

package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Opening stores from what users type; nothing here touches the network. */
class StoresTest {

	private static final Map<String, String> NO_ENV = Collections.emptyMap();

	private static S3Store s3(final StorePath p) {
		return (S3Store) p.store;
	}

	@Test
	void thePortalBucketIsVirtualHostedInUsWest2() throws StoreException {
		final StorePath p = Stores.open("s3://cryoet-data-portal-public/10000/TS_026/", RemoteOptions.defaults(), NO_ENV);
		assertEquals("10000/TS_026", p.key);
		assertEquals("https://cryoet-data-portal-public.s3.us-west-2.amazonaws.com/", s3(p).location().bucketUrl());
		assertEquals("https://cryoet-data-portal-public.s3.us-west-2.amazonaws.com/10000/TS_026/a%20b.json", s3(p).uri(
			"10000/TS_026/a b.json").toString());
		assertEquals("s3://cryoet-data-portal-public/10000/TS_026", p.toString());
		assertEquals("s3://cryoet-data-portal-public/10000", p.parent().toString());
	}

	@Test
	void endpointsFromTheEnvironmentOrTheUrlArePathStyle() throws StoreException {
		final Map<String, String> env = new HashMap<>();
		env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9000");
		assertEquals("http://127.0.0.1:9000/b-1/", s3(Stores.open("s3://b-1/k", RemoteOptions.defaults(), env)).location()
			.bucketUrl());
		env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9001/");
		env.put("AWS_REGION", "eu-central-1");
		final S3Location l = s3(Stores.open("s3://b-1/k", RemoteOptions.defaults(), env)).location();
		assertEquals("http://127.0.0.1:9001/b-1/", l.bucketUrl(), "the S3-specific variable wins");
		assertEquals("eu-central-1", l.region);
		final S3Location u = s3(Stores.open("s3://b-1/k?endpoint=http%3A%2F%2Flocalhost%3A7000&region=r1", RemoteOptions
			.defaults(), env)).location();
		assertEquals("http://localhost:7000/b-1/", u.bucketUrl(), "the URL wins over the environment");
		assertEquals("r1", u.region);
		assertEquals("https://other-bucket.s3.us-east-1.amazonaws.com/", s3(Stores.open("s3://other-bucket", RemoteOptions
			.defaults(), NO_ENV)).location().bucketUrl());
		assertEquals("https://s3.us-east-1.amazonaws.com/dotted.bucket/", s3(Stores.open("s3://dotted.bucket/x",
			RemoteOptions.defaults(), NO_ENV)).location().bucketUrl());
	}

	@Test
	void httpUrlsAreRootedAtTheServer() throws StoreException {
		final StorePath p = Stores.open(
			"https://mirror.example.org/10000/TS_026/Reconstructions/VoxelSpacing13.480/Tomograms/100/TS_026.zarr/");
		assertTrue(p.store instanceof HttpStore);
		assertEquals("10000/TS_026/Reconstructions/VoxelSpacing13.480/Tomograms/100/TS_026.zarr", p.key);
		assertEquals("TS_026.zarr", p.name());
		assertEquals("https://mirror.example.org/10000/TS_026/Reconstructions/VoxelSpacing13.480/" +
			"Tomograms/100/TS_026.zarr/0/.zarray", p.resolve("0/.zarray").toString());
		assertFalse(p.store.canList());
		// the portal's files host is the same web server, whose folders list through the bucket behind it
		final StorePath portal = Stores.open("https://files.cryoetdataportal.cziscience.com/10000/TS_026/");
		assertTrue(portal.store.canList());
		assertEquals("https://files.cryoetdataportal.cziscience.com/10000/TS_026/run_metadata.json", portal.resolve(
			"run_metadata.json").toString());
		assertEquals("a%20b", ((HttpStore) Stores.open("http://h:8080/a%20b").store).uri("a b").getRawPath().substring(1));
	}

	@Test
	void localPathsAndFileUrlsReachTheirParents() throws StoreException {
		final Path here = Path.of("target").toAbsolutePath();
		final StorePath p = Stores.open("target");
		assertTrue(p.store instanceof FileStore);
		assertEquals(here.toString(), p.toString());
		assertEquals(here.getParent().toString(), p.parent().toString());
		assertEquals(here.toString(), Stores.open(here.toUri().toString()).toString());
		StorePath top = p;
		while (top.parent() != null)
			top = top.parent();
		assertEquals("", top.key);
		assertNull(top.parent());
	}

	@Test
	void badInputsAreOneLineNamingThem() {
		for (final String bad : new String[] { "s3://Bad_Bucket/x", "s3://b-1/a/../../x", "http://h/a//b", "https:///x",
			"s3://b-1/x?acl=1", "http://h/x?q=1" })
		{
			final StoreException e = assertThrows(StoreException.class, () -> Stores.open(bad, RemoteOptions.defaults(),
				NO_ENV), bad);
			assertTrue(e.getMessage().startsWith(bad + ": ") || e.getMessage().startsWith(bad.replace("?", "")), e
				.getMessage());
			assertFalse(e.getMessage().contains("\n"));
		}
	}

	@Test
	void keysStayInsideTheirStore() {
		for (final String ok : new String[] { "", "a", "a/b", "a/b/", ".zarray", "a/.zattrs", "a..b", "TS_026.zarr/0/1/2" })
			assertTrue(Keys.isSafe(ok), ok);
		for (final String bad : new String[] { "/a", "a//b", "..", "a/..", "a/./b", "a\\b", "a\u0000b", "//", "a//" })
			assertFalse(Keys.isSafe(bad), bad);
		assertEquals("a/b", Keys.join("a", "b"));
		assertEquals("b", Keys.join("", "b"));
		assertEquals("a", Keys.parent("a/b/"));
		assertEquals("", Keys.parent("a"));
		assertNull(Keys.parent(""));
		assertEquals("b", Keys.name("a/b"));
	}

	@Test
	void optionsComeFromSystemProperties() {
		System.setProperty("cryoet.remote.connections", "3");
		System.setProperty("cryoet.remote.diskcache", "/tmp/cryoet-cache");
		try {
			final RemoteOptions o = RemoteOptions.fromSystemProperties();
			assertEquals(3, o.connections);
			assertEquals(Path.of("/tmp/cryoet-cache"), o.diskCache);
			assertEquals(5, o.retries);
		}
		finally {
			System.clearProperty("cryoet.remote.connections");
			System.clearProperty("cryoet.remote.diskcache");
		}
		assertEquals(16, RemoteOptions.fromSystemProperties().connections);
		assertNull(RemoteOptions.fromSystemProperties().diskCache);
	}

	/** The portal host's listing is the bucket's: asked of the S3 server the environment names (here moto). */
	@Test
	void thePortalHostListsThroughItsBucket() throws Exception {
		try (org.cryoet.testutil.MotoS3 s3 = org.cryoet.testutil.MotoS3.start()) {
			s3.createBucket("cryoet-data-portal-public");
			s3.put("cryoet-data-portal-public", "10000/TS_026/run_metadata.json", "{}".getBytes(
				java.nio.charset.StandardCharsets.UTF_8));
			s3.put("cryoet-data-portal-public", "10000/TS_026/Reconstructions/x", new byte[1]);
			// the user's own S3 settings (another region, another endpoint) do not redirect the portal's bucket
			final StorePath run = Stores.open("https://files.cryoetdataportal.cziscience.com/10000/TS_026",
				RemoteOptions.fromSystemProperties(), java.util.Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint(), "AWS_REGION",
					"eu-central-1", "AWS_ENDPOINT_URL", "http://127.0.0.1:9"));
			try {
				final Listing l = run.store.list("10000/TS_026/", "/");
				assertEquals(java.util.List.of("10000/TS_026/run_metadata.json"), l.keys);
				assertEquals(java.util.List.of("10000/TS_026/Reconstructions/"), l.prefixes);
				assertTrue(run.resolve("Reconstructions").isFolder());
			}
			finally {
				run.store.close();
			}
		}
	}
}

package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.MotoS3;
import org.cryoet.testutil.Sample;
import org.cryoet.testutil.TreeHttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command on {@code s3://} and {@code http://} inputs gives what it gives
 * on the local copy (paths aside): a real S3 server on loopback (moto, reached
 * through {@code AWS_ENDPOINT_URL_S3} as a user would), and the tests' HTTP
 * server with faults injected.
 */
class RemoteCommandsTest {

	private static final String BUCKET = "mirror";
	private static final String RUN = "portal/80001/TS_sample";
	private static final String VS = RUN + "/Reconstructions/VoxelSpacing13.480";
	private static final String SEED_RUN = "portal_seed/80001/TS_sample";

	private static MotoS3 s3;
	private static Path sample;

	@BeforeAll
	static void upload() throws Exception {
		sample = Sample.dir();
		s3 = MotoS3.start();
		s3.createBucket(BUCKET);
		s3.upload(BUCKET, "copy/", sample);
	}

	@AfterAll
	static void stop() {
		if (s3 != null) s3.close();
	}

	/** The launcher in a fresh JVM whose environment points S3 at the loopback server. */
	private static LauncherProcess cryoet(final String label, final String args) throws Exception {
		final List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.add("-cp");
		cmd.add(System.getProperty("java.class.path"));
		cmd.add(CryoetLauncher.class.getName());
		cmd.addAll(List.of("--headless", "--run", label, args));
		return LauncherProcess.run(cmd, Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint()), null);
	}

	private static String s3(final String rel) {
		return "s3://" + BUCKET + "/copy/" + rel;
	}

	@Test
	void browseOverS3PrintsTheLocalJson() throws Exception {
		for (final String entry : new String[] { "portal/80001", RUN, VS, VS + "/Tomograms/100", VS +
			"/Annotations/101/thermosome-1.0.json", SEED_RUN, "portal_seed/80001" })
		{
			final LauncherHarness local = LauncherHarness.run("--headless", "--run", "Browse CryoET Data", "input='" + sample
				.resolve(entry) + "',format=json");
			assertEquals(0, local.code, local::toString);
			final LauncherProcess remote = cryoet("Browse CryoET Data", "input='" + s3(entry) + "',format=json");
			assertEquals(0, remote.code, () -> entry + ": " + remote);
			assertEquals(local.out, remote.out, entry);
			assertTrue(local.out.contains("\"runs\""), local.out);
		}
	}

	/**
	 * Discovery asks at most once per folder and once per metadata file, never
	 * once per entry, and never lists inside a Zarr: the bound comes from the local tree.
	 */
	@Test
	void discoveryListsEachFolderOnceAndReadsEachMetadataFileOnce() throws Exception {
		final Path dataset = sample.resolve("portal/80001");
		final long[] expected = { 1 }; // the input's parent, to learn that the input is a folder
		try (java.util.stream.Stream<Path> walk = Files.walk(dataset)) {
			walk.filter(p -> !dataset.relativize(p).toString().contains(".zarr")).forEach(p -> {
				if (Files.isDirectory(p) || p.getFileName().toString().endsWith(".json")) expected[0]++;
			});
		}
		final org.cryoet.store.TransferCounter counter = new org.cryoet.store.TransferCounter();
		final org.cryoet.portal.layout.PortalDiscovery.Result r;
		try (org.cryoet.store.RemoteOptions.Scope scope = org.cryoet.store.RemoteOptions.during(counter, () -> false)) {
			r = org.cryoet.portal.layout.PortalDiscovery.discover(s3("portal/80001?endpoint=" + s3.endpoint()));
		}
		assertEquals(1, r.datasets.get(0).runs.size());
		assertEquals(5, r.datasets.get(0).runs.get(0).voxelSpacings.get(0).annotations.size());
		// at most one request per folder and per metadata file (a VoxelSpacing folder itself need not be listed)
		assertTrue(counter.requests() <= expected[0] && counter.requests() >= expected[0] - 2, counter + " for " + expected[0] +
			" folders and metadata files");
	}

	@Test
	void browseOverS3OfTheSharedFixtureTrees() throws Exception {
		final Path portal = Fixtures.portal(); // skips without ../shared
		s3.upload(BUCKET, "fixtures/", portal);
		try (java.util.stream.Stream<Path> s = Files.list(portal)) {
			for (final Path tree : (Iterable<Path>) s.filter(Files::isDirectory)::iterator) {
				final LauncherHarness local = LauncherHarness.run("--headless", "--run", "Browse CryoET Data", "input='" +
					tree + "',format=json");
				if (local.code != 0) continue; // not a portal tree on its own
				final LauncherProcess remote = cryoet("Browse CryoET Data", "input='s3://" + BUCKET + "/fixtures/" + tree
					.getFileName() + "',format=json");
				assertEquals(0, remote.code, remote::toString);
				assertEquals(local.out, remote.out, tree.toString());
			}
		}
	}

	@Test
	void validateOpenImportConvertOverS3() throws Exception {
		final String meta = VS + "/Annotations/100/ribosome-1.0.json";
		final LauncherProcess v = cryoet("Validate CryoET Metadata", "input='" + s3(meta) + "'");
		assertEquals(0, v.code, v::toString);
		assertTrue(v.out.startsWith(s3(meta) + ": valid annotation metadata under schema 2.0.0"), v::toString);
		// the layout is judged from the keys around it, as locally
		final LauncherProcess seed = cryoet("Validate CryoET Metadata", "input='" + s3(SEED_RUN +
			"/Tomograms/VoxelSpacing13.480/Annotations/100-ribosome-1.0.json") + "',kind=annotation");
		final LauncherHarness seedLocal = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" +
			sample.resolve(SEED_RUN + "/Tomograms/VoxelSpacing13.480/Annotations/100-ribosome-1.0.json") +
			"',kind=annotation");
		assertEquals(seedLocal.code, seed.code, seed::toString);
		assertEquals(seedLocal.out.replace(sample.toString() + "/", ""), seed.out.replace(s3(""), ""));

		final LauncherProcess open = cryoet("Open CryoET Tomogram", "input='" + s3(RUN) + "',level=1,viewer=none,masks=true");
		final LauncherHarness openLocal = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram", "input='" +
			sample.resolve(RUN) + "',level=1,viewer=none,masks=true");
		assertEquals(0, open.code, open::toString);
		assertEquals(openLocal.out.replace(sample.toString() + "/", ""), open.out.replace(s3(""), ""));

		final LauncherProcess seedTilt = cryoet("Open CryoET Tilt Series", "input='" + s3(SEED_RUN) + "',viewer=none");
		assertEquals(0, seedTilt.code, seedTilt::toString);
		assertTrue(seedTilt.err.isEmpty(), "no note: the angles are found beside the data\n" + seedTilt);

		final LauncherProcess imp = cryoet("Import CryoET Points", "input='" + s3(VS + "/Annotations/101") + "'");
		final LauncherHarness impLocal = LauncherHarness.run("--headless", "--run", "Import CryoET Points", "input='" +
			sample.resolve(VS + "/Annotations/101") + "'");
		assertEquals(0, imp.code, imp::toString);
		assertEquals(impLocal.out.replace(sample.toString() + "/", ""), imp.out.replace(s3(""), ""));
		assertTrue(imp.out.contains("points"), imp.out);
	}

	@Test
	void convertOverS3WritesTheLocalBytes(@TempDir final Path tmp) throws Exception {
		final String zarr = VS + "/Tomograms/100/TS_sample.zarr";
		final LauncherHarness local = LauncherHarness.convert(sample.resolve(zarr).toString(), 1, tmp.resolve("local.mrc")
			.toString());
		assertEquals(0, local.code, local::toString);
		final LauncherProcess remote = cryoet("Convert CryoET Volume", "input='" + s3(zarr) + "',level=1,output='" + tmp
			.resolve("remote.mrc") + "'");
		assertEquals(0, remote.code, remote::toString);
		assertArrayEquals(Files.readAllBytes(tmp.resolve("local.mrc")), Files.readAllBytes(tmp.resolve("remote.mrc")));
	}

	@Test
	void aRemoteFolderThatIsNoPortalTreeIsOneLine() throws Exception {
		final LauncherProcess r = cryoet("Browse CryoET Data", "input='" + s3("TS_sample.zarr") + "'");
		assertEquals(1, r.code, r::toString);
		assertEquals(1, r.err.trim().split("\n").length, r::toString);
		assertTrue(r.err.contains(s3("TS_sample.zarr") + ": not a CryoET Data Portal layout"), r::toString);
		final LauncherProcess missing = cryoet("Browse CryoET Data", "input='" + s3("portal/nothing") + "'");
		assertEquals(1, missing.code, missing::toString);
		assertTrue(missing.err.contains(s3("portal/nothing") + ": not found"), missing::toString);
	}

	/** Over a web server (no listing) with faults: files by their URLs give the local results. */
	@Test
	void validateImportConvertOverHttpWithFaults(@TempDir final Path tmp) throws Exception {
		try (TreeHttpServer server = new TreeHttpServer(sample)) {
			final String base = server.url() + (server.url().endsWith("/") ? "" : "/");
			server.script(TreeHttpServer.Fault.E503, TreeHttpServer.Fault.DROP, TreeHttpServer.Fault.E500);
			final String meta = VS + "/Annotations/100/ribosome-1.0.json";
			final LauncherHarness v = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" + base +
				meta + "'");
			assertEquals(0, v.code, v::toString);
			assertTrue(v.out.startsWith(base + meta + ": valid annotation metadata under schema 2.0.0"), v::toString);

			server.script(TreeHttpServer.Fault.E503, TreeHttpServer.Fault.CUT_BODY);
			final String zarr = VS + "/Tomograms/100/TS_sample.zarr";
			final LauncherHarness local = LauncherHarness.convert(sample.resolve(zarr).toString(), 1, tmp.resolve(
				"local.mrc").toString());
			final LauncherHarness remote = LauncherHarness.convert(base + zarr, 1, tmp.resolve("remote.mrc").toString());
			assertEquals(0, local.code, local::toString);
			assertEquals(0, remote.code, remote::toString);
			assertArrayEquals(Files.readAllBytes(tmp.resolve("local.mrc")), Files.readAllBytes(tmp.resolve("remote.mrc")));

			server.script(TreeHttpServer.Fault.E429, TreeHttpServer.Fault.SHORT);
			final String points = VS + "/Annotations/101";
			final String ndjson = Files.list(sample.resolve(points)).filter(p -> p.toString().endsWith(".ndjson")).findFirst()
				.get().getFileName().toString();
			final LauncherHarness impLocal = LauncherHarness.run("--headless", "--run", "Import CryoET Points", "input='" +
				sample.resolve(points + "/" + ndjson) + "'");
			final LauncherHarness imp = LauncherHarness.run("--headless", "--run", "Import CryoET Points", "input='" + base +
				points + "/" + ndjson + "',image='" + base + zarr + "'");
			assertEquals(0, impLocal.code, impLocal::toString);
			assertEquals(0, imp.code, imp::toString);
			assertEquals(impLocal.out.replace(sample.toString() + "/", ""), imp.out.replace(base, ""));

			// the same annotation through its metadata JSON: the point files are found by their names
			final LauncherHarness byMeta = LauncherHarness.run("--headless", "--run", "Import CryoET Points", "input='" +
				base + points + "/" + ndjson.substring(0, ndjson.lastIndexOf('_')) + ".json',image='" + base + zarr + "'");
			assertEquals(0, byMeta.code, byMeta::toString);
			assertEquals(imp.out, byMeta.out);

			server.always(TreeHttpServer.Fault.E503);
			final LauncherHarness down = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata", "input='" +
				base + meta + "'");
			assertEquals(1, down.code, down::toString);
			assertEquals(1, down.err.trim().split("\n").length, down::toString);
			assertTrue(down.err.contains(base + meta) && down.err.contains("503"), down::toString);
		}
	}
}

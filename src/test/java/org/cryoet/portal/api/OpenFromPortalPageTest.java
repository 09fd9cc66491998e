package org.cryoet.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.cryoet.cli.LauncherHarness;
import org.cryoet.sample.SamplePortalRun;
import org.cryoet.testutil.Sample;
import org.cryoet.testutil.TreeHttpServer;
import org.cryoet.testutil.graphql.PortalGraphQLServer;
import org.cryoet.testutil.graphql.PortalTables;
import org.cryoet.testutil.graphql.TreeRows;
import org.junit.jupiter.api.Test;

/**
 * A portal run page given to Open CryoET Tomogram: one API request finds the
 * run's default tomogram, which then opens over HTTP from a file server on
 * loopback holding the sample, exactly as the local copy.
 */
class OpenFromPortalPageTest {

	@Test
	void aRunPageOpensItsDefaultTomogramOverHttp() throws Exception {
		PortalGraphQLServer.schemaFile(); // skips, saying why, where ../shared is absent
		final Path bucket = Sample.dir().resolve(SamplePortalRun.root(false));
		try (TreeHttpServer files = new TreeHttpServer(bucket)) {
			final PortalTables tables = new PortalTables();
			TreeRows.addServedFrom(tables, bucket, files.url().endsWith("/") ? files.url() : files.url() + "/",
				SamplePortalRun.DATASET);
			try (PortalGraphQLServer api = new PortalGraphQLServer(tables.freeze())) {
				System.setProperty(PortalEndpoint.PROPERTY, api.endpoint().toString());
				final int run = (Integer) tables.all("Run").stream().filter(r -> r.get("name").equals(SamplePortalRun.RUN))
					.findFirst().orElseThrow().get("id");
				final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram",
					"input='https://cryoetdataportal.czscience.com/runs/" + run + "',level=1,viewer=none");
				assertEquals(0, r.code, r::toString);
				assertEquals("opened 80001/TS_sample/100@1: level 1 of 3, 56 x 64 x 36 (x, y, z), float32, voxel 26.96 x " +
					"26.96 x 26.96 \u00c5, (not shown)", r.out.trim());
				assertTrue(files.requests() > 0, "the tomogram was not read over HTTP");
			}
			finally {
				System.clearProperty(PortalEndpoint.PROPERTY);
			}
		}
	}

	/**
	 * Every command's input takes a run page (and Validate a dataset page),
	 * reading what the page stands for over HTTP, with the local results.
	 */
	@Test
	void everyCommandTakesAPortalPage(@org.junit.jupiter.api.io.TempDir final Path tmp) throws Exception {
		PortalGraphQLServer.schemaFile();
		final Path sample = Sample.dir();
		final Path bucket = sample.resolve(SamplePortalRun.root(false));
		try (TreeHttpServer files = new TreeHttpServer(bucket)) {
			final String base = files.url().endsWith("/") ? files.url() : files.url() + "/";
			final PortalTables tables = new PortalTables();
			TreeRows.addServedFrom(tables, bucket, base, SamplePortalRun.DATASET);
			try (PortalGraphQLServer api = new PortalGraphQLServer(tables.freeze())) {
				System.setProperty(PortalEndpoint.PROPERTY, api.endpoint().toString());
				final int run = (Integer) tables.all("Run").stream().filter(r -> r.get("name").equals(SamplePortalRun.RUN))
					.findFirst().orElseThrow().get("id");
				final String page = "https://cryoetdataportal.czscience.com/runs/" + run;
				final Path runFolder = SamplePortalRun.runFolder(sample, false);

				final LauncherHarness ts = LauncherHarness.run("--headless", "--run", "Open CryoET Tilt Series", "input='" +
					page + "',viewer=none");
				final LauncherHarness tsLocal = LauncherHarness.run("--headless", "--run", "Open CryoET Tilt Series",
					"input='" + runFolder + "',viewer=none");
				assertEquals(0, ts.code, ts::toString);
				assertEquals(tsLocal.out, ts.out);

				// the tomogram with the masks made on it, as from the local run folder
				final LauncherHarness withMasks = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram",
					"input='" + page + "',level=1,viewer=none,masks=true");
				final LauncherHarness withMasksLocal = LauncherHarness.run("--headless", "--run", "Open CryoET Tomogram",
					"input='" + runFolder + "',level=1,viewer=none,masks=true");
				assertEquals(0, withMasks.code, withMasks::toString);
				assertEquals(3, withMasks.out.trim().split("\n").length, withMasks::toString);
				assertEquals(withMasksLocal.out.split("\n")[0], withMasks.out.split("\n")[0]);

				// the sample run has two masks on its tomogram: one line names both
				final LauncherHarness mask = LauncherHarness.run("--headless", "--run", "Open CryoET Segmentation Mask",
					"input='" + page + "',viewer=none");
				assertEquals(1, mask.code, mask::toString);
				assertEquals(1, mask.err.trim().split("\n").length, mask::toString);
				assertTrue(mask.err.contains("has 2 segmentation masks; give one's URL: " + base) && mask.err.contains(
					"membrane-1.0_segmentationmask.zarr") && mask.err.contains("vesicle-1.0_instancesegmentationmask.zarr"),
					mask::toString);

				final LauncherHarness imp = LauncherHarness.run("--headless", "--run", "Import CryoET Points", "input='" +
					page + "'");
				final LauncherHarness impLocal = LauncherHarness.run("--headless", "--run", "Import CryoET Points",
					"input='" + runFolder + "'");
				assertEquals(0, imp.code, imp::toString);
				assertEquals(0, impLocal.code, impLocal::toString);
				assertEquals(impLocal.out.replace(bucket + "/", ""), imp.out.replace(base, ""));
				assertEquals(3, imp.out.split("points? from ").length - 1, imp.out);

				final LauncherHarness conv = LauncherHarness.convert(page, 1, tmp.resolve("page.mrc").toString());
				final LauncherHarness convLocal = LauncherHarness.convert(runFolder.resolve(
					"Reconstructions/VoxelSpacing13.480/Tomograms/100/TS_sample.zarr").toString(), 1, tmp.resolve("local.mrc")
						.toString());
				assertEquals(0, conv.code, conv::toString);
				assertEquals(0, convLocal.code, convLocal::toString);
				org.junit.jupiter.api.Assertions.assertArrayEquals(java.nio.file.Files.readAllBytes(tmp.resolve("local.mrc")),
					java.nio.file.Files.readAllBytes(tmp.resolve("page.mrc")));

				final LauncherHarness runMeta = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata",
					"input='" + page + "'");
				assertEquals(0, runMeta.code, runMeta::toString);
				assertTrue(runMeta.out.startsWith(base + "80001/TS_sample/run_metadata.json: valid run metadata"), runMeta
					::toString);
				final LauncherHarness dsMeta = LauncherHarness.run("--headless", "--run", "Validate CryoET Metadata",
					"input='https://cryoetdataportal.czscience.com/datasets/" + SamplePortalRun.DATASET + "'");
				assertEquals(0, dsMeta.code, dsMeta::toString);
				assertTrue(dsMeta.out.startsWith(base + "80001/dataset_metadata.json: valid dataset metadata"), dsMeta
					::toString);
			}
			finally {
				System.clearProperty(PortalEndpoint.PROPERTY);
			}
		}
	}
}

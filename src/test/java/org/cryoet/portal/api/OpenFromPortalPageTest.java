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
}

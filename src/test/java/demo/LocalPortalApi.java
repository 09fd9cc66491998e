package demo;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.testutil.OwnPortalTree;
import org.cryoet.testutil.graphql.PortalGraphQLServer;
import org.cryoet.testutil.graphql.PortalTables;
import org.cryoet.testutil.graphql.SyntheticRows;
import org.cryoet.testutil.graphql.TreeRows;

/**
 * A portal API on this machine, to try the portal commands offline: the
 * tests' GraphQL server holding the project's own tree (dataset 70001), the
 * shared fixture tree (90001, when ../shared is there), the sample run (80001)
 * and a synthetic dataset of 500 runs (80002). Prints the endpoint to give as
 * {@code CRYOET_PORTAL_GRAPHQL}, then serves until killed. The files of 70001
 * and of the sample's run (80001) are served over HTTP on loopback too, so the
 * open commands can open what the API lists.
 */
public final class LocalPortalApi {

	private LocalPortalApi() {}

	public static void main(final String[] args) throws Exception {
		try {
			serve(args);
		}
		catch (final org.opentest4j.TestAbortedException e) {
			// The tests' server reads the portal's schema from ../shared, which only the team's workspace has.
			System.err.println("LocalPortalApi: " + e.getMessage());
			System.exit(1);
		}
	}

	private static void serve(final String[] args) throws Exception {
		final Path tmp = Files.createTempDirectory("cryoet-portal-demo");
		OwnPortalTree.write(tmp, false);
		final PortalTables tables = new PortalTables();
		// The files too are served here, so that opening what the API lists works offline.
		final org.cryoet.testutil.TreeHttpServer files = new org.cryoet.testutil.TreeHttpServer(tmp);
		TreeRows.addServedFrom(tables, tmp, files.url().endsWith("/") ? files.url() : files.url() + "/",
			OwnPortalTree.DATASET);
		final Path sample = org.cryoet.testutil.Sample.dir().resolve(org.cryoet.sample.SamplePortalRun.root(false));
		final org.cryoet.testutil.TreeHttpServer sampleFiles = new org.cryoet.testutil.TreeHttpServer(sample);
		TreeRows.addServedFrom(tables, sample, sampleFiles.url().endsWith("/") ? sampleFiles.url() : sampleFiles.url() +
			"/", org.cryoet.sample.SamplePortalRun.DATASET);
		final Path fixtures = Path.of("../shared/fixtures/portal_new_layout");
		if (Files.isDirectory(fixtures.resolve("90001"))) TreeRows.add(tables, fixtures, "90001");
		SyntheticRows.add(tables, 80002, 500, 0);
		final PortalGraphQLServer server = new PortalGraphQLServer(tables.freeze());
		if (args.length > 0) server.latency(Long.parseLong(args[0]));
		System.out.println(server.endpoint());
		for (final java.util.Map<String, Object> r : tables.all("Run"))
			if (r.get("name").equals(OwnPortalTree.RUN) || r.get("name").equals(org.cryoet.sample.SamplePortalRun.RUN))
				System.out.println("run " + r.get("name") + " has id " + r.get("id"));
		Thread.currentThread().join();
	}
}

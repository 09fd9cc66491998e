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
 * shared fixture tree (90001, when ../shared is there) and a synthetic
 * dataset of 500 runs (80001). Prints the endpoint to give as
 * {@code CRYOET_PORTAL_GRAPHQL}, then serves until killed.
 */
public final class LocalPortalApi {

	private LocalPortalApi() {}

	public static void main(final String[] args) throws Exception {
		final Path tmp = Files.createTempDirectory("cryoet-portal-demo");
		OwnPortalTree.write(tmp, false);
		final PortalTables tables = new PortalTables();
		TreeRows.add(tables, tmp, OwnPortalTree.DATASET);
		final Path fixtures = Path.of("../shared/fixtures/portal_new_layout");
		if (Files.isDirectory(fixtures.resolve("90001"))) TreeRows.add(tables, fixtures, "90001");
		SyntheticRows.add(tables, 80001, 500, 0);
		final PortalGraphQLServer server = new PortalGraphQLServer(tables.freeze());
		if (args.length > 0) server.latency(Long.parseLong(args[0]));
		System.out.println(server.endpoint());
		for (final java.util.Map<String, Object> r : tables.all("Run"))
			if (r.get("name").equals(OwnPortalTree.RUN)) System.out.println("run " + r.get("name") + " has id " + r.get("id"));
		Thread.currentThread().join();
	}
}

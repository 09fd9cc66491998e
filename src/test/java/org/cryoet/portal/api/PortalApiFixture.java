package org.cryoet.portal.api;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.OwnPortalTree;
import org.cryoet.testutil.graphql.PortalGraphQLServer;
import org.cryoet.testutil.graphql.PortalTables;
import org.cryoet.testutil.graphql.SyntheticRows;
import org.cryoet.testutil.graphql.TreeRows;

/**
 * A test server holding three datasets: our own tree (70001, current layout),
 * the shared fixture tree (90001, when present) and a synthetic dataset of
 * 500 runs (80001) whose first run has 152 annotations.
 */
final class PortalApiFixture implements AutoCloseable {

	static final int OWN = 70001, FIXTURE = 90001, BIG = 80001, BIG_RUNS = 500, EXTRA_ANNOTATIONS = 150;

	final Path ownRoot;
	final Path fixtureRoot;
	final PortalTables tables = new PortalTables();
	final PortalGraphQLServer server;

	PortalApiFixture(final Path tmp) throws IOException {
		PortalGraphQLServer.schemaFile();
		ownRoot = tmp.resolve("bucket");
		OwnPortalTree.write(ownRoot, false);
		TreeRows.add(tables, ownRoot, OwnPortalTree.DATASET);
		final Path f = Fixtures.shared().resolve("fixtures/portal_new_layout");
		fixtureRoot = Files.isDirectory(f.resolve("90001")) ? f : null;
		if (fixtureRoot != null) TreeRows.add(tables, fixtureRoot, "90001");
		SyntheticRows.add(tables, BIG, BIG_RUNS, EXTRA_ANNOTATIONS);
		server = new PortalGraphQLServer(tables.freeze());
	}

	GraphQLHttp http() {
		return new GraphQLHttp(server.endpoint(), new RetryPolicy(4, 5, 50), null, Duration.ofSeconds(30));
	}

	PortalClient client() {
		return new PortalClient(http());
	}

	/** The id the server gave a run of a dataset. */
	int runId(final int datasetId, final String name) {
		return (Integer) tables.all("Run").stream().filter(r -> r.get("datasetId").equals(datasetId) && r.get("name")
			.equals(name)).findFirst().orElseThrow().get("id");
	}

	@Override
	public void close() {
		server.close();
	}
}

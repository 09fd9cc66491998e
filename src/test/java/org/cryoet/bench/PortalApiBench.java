package org.cryoet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.cryoet.portal.api.GraphQLHttp;
import org.cryoet.portal.api.PortalApiException;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalDataset;
import org.cryoet.portal.api.PortalRun;
import org.cryoet.portal.api.ResponseCache;
import org.cryoet.portal.api.RetryPolicy;
import org.cryoet.testutil.graphql.PortalGraphQLServer;
import org.cryoet.testutil.graphql.PortalTables;
import org.cryoet.testutil.graphql.SyntheticRows;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The portal client against the loopback GraphQL server with an added
 * latency per request ({@code bench.portal.latency}, 100 ms), for a dataset
 * of 500 runs: listing its runs with their tomograms (pages of 100), and one
 * run's whole tree; and the listing answered from the response cache, which
 * is the client's own share (the rest is the test server's work and latency).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PortalApiBench {

	static final int DATASET = 80001, RUNS = 500, PAGE = 100;

	PortalGraphQLServer server;
	PortalClient client;
	/** Answered from a filled response cache: the client's own work (reading, parsing, building the model). */
	PortalClient cachedClient;
	Path cacheDir;
	int runId;

	/** A server holding the 500-run dataset, its latency set. */
	static PortalGraphQLServer server(final PortalTables tables, final long latency) throws IOException {
		SyntheticRows.add(tables, DATASET, RUNS, 0);
		final PortalGraphQLServer s = new PortalGraphQLServer(tables.freeze());
		s.latency(latency);
		return s;
	}

	static PortalClient client(final PortalGraphQLServer s) {
		return new PortalClient(new GraphQLHttp(s.endpoint(), new RetryPolicy(1, 0, 0), null, Duration.ofMinutes(2)));
	}

	@Setup(Level.Trial)
	public void setUp() throws IOException {
		final PortalTables tables = new PortalTables();
		server = server(tables, Long.getLong("bench.portal.latency", 100));
		client = client(server);
		runId = (Integer) tables.all("Run").stream().filter(r -> r.get("name").equals("run_0250")).findFirst()
			.orElseThrow().get("id");
		cacheDir = Files.createTempDirectory("cryoet-bench-cache");
		cachedClient = new PortalClient(new GraphQLHttp(server.endpoint(), new RetryPolicy(1, 0, 0), new ResponseCache(
			cacheDir, Duration.ofDays(1)), Duration.ofMinutes(2)));
		cachedClient.listRuns(DATASET, PAGE);
	}

	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		server.close();
		try (java.util.stream.Stream<Path> files = Files.list(cacheDir)) {
			for (final Path f : (Iterable<Path>) files::iterator)
				Files.delete(f);
		}
		Files.delete(cacheDir);
	}

	@Benchmark
	public List<PortalRun> portal_list_dataset() throws PortalApiException {
		return client.listRuns(DATASET, PAGE);
	}

	@Benchmark
	public List<PortalRun> portal_list_dataset_client() throws PortalApiException {
		return cachedClient.listRuns(DATASET, PAGE);
	}

	@Benchmark
	public PortalDataset portal_run_tree() throws PortalApiException {
		return client.runTree(runId);
	}
}

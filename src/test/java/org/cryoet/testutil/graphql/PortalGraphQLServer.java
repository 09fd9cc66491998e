package org.cryoet.testutil.graphql;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.cryoet.testutil.Fixtures;

/**
 * The portal's GraphQL API on loopback: graphql-java serving the portal's own
 * schema ({@code ../shared/portal/graphql/schema.graphql}, unmodified) from
 * {@link PortalTables}, over {@code com.sun.net.httpserver} with 4 workers
 * (as the real server has). Counts requests, and injects faults on demand:
 * added latency, HTTP errors for the next n requests, dropped connections.
 */
public final class PortalGraphQLServer implements AutoCloseable {

	private static final Gson GSON = new GsonBuilder().serializeNulls().create();

	private final GraphQL graphql;
	private final HttpServer server;
	private final ExecutorService workers = Executors.newFixedThreadPool(4);
	private final AtomicLong requests = new AtomicLong();
	private final List<String> operations = Collections.synchronizedList(new ArrayList<>());
	private volatile long latencyMillis;
	private final AtomicInteger failuresLeft = new AtomicInteger();
	private volatile int failureStatus = 503;
	private final AtomicInteger dropsLeft = new AtomicInteger();

	/** The portal's schema, or a skip saying why it is absent. */
	public static Path schemaFile() {
		final Path p = Fixtures.shared().resolve("portal/graphql/schema.graphql");
		assumeTrue(Files.isRegularFile(p), "no ../shared/portal/graphql/schema.graphql next to the project " +
			"(the portal's GraphQL schema exists only in the team's workspace)");
		return p;
	}

	public PortalGraphQLServer(final PortalTables tables) throws IOException {
		final String sdl = new String(Files.readAllBytes(schemaFile()), StandardCharsets.UTF_8);
		final RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring().wiringFactory(new PortalFetchers(tables)).scalar(
			passThrough("GlobalID")).scalar(passThrough("DateTime")).build();
		final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
		graphql = GraphQL.newGraphQL(schema).build();
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/graphql", this::handle);
		server.setExecutor(workers);
		server.start();
	}

	private static GraphQLScalarType passThrough(final String name) {
		return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, Object>() {

			@Override
			@SuppressWarnings("deprecation")
			public Object serialize(final Object o) {
				return o.toString();
			}

			@Override
			@SuppressWarnings("deprecation")
			public Object parseValue(final Object o) {
				return o;
			}

			@Override
			@SuppressWarnings("deprecation")
			public Object parseLiteral(final Object o) {
				return o instanceof graphql.language.StringValue ? ((graphql.language.StringValue) o).getValue() : o;
			}
		}).build();
	}

	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/graphql");
	}

	public long requests() {
		return requests.get();
	}

	/** Operation names of the requests that reached GraphQL, in order. */
	public List<String> operations() {
		synchronized (operations) {
			return new ArrayList<>(operations);
		}
	}

	public void resetCounts() {
		requests.set(0);
		operations.clear();
	}

	public void latency(final long millis) {
		latencyMillis = millis;
	}

	/** The next {@code n} requests answer {@code status} (e.g. 502, 503). */
	public void fail(final int n, final int status) {
		failureStatus = status;
		failuresLeft.set(n);
	}

	/** The next {@code n} requests have their connection closed without an answer. */
	public void drop(final int n) {
		dropsLeft.set(n);
	}

	private void handle(final HttpExchange ex) throws IOException {
		try {
			requests.incrementAndGet();
			if (latencyMillis > 0) Thread.sleep(latencyMillis);
			if (dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				ex.getResponseBody().close();
				ex.close();
				return;
			}
			if (failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
				respond(ex, failureStatus, "<html>gateway error</html>", "text/html");
				return;
			}
			if (!"POST".equals(ex.getRequestMethod())) {
				respond(ex, 405, "{\"errors\":[{\"message\":\"POST only\"}]}", "application/json");
				return;
			}
			final JsonObject body = JsonParser.parseString(new String(ex.getRequestBody().readAllBytes(),
				StandardCharsets.UTF_8)).getAsJsonObject();
			final String op = body.has("operationName") && !body.get("operationName").isJsonNull() ? body.get(
				"operationName").getAsString() : null;
			operations.add(op);
			final Map<String, Object> vars = body.has("variables") && body.get("variables").isJsonObject() ? GSON.fromJson(
				body.get("variables"), new TypeToken<Map<String, Object>>() {}.getType()) : Collections.emptyMap();
			final ExecutionResult r = graphql.execute(ExecutionInput.newExecutionInput().query(body.get("query")
				.getAsString()).operationName(op).variables(integral(vars)).build());
			respond(ex, 200, GSON.toJson(r.toSpecification()), "application/json");
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (final RuntimeException e) {
			final Map<String, Object> error = Collections.singletonMap("message", String.valueOf(e));
			respond(ex, 500, GSON.toJson(Collections.singletonMap("errors", Collections.singletonList(error))),
				"application/json");
		}
	}

	/** gson reads every JSON number as a double; GraphQL's Int wants whole numbers as integers. */
	@SuppressWarnings("unchecked")
	private static Map<String, Object> integral(final Map<String, Object> m) {
		final Map<String, Object> out = new java.util.LinkedHashMap<>();
		m.forEach((k, v) -> out.put(k, integralValue(v)));
		return out;
	}

	@SuppressWarnings("unchecked")
	private static Object integralValue(final Object v) {
		if (v instanceof Double && ((Double) v) == Math.rint((Double) v) && Math.abs((Double) v) < Integer.MAX_VALUE)
			return ((Double) v).intValue();
		if (v instanceof Map) return integral((Map<String, Object>) v);
		if (v instanceof List) {
			final List<Object> l = new ArrayList<>();
			for (final Object x : (List<Object>) v)
				l.add(integralValue(x));
			return l;
		}
		return v;
	}

	private static void respond(final HttpExchange ex, final int status, final String body, final String type)
		throws IOException
	{
		final byte[] b = body.getBytes(StandardCharsets.UTF_8);
		ex.getResponseHeaders().set("Content-Type", type);
		ex.sendResponseHeaders(status, b.length);
		try (OutputStream o = ex.getResponseBody()) {
			o.write(b);
		}
	}

	@Override
	public void close() {
		server.stop(0);
		workers.shutdownNow();
	}
}

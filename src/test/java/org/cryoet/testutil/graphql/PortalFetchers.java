package org.cryoet.testutil.graphql;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.SelectedField;
import graphql.schema.TypeResolver;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.InterfaceWiringEnvironment;
import graphql.schema.idl.WiringFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One generic data fetcher for every field of the portal's schema, copying
 * the real server's semantics: root lists with {@code where}, {@code orderBy}
 * (no default order) and {@code limitOffset} (offset without limit is an
 * error); nested lists as Relay connections capped at 100 ({@code first > 100}
 * is an error; {@code arrayconnection:<i>} cursors); {@code xAggregate} counts
 * and groupBy.
 */
final class PortalFetchers implements WiringFactory {

	static final int CAP = 100;

	private final PortalTables tables;

	PortalFetchers(final PortalTables tables) {
		this.tables = tables;
	}

	@Override
	public boolean providesTypeResolver(final InterfaceWiringEnvironment environment) {
		return true;
	}

	@Override
	public TypeResolver getTypeResolver(final InterfaceWiringEnvironment environment) {
		return env -> env.getSchema().getObjectType((String) row(env.getObject()).get("__typename"));
	}

	@Override
	public DataFetcher<?> getDefaultDataFetcher(final FieldWiringEnvironment environment) {
		final String parent = environment.getParentType().getName();
		final String field = environment.getFieldDefinition().getName();
		if (parent.equals("Query")) return field.endsWith("Aggregate") ? this::rootAggregate : this::rootList;
		if (field.equals("_id")) return env -> Base64.getEncoder().encodeToString((parent + ":" + row(env.getSource()).get(
			"id")).getBytes(StandardCharsets.UTF_8));
		return env -> {
			final Object source = env.getSource();
			if (!(source instanceof Map) || !((Map<?, ?>) source).containsKey("__typename")) return source instanceof Map
				? ((Map<?, ?>) source).get(env.getField().getName()) : null;
			final GraphQLFieldDefinition f = env.getFieldDefinition();
			switch (WhereClause.kind(f)) {
				case CONNECTION:
					return connection(env, parent);
				case OBJECT: {
					final String target = WhereClause.target(f);
					final Map<String, Object> r = where(env).related(row(source), f.getName(), target);
					return r != null && where(env).matches(target, r, arg(env, "where")) ? r : null;
				}
				case AGGREGATE: {
					final String target = WhereClause.target(f);
					final Map<String, Object> w = arg(env, "where");
					return aggregate(env, where(env).children(parent, row(source), target).stream().filter(c -> where(env)
						.matches(target, c, w)).collect(Collectors.toList()));
				}
				default:
					return row(source).get(f.getName());
			}
		};
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> row(final Object o) {
		return (Map<String, Object>) o;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> arg(final DataFetchingEnvironment env, final String name) {
		return (Map<String, Object>) env.getArgument(name);
	}

	private WhereClause where(final DataFetchingEnvironment env) {
		return new WhereClause(env.getGraphQLSchema(), tables);
	}

	private static String elementType(final DataFetchingEnvironment env) {
		return ((GraphQLObjectType) GraphQLTypeUtil.unwrapAll(env.getFieldDefinition().getType())).getName();
	}

	private List<Map<String, Object>> filtered(final DataFetchingEnvironment env, final String type,
		final List<Map<String, Object>> candidates)
	{
		final Map<String, Object> w = arg(env, "where");
		final WhereClause wc = where(env);
		final List<Map<String, Object>> out = new ArrayList<>();
		for (final Map<String, Object> r : candidates)
			if (wc.matches(type, r, w)) out.add(r);
		final List<Map<String, Object>> orderBy = env.getArgument("orderBy");
		if (orderBy != null && !orderBy.isEmpty()) out.sort(comparator(env, type, orderBy));
		return out;
	}

	private Object rootList(final DataFetchingEnvironment env) {
		final String type = elementType(env);
		final Map<String, Object> lo = arg(env, "limitOffset");
		final Integer limit = lo == null ? null : (Integer) lo.get("limit");
		final Integer offset = lo == null ? null : (Integer) lo.get("offset");
		if (offset != null && limit == null) throw new IllegalArgumentException("Cannot use offset without limit");
		final List<Map<String, Object>> all = filtered(env, type, tables.all(type));
		final int from = Math.min(all.size(), offset == null ? 0 : offset);
		final int to = limit == null ? all.size() : Math.min(all.size(), from + limit);
		return new ArrayList<>(all.subList(from, to));
	}

	private Object rootAggregate(final DataFetchingEnvironment env) {
		final String n = elementType(env);
		final String type = n.substring(0, n.length() - "Aggregate".length());
		return aggregate(env, filtered(env, type, tables.all(type)));
	}

	/** {@code {aggregate: [{count, groupBy}]}}: one entry, or one per group when groupBy is asked for. */
	private static Map<String, Object> aggregate(final DataFetchingEnvironment env,
		final List<Map<String, Object>> rows)
	{
		final List<Map<String, Object>> entries = new ArrayList<>();
		final List<SelectedField> groupBy = env.getSelectionSet().getFields("aggregate/groupBy/*");
		if (groupBy.isEmpty()) {
			final Map<String, Object> e = new LinkedHashMap<>();
			e.put("count", rows.size());
			entries.add(e);
		}
		else {
			final Map<List<Object>, Integer> counts = new LinkedHashMap<>();
			for (final Map<String, Object> r : rows) {
				final List<Object> key = new ArrayList<>();
				for (final SelectedField g : groupBy)
					key.add(r.get(g.getName()));
				counts.merge(key, 1, Integer::sum);
			}
			counts.forEach((key, count) -> {
				final Map<String, Object> g = new LinkedHashMap<>();
				for (int i = 0; i < groupBy.size(); i++)
					g.put(groupBy.get(i).getName(), key.get(i));
				final Map<String, Object> e = new LinkedHashMap<>();
				e.put("count", count);
				e.put("groupBy", g);
				entries.add(e);
			});
		}
		final Map<String, Object> out = new LinkedHashMap<>();
		out.put("aggregate", entries);
		return out;
	}

	private Object connection(final DataFetchingEnvironment env, final String parentType) {
		final String child = WhereClause.target(env.getFieldDefinition());
		final List<Map<String, Object>> rows = filtered(env, child, where(env).children(parentType, row(env.getSource()),
			child));
		final Integer first = env.getArgument("first");
		final String after = env.getArgument("after");
		if (env.getArgument("last") != null || env.getArgument("before") != null)
			throw new IllegalArgumentException("this test server does not page backwards");
		if (first != null && first > CAP) throw new IllegalArgumentException("Argument 'first' cannot be higher than " +
			CAP + ".");
		if (first != null && first < 0) throw new IllegalArgumentException("Argument 'first' must be a non-negative integer.");
		final int start = after == null ? 0 : cursorIndex(after) + 1;
		final int count = first == null ? CAP : first;
		final int end = Math.min(rows.size(), start + count);
		final List<Map<String, Object>> edges = new ArrayList<>();
		for (int i = start; i < end; i++) {
			final Map<String, Object> e = new LinkedHashMap<>();
			e.put("node", rows.get(i));
			e.put("cursor", cursor(i));
			edges.add(e);
		}
		final Map<String, Object> page = new LinkedHashMap<>();
		page.put("hasNextPage", end < rows.size());
		page.put("hasPreviousPage", start > 0);
		page.put("startCursor", edges.isEmpty() ? null : cursor(start));
		page.put("endCursor", edges.isEmpty() ? null : cursor(end - 1));
		final Map<String, Object> conn = new LinkedHashMap<>();
		conn.put("edges", edges);
		conn.put("pageInfo", page);
		return conn;
	}

	static String cursor(final int i) {
		return Base64.getEncoder().encodeToString(("arrayconnection:" + i).getBytes(StandardCharsets.UTF_8));
	}

	private static int cursorIndex(final String cursor) {
		final String s = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
		if (!s.startsWith("arrayconnection:")) throw new IllegalArgumentException("Argument 'after' is not a valid cursor.");
		return Integer.parseInt(s.substring("arrayconnection:".length()));
	}

	/** orderBy: a list of one-key objects, {@code field: asc|desc[_nulls_first|_last]}, possibly through a relation. */
	@SuppressWarnings("unchecked")
	private Comparator<Map<String, Object>> comparator(final DataFetchingEnvironment env, final String type,
		final List<Map<String, Object>> orderBy)
	{
		Comparator<Map<String, Object>> c = (a, b) -> 0;
		for (final Map<String, Object> clause : orderBy)
			for (final Map.Entry<String, Object> e : clause.entrySet()) {
				final String field = e.getKey();
				if (e.getValue() instanceof Map) {
					final String target = WhereClause.target(env.getGraphQLSchema().getObjectType(type).getFieldDefinition(
						field));
					final Comparator<Map<String, Object>> inner = comparator(env, target, java.util.Collections.singletonList(
						(Map<String, Object>) e.getValue()));
					c = c.thenComparing((a, b) -> {
						final Map<String, Object> ra = where(env).related(a, field, target), rb = where(env).related(b, field,
							target);
						if (ra == null || rb == null) return ra == rb ? 0 : ra == null ? 1 : -1;
						return inner.compare(ra, rb);
					});
					continue;
				}
				final String dir = e.getValue().toString();
				final boolean desc = dir.startsWith("desc");
				// Postgres: NULLS LAST for asc, NULLS FIRST for desc, unless told
				final boolean nullsFirst = dir.endsWith("nulls_first") || desc && !dir.endsWith("nulls_last");
				c = c.thenComparing((a, b) -> {
					final Object x = a.get(field), y = b.get(field);
					if (x == null || y == null) return x == y ? 0 : (x == null) == nullsFirst ? -1 : 1;
					final int o = WhereClause.order(x, y);
					return desc ? -o : o;
				});
			}
		return c;
	}
}

package org.cryoet.testutil.graphql;

import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates a GraphQL {@code where} argument on a row the way the portal's
 * server does: scalar comparators, relations as EXISTS, {@code xAggregate}
 * counts with a predicate, all keys ANDed, at most 5 levels deep.
 */
final class WhereClause {

	static final int MAX_DEPTH = 5;

	private final GraphQLSchema schema;
	private final PortalTables tables;

	WhereClause(final GraphQLSchema schema, final PortalTables tables) {
		this.schema = schema;
		this.tables = tables;
	}

	/** What a field of a type is: a plain value, a list of children, one related row, or a count of children. */
	enum FieldKind {
		SCALAR, CONNECTION, OBJECT, AGGREGATE
	}

	static FieldKind kind(final GraphQLFieldDefinition f) {
		final GraphQLType t = GraphQLTypeUtil.unwrapAll(f.getType());
		if (!(t instanceof GraphQLObjectType)) return FieldKind.SCALAR;
		final String n = ((GraphQLObjectType) t).getName();
		if (n.endsWith("Connection")) return FieldKind.CONNECTION;
		if (n.endsWith("Aggregate")) return FieldKind.AGGREGATE;
		return FieldKind.OBJECT;
	}

	/** The entity type a relation field leads to. */
	static String target(final GraphQLFieldDefinition f) {
		final String n = ((GraphQLObjectType) GraphQLTypeUtil.unwrapAll(f.getType())).getName();
		if (n.endsWith("Connection")) return n.substring(0, n.length() - "Connection".length());
		if (n.endsWith("Aggregate")) return n.substring(0, n.length() - "Aggregate".length());
		return n;
	}

	static String lcfirst(final String s) {
		return Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}

	/** The children of a row through a list relation: {@code child.<parentType>Id == parent.id}. */
	List<Map<String, Object>> children(final String parentType, final Map<String, Object> parent,
		final String childType)
	{
		return tables.where(childType, lcfirst(parentType) + "Id", parent.get("id"));
	}

	/** The row a single-object relation points at: {@code parent.<field>Id == child.id}. */
	Map<String, Object> related(final Map<String, Object> parent, final String field, final String childType) {
		final Object fk = parent.get(field + "Id");
		if (fk == null) return null;
		final List<Map<String, Object>> l = tables.where(childType, "id", fk);
		return l.isEmpty() ? null : l.get(0);
	}

	boolean matches(final String type, final Map<String, Object> row, final Map<String, Object> where) {
		return matches(type, row, where, 1);
	}

	@SuppressWarnings("unchecked")
	private boolean matches(final String type, final Map<String, Object> row, final Map<String, Object> where,
		final int depth)
	{
		if (where == null) return true;
		if (depth > MAX_DEPTH) throw new IllegalArgumentException("Max filter depth exceeded");
		final GraphQLObjectType t = schema.getObjectType(type);
		for (final Map.Entry<String, Object> e : where.entrySet()) {
			if (e.getValue() == null) continue;
			final GraphQLFieldDefinition f = t.getFieldDefinition(e.getKey());
			if (f == null) throw new IllegalArgumentException("unknown filter field " + type + "." + e.getKey());
			final Map<String, Object> v = (Map<String, Object>) e.getValue();
			switch (kind(f)) {
				case SCALAR:
					if (!compare(row.get(e.getKey()), v)) return false;
					break;
				case CONNECTION: {
					final String child = target(f);
					if (children(type, row, child).stream().noneMatch(c -> matches(child, c, v, depth + 1))) return false;
					break;
				}
				case OBJECT: {
					final String child = target(f);
					final Map<String, Object> r = related(row, e.getKey(), child);
					if (r == null || !matches(child, r, v, depth + 1)) return false;
					break;
				}
				case AGGREGATE: {
					final String child = target(f);
					final Map<String, Object> count = (Map<String, Object>) v.get("count");
					if (count == null) break;
					final Map<String, Object> filter = (Map<String, Object>) count.get("filter");
					final long n = children(type, row, child).stream().filter(c -> matches(child, c, filter, depth + 1))
						.count();
					if (!compare(n, (Map<String, Object>) count.get("predicate"))) return false;
					break;
				}
			}
		}
		return true;
	}

	@SuppressWarnings("unchecked")
	static boolean compare(final Object value, final Map<String, Object> comparators) {
		if (comparators == null) return true;
		for (final Map.Entry<String, Object> c : comparators.entrySet()) {
			final Object x = c.getValue();
			final boolean ok;
			switch (c.getKey()) {
				case "_is_null":
					ok = x == null || ((Boolean) x) == (value == null);
					break;
				case "_eq":
					ok = value != null && order(value, x) == 0;
					break;
				case "_neq":
					ok = value != null && order(value, x) != 0;
					break;
				case "_gt":
					ok = value != null && order(value, x) > 0;
					break;
				case "_gte":
					ok = value != null && order(value, x) >= 0;
					break;
				case "_lt":
					ok = value != null && order(value, x) < 0;
					break;
				case "_lte":
					ok = value != null && order(value, x) <= 0;
					break;
				case "_in":
					ok = value != null && ((Collection<Object>) x).stream().anyMatch(i -> order(value, i) == 0);
					break;
				case "_nin":
					ok = value != null && ((Collection<Object>) x).stream().noneMatch(i -> order(value, i) == 0);
					break;
				case "_like":
					ok = value != null && like((String) x, false).matcher(value.toString()).matches();
					break;
				case "_ilike":
					ok = value != null && like((String) x, true).matcher(value.toString()).matches();
					break;
				case "_nlike":
					ok = value != null && !like((String) x, false).matcher(value.toString()).matches();
					break;
				case "_nilike":
					ok = value != null && !like((String) x, true).matcher(value.toString()).matches();
					break;
				case "_regex":
					ok = value != null && Pattern.compile((String) x).matcher(value.toString()).find();
					break;
				case "_iregex":
					ok = value != null && Pattern.compile((String) x, Pattern.CASE_INSENSITIVE).matcher(value.toString()).find();
					break;
				case "_nregex":
					ok = value != null && !Pattern.compile((String) x).matcher(value.toString()).find();
					break;
				case "_niregex":
					ok = value != null && !Pattern.compile((String) x, Pattern.CASE_INSENSITIVE).matcher(value.toString())
						.find();
					break;
				default:
					throw new IllegalArgumentException("unsupported comparator " + c.getKey());
			}
			if (!ok) return false;
		}
		return true;
	}

	/** SQL order of two values: numbers as numbers, everything else as text. */
	static int order(final Object a, final Object b) {
		if (a instanceof Number && b instanceof Number) return Double.compare(((Number) a).doubleValue(), ((Number) b)
			.doubleValue());
		if (a instanceof Boolean && b instanceof Boolean) return Boolean.compare((Boolean) a, (Boolean) b);
		return a.toString().compareTo(b.toString());
	}

	/** SQL LIKE as a regex: % any run, _ one character, backslash escapes the next character. */
	static Pattern like(final String pattern, final boolean ignoreCase) {
		final StringBuilder re = new StringBuilder();
		for (int i = 0; i < pattern.length(); i++) {
			final char ch = pattern.charAt(i);
			if (ch == '\\' && i + 1 < pattern.length()) re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
			else if (ch == '%') re.append(".*");
			else if (ch == '_') re.append('.');
			else re.append(Pattern.quote(String.valueOf(ch)));
		}
		return Pattern.compile(re.toString(), Pattern.DOTALL | (ignoreCase ? Pattern.CASE_INSENSITIVE |
			Pattern.UNICODE_CASE : 0));
	}
}

package org.cryoet.testutil.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The test server's database: rows (maps of the API's field names) per
 * entity type, with an index per foreign key built on first use. Rows are
 * kept in a shuffled order, because the real database has no default order
 * either: a client that does not ask for one gets whatever comes.
 */
public final class PortalTables {

	private final Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
	private final Map<String, Map<Object, List<Map<String, Object>>>> indexes = new ConcurrentHashMap<>();
	private final Map<String, Integer> nextId = new HashMap<>();
	private boolean frozen;

	/** Adds a row of a type; returns it for filling in. Its id is assigned unless given. */
	public Map<String, Object> add(final String type, final Object... keyValues) {
		if (frozen) throw new IllegalStateException("tables are frozen");
		final Map<String, Object> r = new LinkedHashMap<>();
		r.put("__typename", type);
		for (int i = 0; i < keyValues.length; i += 2)
			r.put((String) keyValues[i], keyValues[i + 1]);
		if (!r.containsKey("id")) {
			final int id = nextId.merge(type, 1, Integer::sum) + base(type);
			r.put("id", id);
		}
		rows.computeIfAbsent(type, k -> new ArrayList<>()).add(r);
		return r;
	}

	/** Distinct id ranges per type, so that an id mixed up between types finds nothing. */
	private static int base(final String type) {
		return 1000 * (1 + Math.floorMod(type.hashCode(), 97));
	}

	/** Shuffles every table (deterministically) and forbids further changes. */
	public PortalTables freeze() {
		final Random random = new Random(42);
		for (final List<Map<String, Object>> l : rows.values())
			Collections.shuffle(l, random);
		frozen = true;
		return this;
	}

	public List<Map<String, Object>> all(final String type) {
		return rows.getOrDefault(type, Collections.emptyList());
	}

	/** Rows of {@code type} whose {@code field} equals {@code value}. */
	public List<Map<String, Object>> where(final String type, final String field, final Object value) {
		final Map<Object, List<Map<String, Object>>> index = indexes.computeIfAbsent(type + "." + field, k -> {
			final Map<Object, List<Map<String, Object>>> m = new HashMap<>();
			for (final Map<String, Object> r : all(type))
				if (r.get(field) != null) m.computeIfAbsent(key(r.get(field)), x -> new ArrayList<>()).add(r);
			return m;
		});
		return index.getOrDefault(key(value), Collections.emptyList());
	}

	private static Object key(final Object v) {
		return v instanceof Number ? (Object) ((Number) v).longValue() : v;
	}

	public int size(final String type) {
		return all(type).size();
	}
}

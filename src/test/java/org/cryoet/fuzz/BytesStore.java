package org.cryoet.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.cryoet.store.Keys;
import org.cryoet.store.Listing;
import org.cryoet.store.Store;
import org.cryoet.store.StoreException;

/** Keys to bytes in memory: lets a fuzz target feed bytes to readers that take a store, with no files. */
final class BytesStore implements Store {

	private final Map<String, byte[]> values = new TreeMap<>();
	private boolean listable;

	/** Lists as an S3 bucket does: any key may be stored, the listing leaves out unsafe ones as S3Store's does. */
	BytesStore listable() {
		listable = true;
		return this;
	}

	/** Ranged reads behave as a remote store's: past the end they come back short. */
	BytesStore with(final String key, final byte[] value) {
		values.put(key, value);
		return this;
	}

	@Override
	public byte[] get(final String key) {
		final byte[] v = values.get(key);
		return v == null ? null : v.clone();
	}

	@Override
	public byte[] getRange(final String key, final long offset, final int length) throws StoreException {
		final byte[] v = values.get(key);
		if (v == null) return null;
		if (offset < 0 || length < 0) throw new StoreException(describe(key) + ": range " + offset + "+" + length + " asked");
		if (offset >= v.length) return new byte[0];
		return Arrays.copyOfRange(v, (int) offset, (int) Math.min(v.length, offset + length));
	}

	@Override
	public long size(final String key) {
		final byte[] v = values.get(key);
		return v == null ? -1 : v.length;
	}

	@Override
	public Listing list(final String prefix, final String delimiter) throws StoreException {
		if (!listable) throw new UnsupportedOperationException("this store was not made listable");
		Keys.check(prefix);
		final Set<String> keys = new TreeSet<>(), prefixes = new TreeSet<>();
		for (final String k : values.keySet()) {
			if (!k.startsWith(prefix) || k.equals(prefix)) continue;
			final int slash = delimiter == null ? -1 : k.indexOf('/', prefix.length());
			final String entry = slash < 0 ? k : k.substring(0, slash + 1);
			if (!Keys.isSafe(entry)) continue;
			(slash < 0 ? keys : prefixes).add(entry);
		}
		return new Listing(new ArrayList<>(keys), new ArrayList<>(prefixes));
	}

	@Override
	public boolean canList() {
		return listable;
	}

	@Override
	public void put(final String key, final byte[] data) {
		values.put(key, data.clone());
	}

	@Override
	public String describe(final String key) {
		return "mem:" + key;
	}

	List<String> keys() {
		return new ArrayList<>(values.keySet());
	}
}

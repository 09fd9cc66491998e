package org.cryoet.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cryoet.store.Listing;
import org.cryoet.store.Store;
import org.cryoet.store.StoreException;

/** Keys to bytes in memory: lets a fuzz target feed bytes to readers that take a store, with no files. */
final class BytesStore implements Store {

	private final Map<String, byte[]> values = new TreeMap<>();
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
	public Listing list(final String prefix, final String delimiter) {
		throw new UnsupportedOperationException("not listed in fuzz targets");
	}

	@Override
	public boolean canList() {
		return false;
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

package org.cryoet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/** A store that hands every call to another; subclasses change the few calls they are about. */
abstract class ForwardingStore implements Store {

	protected final Store inner;

	ForwardingStore(final Store inner) {
		this.inner = inner;
	}

	@Override
	public void close() throws IOException {
		inner.close();
	}

	@Override
	public byte[] get(final String key) throws IOException {
		return inner.get(key);
	}

	@Override
	public ByteBuffer get(final String key, final ByteBuffer reuse) throws IOException {
		return inner.get(key, reuse);
	}

	@Override
	public PositionalReader openPositional(final String key) throws IOException {
		return inner.openPositional(key);
	}

	@Override
	public byte[] getRange(final String key, final long offset, final int length) throws IOException {
		return inner.getRange(key, offset, length);
	}

	@Override
	public long size(final String key) throws IOException {
		return inner.size(key);
	}

	@Override
	public boolean exists(final String key) throws IOException {
		return inner.exists(key);
	}

	@Override
	public boolean isFolder(final String key) throws IOException {
		return inner.isFolder(key);
	}

	@Override
	public Listing list(final String prefix, final String delimiter) throws IOException {
		return inner.list(prefix, delimiter);
	}

	@Override
	public boolean canList() {
		return inner.canList();
	}

	@Override
	public void put(final String key, final byte[] data) throws IOException {
		inner.put(key, data);
	}

	@Override
	public String describe(final String key) {
		return inner.describe(key);
	}

	@Override
	public Map<String, byte[]> getAll(final Collection<String> keys) throws IOException {
		return inner.getAll(keys);
	}

	@Override
	public void fetchEach(final Collection<String> keys, final ValueConsumer consumer) throws IOException {
		inner.fetchEach(keys, consumer);
	}

	@Override
	public void prefetch(final Collection<String> keys) throws IOException {
		inner.prefetch(keys);
	}
}

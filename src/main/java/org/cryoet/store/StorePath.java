package org.cryoet.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A key in a store, used the way code uses a {@link java.nio.file.Path}:
 * resolve a child, go to the parent, read, test, list. {@link Stores#open}
 * makes one from what a user typed (a path or a URL).
 */
public final class StorePath {

	public final Store store;
	/** The key, without a trailing '/'; "" is the store's root. */
	public final String key;

	public StorePath(final Store store, final String key) {
		this.store = store;
		this.key = Keys.strip(key);
	}

	/** {@code child} may hold several segments ("0/.zarray"); it is checked as a key. */
	public StorePath resolve(final String child) throws StoreException {
		return new StorePath(store, Keys.check(Keys.join(key, child)));
	}

	/** @return the parent, or null at the store's root */
	public StorePath parent() {
		final String p = Keys.parent(key);
		return p == null ? null : new StorePath(store, p);
	}

	/** The last segment ("" at the root). */
	public String name() {
		return Keys.name(key);
	}

	/** @return the value, or null when there is none */
	public byte[] read() throws IOException {
		return store.get(key);
	}

	public byte[] readRange(final long offset, final int length) throws IOException {
		return store.getRange(key, offset, length);
	}

	/** @return the value's size, or -1 when there is none */
	public long size() throws IOException {
		return store.size(key);
	}

	/** A value is stored here. */
	public boolean isFile() throws IOException {
		return store.exists(key);
	}

	/** Keys exist below this one (for a store that cannot list: always false). */
	public boolean isFolder() throws IOException {
		return store.isFolder(key);
	}

	/** The values and folders directly below, sorted, folders first. */
	public List<StorePath> children() throws IOException {
		final Listing l = store.list(key.isEmpty() ? "" : key + "/", "/");
		final List<StorePath> out = new ArrayList<>();
		for (final String p : l.prefixes)
			out.add(new StorePath(store, p));
		for (final String k : l.keys)
			out.add(new StorePath(store, k));
		return out;
	}

	/** The file path or URL a user would recognise. */
	@Override
	public String toString() {
		return store.describe(key);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof StorePath && ((StorePath) o).store == store && ((StorePath) o).key.equals(key);
	}

	@Override
	public int hashCode() {
		return Objects.hash(System.identityHashCode(store), key);
	}
}

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

	/** The local file or folder, or null when the store is not a local folder. */
	public java.nio.file.Path localPath() {
		if (!(store instanceof FileStore)) return null;
		try {
			return ((FileStore) store).resolve(key);
		}
		catch (final StoreException e) {
			return null; // cannot happen: keys are checked when made
		}
	}

	/** This location is {@code other} or lies below it (whole segments, same store). */
	public boolean startsWith(final StorePath other) {
		if (other == null || !store.equals(other.store)) return false;
		return other.key.isEmpty() || key.equals(other.key) || key.startsWith(other.key + "/");
	}

	/**
	 * {@code other} relative to this location, as {@link java.nio.file.Path#relativize}
	 * gives it ("a/b", "..", "../c", "" for the same location).
	 */
	public String relativize(final StorePath other) {
		final List<String> from = segments(key), to = segments(other.key);
		int common = 0;
		while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common)))
			common++;
		final StringBuilder sb = new StringBuilder();
		for (int i = common; i < from.size(); i++)
			sb.append(sb.length() == 0 ? "" : "/").append("..");
		for (int i = common; i < to.size(); i++)
			sb.append(sb.length() == 0 ? "" : "/").append(to.get(i));
		return sb.toString();
	}

	private static List<String> segments(final String key) {
		final List<String> out = new ArrayList<>();
		if (!key.isEmpty()) for (final String s : key.split("/"))
			out.add(s);
		return out;
	}

	/** The file path or URL a user would recognise. */
	@Override
	public String toString() {
		return store.describe(key);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof StorePath && ((StorePath) o).store.equals(store) && ((StorePath) o).key.equals(key);
	}

	@Override
	public int hashCode() {
		return Objects.hash(store.hashCode(), key);
	}
}

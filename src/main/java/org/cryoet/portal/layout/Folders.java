package org.cryoet.portal.layout;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import org.cryoet.format.FormatException;
import org.cryoet.store.Listing;
import org.cryoet.store.StorePath;

/**
 * Folder listings of a store, each asked for once: on S3 a listing is a
 * request, and discovery asks "is this a folder, is that a file" many times
 * about the same folders. Whether an entry is a folder or a file is answered
 * from its parent's listing. Safe for concurrent use (runs are discovered in
 * parallel over remote stores).
 */
final class Folders {

	/** What a folder holds, names starting with '.' left out, sorted by name. */
	static final class Listed {

		final List<StorePath> folders = new ArrayList<>(), files = new ArrayList<>();
	}

	static final String NO_LISTING = "this server offers no folder listing (give the URL of a file: a metadata " +
		"JSON, an .ndjson, a .zarr or an .mrc; or the s3:// URL; or the portal page URL)";

	private static final Comparator<StorePath> BY_NAME = Comparator.comparing(StorePath::name);

	private final ConcurrentHashMap<StorePath, Listed> listings = new ConcurrentHashMap<>();

	Listed list(final StorePath dir) throws IOException {
		final Listed known = listings.get(dir);
		if (known != null) return known;
		if (!dir.store.canList()) throw new FormatException(dir + ": " + NO_LISTING);
		final Listed l = new Listed();
		final Listing listing = dir.store.list(dir.key.isEmpty() ? "" : dir.key + "/", "/");
		for (final String p : listing.prefixes)
			add(l.folders, new StorePath(dir.store, p));
		for (final String k : listing.keys)
			add(l.files, new StorePath(dir.store, k));
		l.folders.sort(BY_NAME);
		l.files.sort(BY_NAME);
		final Listed raced = listings.putIfAbsent(dir, l);
		return raced != null ? raced : l;
	}

	private static void add(final List<StorePath> to, final StorePath p) {
		if (!p.name().startsWith(".")) to.add(p);
	}

	List<StorePath> folders(final StorePath dir) throws IOException {
		return Collections.unmodifiableList(list(dir).folders);
	}

	List<StorePath> files(final StorePath dir) throws IOException {
		return Collections.unmodifiableList(list(dir).files);
	}

	/** Folders and files together, sorted by name. */
	List<StorePath> children(final StorePath dir) throws IOException {
		final Listed l = list(dir);
		final List<StorePath> all = new ArrayList<>(l.folders);
		all.addAll(l.files);
		all.sort(BY_NAME);
		return all;
	}

	boolean isFolder(final StorePath p) throws IOException {
		final StorePath parent = p.parent();
		if (parent == null) return true;
		return list(parent).folders.contains(p);
	}

	boolean isFile(final StorePath p) throws IOException {
		final StorePath parent = p.parent();
		return parent != null && list(parent).files.contains(p);
	}

}

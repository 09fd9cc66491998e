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

	/** What a folder holds, sorted by name. */
	static final class Listed {

		final List<StorePath> folders = new ArrayList<>(), files = new ArrayList<>();
	}

	static final String NO_LISTING = "this server offers no folder listing, which finding a portal tree needs (give " +
		"the s3:// URL or the portal page URL; Open, Import and Validate also take the URL of the file itself: a " +
		"metadata JSON, an .ndjson, a .zarr or an .mrc)";

	private static final Comparator<StorePath> BY_NAME = Comparator.comparing(StorePath::name);

	private final ConcurrentHashMap<StorePath, Listed> listings = new ConcurrentHashMap<>();

	Listed list(final StorePath dir) throws IOException {
		final Listed known = listings.get(dir);
		if (known != null) return known;
		if (!dir.store.canList()) throw new FormatException(dir + ": " + NO_LISTING);
		final Listed l = new Listed();
		Listing listing;
		try {
			listing = dir.store.list(dir.key.isEmpty() ? "" : dir.key + "/", "/");
		}
		catch (final java.nio.file.FileSystemException e) {
			// a local folder we may not read (lost+found, another user's home) holds nothing for us, as before
			if (dir.localPath() == null) throw e;
			listing = new Listing(new ArrayList<>(), new ArrayList<>());
		}
		for (final String p : listing.prefixes)
			l.folders.add(new StorePath(dir.store, p));
		for (final String k : listing.keys)
			l.files.add(new StorePath(dir.store, k));
		l.folders.sort(BY_NAME);
		l.files.sort(BY_NAME);
		final Listed raced = listings.putIfAbsent(dir, l);
		return raced != null ? raced : l;
	}

	/** Names starting with '.' (.zattrs, .DS_Store, hidden folders) are no part of a portal tree. */
	private static List<StorePath> visible(final List<StorePath> all) {
		final List<StorePath> out = new ArrayList<>();
		for (final StorePath p : all)
			if (!p.name().startsWith(".")) out.add(p);
		return out;
	}

	List<StorePath> folders(final StorePath dir) throws IOException {
		return Collections.unmodifiableList(visible(list(dir).folders));
	}

	List<StorePath> files(final StorePath dir) throws IOException {
		return Collections.unmodifiableList(visible(list(dir).files));
	}

	/** Folders and files together, sorted by name. */
	List<StorePath> children(final StorePath dir) throws IOException {
		final Listed l = list(dir);
		final List<StorePath> all = visible(l.folders);
		all.addAll(visible(l.files));
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

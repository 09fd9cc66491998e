package org.cryoet.convert;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Whether a folder is a Zarr v2 hierarchy and nothing else: groups
 * ({@code .zgroup}) holding groups and arrays, arrays ({@code .zarray})
 * holding chunk keys ({@code 0.1.2}, or {@code 0/1/2} as nested folders), and
 * the metadata files {@code .zattrs} and {@code .zmetadata}. Only such a folder
 * may be replaced by overwrite=true: a user's folder that merely has the
 * output's name is not.
 */
final class ZarrTree {

	private static final Pattern CHUNK_KEY = Pattern.compile("[0-9]+(\\.[0-9]+)*");

	private ZarrTree() {}

	static boolean isZarrHierarchy(final Path dir) throws IOException {
		if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
		final boolean array = Files.isRegularFile(dir.resolve(".zarray"));
		if (!array && !Files.isRegularFile(dir.resolve(".zgroup"))) return false;
		for (final Path p : children(dir)) {
			final String name = p.getFileName().toString();
			if (Files.isSymbolicLink(p)) return false;
			if (name.equals(".zarray") || name.equals(".zgroup") || name.equals(".zattrs") || name.equals(".zmetadata")) {
				if (!Files.isRegularFile(p)) return false;
			}
			else if (array) {
				if (!CHUNK_KEY.matcher(name).matches() || !(Files.isRegularFile(p) || nestedChunks(p))) return false;
			}
			else if (!isZarrHierarchy(p)) return false;
		}
		return true;
	}

	/** A folder of a '/'-separated chunk key: only numbered folders and files below. */
	private static boolean nestedChunks(final Path dir) throws IOException {
		if (!Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return false;
		for (final Path p : children(dir))
			if (Files.isSymbolicLink(p) || !CHUNK_KEY.matcher(p.getFileName().toString()).matches() || !(Files
				.isRegularFile(p) || nestedChunks(p))) return false;
		return true;
	}

	private static List<Path> children(final Path dir) throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.collect(Collectors.toList());
		}
	}
}

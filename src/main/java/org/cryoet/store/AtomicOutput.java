package org.cryoet.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file or folder written under a hidden temporary name beside its final
 * path and moved there only when complete, so a failure leaves nothing behind.
 */
public final class AtomicOutput {

	public interface Writer {

		void write(Path temporary) throws IOException;
	}

	/** Whether an existing path is something the caller writes, and so may replace (what else is the user's). */
	public interface Replaceable {

		boolean test(Path existing) throws IOException;
	}

	/** Replaces only a regular file, never a folder. */
	public static final Replaceable A_FILE = Files::isRegularFile;

	private AtomicOutput() {}

	/** Writes {@code target}; with {@code overwrite}, replaces an existing regular file (never a folder). */
	public static void write(final Path target, final boolean overwrite, final Writer writer) throws IOException {
		write(target, overwrite, A_FILE, "a file", writer);
	}

	/**
	 * Writes {@code target}; with {@code overwrite}, replaces what exists there
	 * only when {@code replaceable} says it is ours to replace (described as
	 * {@code what}, e.g. "an MRC file"); anything else is refused and left as is.
	 */
	public static void write(final Path target, final boolean overwrite, final Replaceable replaceable,
		final String what, final Writer writer) throws IOException
	{
		final Path abs = target.toAbsolutePath();
		final Path dir = abs.getParent();
		if (dir != null && !Files.isDirectory(dir)) throw new IOException(target + ": folder " + dir + " does not exist");
		if (Files.exists(abs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			if (!overwrite) throw new IOException(target + ": already exists (set overwrite=true to replace it)");
			if (Files.isSymbolicLink(abs) || !replaceable.test(abs)) throw new IOException(target + ": exists and is not " +
				what + ", so overwrite=true leaves it alone (move it away or choose another output name)");
		}
		final Path tmp = dir.resolve("." + abs.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
		try {
			writer.write(tmp);
			// A file is replaced in one step; a folder (OME-Zarr) has to go first.
			if (Files.isDirectory(abs)) deleteTree(abs);
			try {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			if (Files.exists(tmp)) deleteTree(tmp);
		}
	}

	public static void deleteTree(final Path p) throws IOException {
		if (!Files.isDirectory(p)) {
			Files.deleteIfExists(p);
			return;
		}
		Files.walkFileTree(p, new SimpleFileVisitor<Path>() {

			@Override
			public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) throws IOException {
				Files.delete(file);
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult postVisitDirectory(final Path d, final IOException e) throws IOException {
				Files.delete(d);
				return FileVisitResult.CONTINUE;
			}
		});
	}
}

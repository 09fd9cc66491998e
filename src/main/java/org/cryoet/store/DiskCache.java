package org.cryoet.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Remote values kept on the local disk, one file per value named by the
 * SHA-256 of its URL (and range). A file appears in one atomic move when it is
 * complete, so a reader never sees a partial one, also from another JVM using
 * the same folder. Reading a file marks it as recently used; when the folder
 * grows past its limit the least recently used files go first.
 */
public final class DiskCache {

	private static final String SUFFIX = ".bin";
	private static final long STALE_TEMP_MILLIS = 3_600_000;

	private final Path dir;
	private final long maxBytes;
	/** Bytes in the folder as this JVM believes; rescanned whenever it passes the limit. */
	private final AtomicLong bytes = new AtomicLong(-1);

	public DiskCache(final Path dir, final long maxBytes) {
		this.dir = dir;
		this.maxBytes = maxBytes;
	}

	public Path folder() {
		return dir;
	}

	/** @return the cached value of {@code id}, or null */
	public byte[] get(final String id) {
		final Path f = file(id);
		try {
			final byte[] b = ChannelIO.readAll(f);
			try {
				Files.setLastModifiedTime(f, FileTime.fromMillis(System.currentTimeMillis()));
			}
			catch (final IOException e) {
				// trimmed by another process meanwhile: the bytes we read are still whole
			}
			return b;
		}
		catch (final IOException e) {
			return null;
		}
	}

	/** Keeps {@code value} for {@code id}; failures (a full or read-only disk) only mean no caching. */
	public void put(final String id, final byte[] value) {
		if (value.length > maxBytes / 4) return;
		final Path f = file(id);
		Path tmp = null;
		try {
			Files.createDirectories(f.getParent());
			tmp = f.getParent().resolve(".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
			Files.write(tmp, value);
			try {
				Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final AtomicMoveNotSupportedException e) {
				return; // never risk a half-visible file
			}
			if (bytes.get() < 0) bytes.set(scan());
			else if (bytes.addAndGet(value.length) > maxBytes) trim();
		}
		catch (final IOException e) {
			// no caching this time
		}
		finally {
			if (tmp != null) try {
				Files.deleteIfExists(tmp);
			}
			catch (final IOException e) {
				// left for trim() to remove once stale
			}
		}
	}

	/** Deletes least recently used files until the folder holds at most 90 % of its limit. */
	public synchronized void trim() {
		final List<Object[]> files = new ArrayList<>();
		long total = 0;
		try (Stream<Path> s = Files.walk(dir, 2)) {
			for (final Path p : (Iterable<Path>) s::iterator) {
				final String n = p.getFileName().toString();
				try {
					final BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
					if (!a.isRegularFile()) continue;
					if (n.startsWith(".tmp-")) {
						if (System.currentTimeMillis() - a.lastModifiedTime().toMillis() > STALE_TEMP_MILLIS)
							Files.deleteIfExists(p);
						continue;
					}
					if (!n.endsWith(SUFFIX)) continue;
					files.add(new Object[] { p, a.lastModifiedTime().toMillis(), a.size() });
					total += a.size();
				}
				catch (final NoSuchFileException e) {
					// another process trimmed it
				}
			}
		}
		catch (final IOException | java.io.UncheckedIOException e) {
			return;
		}
		files.sort(Comparator.comparingLong(o -> (Long) o[1]));
		final long goal = maxBytes / 10 * 9;
		for (final Object[] f : files) {
			if (total <= goal) break;
			try {
				Files.deleteIfExists((Path) f[0]);
				total -= (Long) f[2];
			}
			catch (final IOException e) {
				// in use elsewhere (Windows): try another
			}
		}
		bytes.set(total);
	}

	private long scan() {
		long total = 0;
		try (Stream<Path> s = Files.walk(dir, 2)) {
			for (final Path p : (Iterable<Path>) s::iterator)
				if (p.getFileName().toString().endsWith(SUFFIX)) try {
					total += Files.size(p);
				}
				catch (final IOException e) {
					// gone meanwhile
				}
		}
		catch (final IOException | java.io.UncheckedIOException e) {
			return 0;
		}
		if (total > maxBytes) trim();
		return total;
	}

	private Path file(final String id) {
		final String h = sha256(id);
		return dir.resolve(h.substring(0, 2)).resolve(h + SUFFIX);
	}

	private static String sha256(final String s) {
		try {
			final byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
			final StringBuilder sb = new StringBuilder();
			for (final byte b : d)
				sb.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
			return sb.toString();
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Used by tests: how many values the folder holds. */
	long countFiles() throws IOException {
		long n = 0;
		if (!Files.isDirectory(dir)) return 0;
		try (DirectoryStream<Path> top = Files.newDirectoryStream(dir)) {
			for (final Path d : top)
				if (Files.isDirectory(d)) try (DirectoryStream<Path> in = Files.newDirectoryStream(d, "*" + SUFFIX)) {
					for (final Path p : in)
						n++;
				}
		}
		return n;
	}
}

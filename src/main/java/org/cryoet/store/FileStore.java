package org.cryoet.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** A folder on a local disk; keys are relative paths with '/' separators. */
public final class FileStore implements Store {

	private final Path root;

	public FileStore(final Path root) {
		this.root = root;
	}

	// Two stores over the same folder are the same store: locations in them compare equal.
	@Override
	public boolean equals(final Object o) {
		return o instanceof FileStore && ((FileStore) o).root.equals(root);
	}

	@Override
	public int hashCode() {
		return root.hashCode();
	}

	/** The file of {@code key}; the key is checked first, so it stays under the root. */
	public Path resolve(final String key) throws StoreException {
		Keys.check(key);
		final String k = Keys.strip(key);
		return k.isEmpty() ? root : root.resolve(k);
	}

	@Override
	public byte[] get(final String key) throws IOException {
		final Path p = resolve(key);
		try {
			return Files.isDirectory(p) ? null : ChannelIO.readAll(p);
		}
		catch (final NoSuchFileException e) {
			return null;
		}
	}

	@Override
	public ByteBuffer get(final String key, final ByteBuffer reuse) throws IOException {
		final Path p = resolve(key);
		if (Files.isDirectory(p)) return null;
		try (FileChannel ch = FileChannel.open(p)) {
			final long size = ch.size();
			if (size > Integer.MAX_VALUE - 16) throw new StoreException(describe(key) + ": larger than 2 GiB");
			final ByteBuffer b = reuse != null && reuse.hasArray() && reuse.capacity() >= size ? reuse
				: ByteBuffer.allocate((int) size);
			b.clear().limit((int) size);
			ChannelIO.read(ch, b);
			b.flip();
			return b;
		}
		catch (final NoSuchFileException e) {
			return null;
		}
	}

	@Override
	public byte[] getRange(final String key, final long offset, final int length) throws IOException {
		if (offset < 0 || length < 0) throw new IllegalArgumentException("range " + offset + "+" + length);
		final Path p = resolve(key);
		if (Files.isDirectory(p)) return null;
		try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
			final long n = Math.max(0, Math.min(length, ch.size() - offset));
			final ByteBuffer b = ByteBuffer.allocate((int) n);
			ChannelIO.read(ch, b, offset);
			if (b.hasRemaining()) throw new StoreException(describe(key) + ": shrank while being read");
			return b.array();
		}
		catch (final NoSuchFileException e) {
			return null;
		}
	}

	@Override
	public PositionalReader openPositional(final String key) throws IOException {
		final Path p = resolve(key);
		if (Files.isDirectory(p)) return null;
		final FileChannel ch;
		try {
			ch = FileChannel.open(p, StandardOpenOption.READ);
		}
		catch (final NoSuchFileException e) {
			return null;
		}
		try {
			final long size = ch.size();
			return new PositionalReader() {

				@Override
				public long size() {
					return size;
				}

				@Override
				public void read(final long position, final byte[] dst, final int offset, final int length)
					throws IOException
				{
					final ByteBuffer b = ByteBuffer.wrap(dst, offset, length);
					ChannelIO.read(ch, b, position);
					if (b.hasRemaining()) throw new StoreException(describe(key) + ": shrank while being read");
				}

				@Override
				public void close() throws IOException {
					ch.close();
				}
			};
		}
		catch (final IOException | RuntimeException e) {
			ch.close();
			throw e;
		}
	}

	@Override
	public long size(final String key) throws IOException {
		final Path p = resolve(key);
		if (Files.isRegularFile(p)) return Files.size(p);
		return -1;
	}

	@Override
	public boolean isFolder(final String key) throws IOException {
		return Files.isDirectory(resolve(key));
	}

	@Override
	public Listing list(final String prefix, final String delimiter) throws IOException {
		final List<String> keys = new ArrayList<>(), prefixes = new ArrayList<>();
		// A prefix names a folder when it ends with '/' (or is empty); otherwise it is a name prefix inside its parent.
		final boolean folder = prefix.isEmpty() || prefix.endsWith("/");
		final String dirKey = folder ? Keys.strip(prefix) : Keys.parent(prefix) == null ? "" : Keys.parent(prefix);
		final String start = folder ? "" : Keys.name(prefix);
		final Path dir = resolve(dirKey);
		if (!Files.isDirectory(dir)) return new Listing(keys, prefixes);
		final String base = dirKey.isEmpty() ? "" : dirKey + "/";
		if ("/".equals(delimiter)) {
			try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
				for (final Path c : s) {
					final String n = c.getFileName().toString();
					if (!n.startsWith(start) || !Keys.isSafe(n)) continue;
					if (Files.isDirectory(c)) prefixes.add(base + n + "/");
					else keys.add(base + n);
				}
			}
			catch (final NotDirectoryException e) {
				// raced with a deletion: nothing to list
			}
		}
		else if (delimiter == null) {
			try (Stream<Path> s = Files.walk(dir)) {
				s.filter(Files::isRegularFile).forEach(f -> {
					final String rel = dir.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/");
					if (rel.startsWith(start) && Keys.isSafe(rel)) keys.add(base + rel);
				});
			}
		}
		else throw new IllegalArgumentException("delimiter must be \"/\" or null, not \"" + delimiter + "\"");
		return new Listing(keys, prefixes);
	}

	@Override
	public void put(final String key, final byte[] data) throws IOException {
		final Path p = resolve(key);
		Files.createDirectories(p.getParent());
		AtomicOutput.write(p, true, tmp -> Files.write(tmp, data));
	}

	@Override
	public String describe(final String key) {
		final String k = Keys.strip(key);
		return Keys.isSafe(k) ? (k.isEmpty() ? root : root.resolve(k)).toString() : root + "/" + key;
	}
}

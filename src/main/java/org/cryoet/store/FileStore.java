package org.cryoet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A folder on a local disk; keys are relative paths with '/' separators. */
public final class FileStore implements Store {

	private final Path root;

	public FileStore(final Path root) {
		this.root = root;
	}

	public Path root() {
		return root;
	}

	public Path resolve(final String key) {
		return key.isEmpty() ? root : root.resolve(key);
	}

	@Override
	public byte[] get(final String key) throws IOException {
		final Path p = resolve(key);
		try {
			return Files.readAllBytes(p);
		}
		catch (final NoSuchFileException e) {
			return null;
		}
	}

	@Override
	public java.nio.ByteBuffer get(final String key, final java.nio.ByteBuffer reuse) throws IOException {
		try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(resolve(key))) {
			final long size = ch.size();
			if (size > Integer.MAX_VALUE - 16) throw new IOException(describe(key) + ": larger than 2 GiB");
			final java.nio.ByteBuffer b = reuse != null && reuse.hasArray() && reuse.capacity() >= size ? reuse
				: java.nio.ByteBuffer.allocate((int) size);
			b.clear().limit((int) size);
			while (b.hasRemaining())
				if (ch.read(b) < 0) break;
			b.flip();
			return b;
		}
		catch (final NoSuchFileException e) {
			return null;
		}
	}

	@Override
	public long size(final String key) throws IOException {
		final Path p = resolve(key);
		return Files.isRegularFile(p) ? Files.size(p) : -1;
	}

	/** Reads by position: the rest of the file is never touched. */
	@Override
	public byte[] get(final String key, final long offset, final int length) throws IOException {
		try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(resolve(key))) {
			final java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(length);
			long pos = offset;
			while (b.hasRemaining()) {
				final int n = ch.read(b, pos);
				if (n < 0) throw new java.io.EOFException(describe(key) + ": " + length + " bytes at " + offset +
					" are past its end (" + ch.size() + " bytes)");
				pos += n;
			}
			return b.array();
		}
	}

	@Override
	public void put(final String key, final byte[] data) throws IOException {
		final Path p = resolve(key);
		Files.createDirectories(p.getParent());
		AtomicOutput.write(p, true, tmp -> Files.write(tmp, data));
	}

	@Override
	public String describe(final String key) {
		return resolve(key).toString();
	}
}

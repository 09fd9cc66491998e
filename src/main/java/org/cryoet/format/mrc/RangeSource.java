package org.cryoet.format.mrc;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.cryoet.format.FormatException;
import org.cryoet.store.Store;

/**
 * Byte ranges of one file: positional reads from a local file's channel, or
 * ranged gets from a store (HTTP, S3). Every read gives exactly the bytes asked
 * for or fails naming the file.
 */
abstract class RangeSource implements Closeable {

	final String name;

	RangeSource(final String name) {
		this.name = name;
	}

	abstract long size() throws IOException;

	/** Fills {@code dst} (position to limit) from {@code pos}. */
	abstract void read(ByteBuffer dst, long pos) throws IOException;

	/** Exactly {@code length} bytes from {@code pos}, in a new array. */
	byte[] bytes(final long pos, final int length) throws IOException {
		final ByteBuffer b = ByteBuffer.allocate(length);
		read(b, pos);
		return b.array();
	}

	/** True when a request costs a round trip: readers then ask for fewer, larger ranges. */
	abstract boolean remote();

	static RangeSource of(final Path path) throws IOException {
		try {
			return new Channel(path.toString(), FileChannel.open(path, StandardOpenOption.READ));
		}
		catch (final NoSuchFileException e) {
			throw new FormatException(path + ": file not found");
		}
	}

	static RangeSource of(final Store store, final String key) throws IOException {
		if (store instanceof org.cryoet.store.FileStore) return of(((org.cryoet.store.FileStore) store).resolve(key));
		return new Ranged(store, key);
	}

	private static final class Channel extends RangeSource {

		private final FileChannel channel;

		Channel(final String name, final FileChannel channel) {
			super(name);
			this.channel = channel;
		}

		@Override
		long size() throws IOException {
			return channel.size();
		}

		@Override
		void read(final ByteBuffer b, final long pos) throws IOException {
			final int n = org.cryoet.store.ChannelIO.read(channel, b, pos);
			if (b.hasRemaining()) throw new FormatException(name + ": unexpected end of file at byte " + (pos + n));
		}

		@Override
		boolean remote() {
			return false;
		}

		@Override
		public void close() throws IOException {
			channel.close();
		}
	}

	private static final class Ranged extends RangeSource {

		private final Store store;
		private final String key;
		private long size = -2;

		Ranged(final Store store, final String key) {
			super(store.describe(key));
			this.store = store;
			this.key = key;
		}

		@Override
		synchronized long size() throws IOException {
			if (size == -2) size = store.size(key);
			if (size < 0) throw new FormatException(name + ": file not found");
			return size;
		}

		@Override
		void read(final ByteBuffer b, final long pos) throws IOException {
			b.put(bytes(pos, b.remaining()));
		}

		@Override
		byte[] bytes(final long pos, final int want) throws IOException {
			final byte[] got = store.getRange(key, pos, want);
			if (got == null) throw new FormatException(name + ": file not found");
			if (got.length != want)
				throw new FormatException(name + ": unexpected end of file at byte " + (pos + got.length));
			return got;
		}

		@Override
		boolean remote() {
			return true;
		}

		@Override
		public void close() {
			// the store belongs to whoever opened it
		}
	}
}

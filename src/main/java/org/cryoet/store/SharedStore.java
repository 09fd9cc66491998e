package org.cryoet.store;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One store used by several owners (discovery, then each volume opened from
 * what it found): every owner holds a handle and closes it; the store itself
 * (its threads and connections) closes with the last handle.
 */
public final class SharedStore extends ForwardingStore {

	private final AtomicInteger handles;
	private final AtomicBoolean closed = new AtomicBoolean();

	private SharedStore(final Store inner, final AtomicInteger handles) {
		super(inner);
		this.handles = handles;
	}

	/** The first handle of {@code store}. */
	public static SharedStore of(final Store store) {
		return store instanceof SharedStore ? ((SharedStore) store).share() : new SharedStore(store, new AtomicInteger(1));
	}

	/** Another handle; the caller closes it. */
	public SharedStore share() {
		if (handles.getAndUpdate(n -> n == 0 ? 0 : n + 1) == 0) throw new IllegalStateException(inner.describe("") +
			": shared after it was closed");
		return new SharedStore(inner, handles);
	}

	@Override
	public void close() throws IOException {
		if (closed.compareAndSet(false, true) && handles.decrementAndGet() == 0) inner.close();
	}

	// Handles of one store are the same store: locations in them compare equal.
	@Override
	public boolean equals(final Object o) {
		return o instanceof SharedStore && ((SharedStore) o).inner.equals(inner);
	}

	@Override
	public int hashCode() {
		return inner.hashCode();
	}
}

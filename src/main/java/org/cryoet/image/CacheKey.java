package org.cryoet.image;

/** A cache key: an object compared by identity (a volume or an image) and a block index within it. */
final class CacheKey {

	private final Object owner;
	private final long index;

	CacheKey(final Object owner, final long index) {
		this.owner = owner;
		this.index = index;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof CacheKey && ((CacheKey) o).owner == owner && ((CacheKey) o).index == index;
	}

	@Override
	public int hashCode() {
		return System.identityHashCode(owner) * 31 + Long.hashCode(index);
	}
}

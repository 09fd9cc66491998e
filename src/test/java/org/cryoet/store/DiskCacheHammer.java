package org.cryoet.store;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

/**
 * Run as its own JVM by {@link DiskCacheTest}: writes and reads values whose
 * bytes follow from their id, in a small cache that keeps trimming, and exits
 * non-zero if a read ever returns anything but the whole value or nothing.
 */
public final class DiskCacheHammer {

	private DiskCacheHammer() {}

	static byte[] value(final int id) {
		final Random r = new Random(id);
		final byte[] b = new byte[1000 + r.nextInt(20_000)];
		r.nextBytes(b);
		return b;
	}

	public static void main(final String[] args) throws Exception {
		final DiskCache c = new DiskCache(Path.of(args[0]), Long.parseLong(args[1]));
		final long end = System.nanoTime() + Long.parseLong(args[2]) * 1_000_000L;
		final Random r = new Random();
		long hits = 0, misses = 0;
		while (System.nanoTime() < end) {
			final int id = r.nextInt(200);
			final byte[] got = c.get("id" + id);
			if (got == null) {
				misses++;
				c.put("id" + id, value(id));
			}
			else if (!Arrays.equals(got, value(id))) {
				System.err.println("value " + id + " came back damaged: " + got.length + " bytes");
				System.exit(3);
			}
			else hits++;
		}
		System.out.println(hits + " hits " + misses + " misses");
	}
}

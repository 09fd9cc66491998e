package org.cryoet.convert;

import java.io.IOException;

import org.cryoet.image.BoxCopy;
import org.cryoet.image.Progress;
import org.cryoet.image.Volume;
import org.cryoet.image.VolumeReader;

/** Walks a z, y, x volume in z slabs that follow its blocks and stay within a memory bound. */
final class Slabs {

	interface Sink {

		void accept(Object slab, int z0, int depth) throws IOException;
	}

	private static final long MAX_SLAB_BYTES = 256L << 20;

	private Slabs() {}

	static void forEach(final Volume v, final int threads, final Progress progress, final String what, final Sink sink)
		throws IOException
	{
		final long[] shape = v.shape();
		final long planeBytes = shape[1] * shape[2] * v.type().bytes();
		int depth = v.blockShape()[0];
		if (depth * planeBytes > MAX_SLAB_BYTES) depth = (int) Math.max(1, MAX_SLAB_BYTES / planeBytes);
		for (long z = 0; z < shape[0]; z += depth) {
			if (progress.isCancelled()) throw new java.util.concurrent.CancellationException("cancelled");
			final int d = (int) Math.min(depth, shape[0] - z);
			final int[] size = { d, (int) shape[1], (int) shape[2] };
			final Object slab = v.type().allocate(BoxCopy.elements(size));
			VolumeReader.read(v, new long[] { z, 0, 0 }, size, slab, threads);
			sink.accept(slab, (int) z, d);
			progress.report(what, (z + d) / (double) shape[0]);
		}
	}
}

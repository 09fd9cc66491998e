package org.cryoet.bench;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The system's c-blosc (Debian libblosc1) through JNA: the speed baseline.
 * Benchmark scope only; when the library is absent, {@link #load()} says why.
 */
final class NativeBlosc {

	interface Lib extends Library {

		int blosc_compress(int clevel, int doshuffle, NativeLong typesize, NativeLong nbytes, Pointer src, Pointer dest,
			NativeLong destsize);

		int blosc_decompress(Pointer src, Pointer dest, NativeLong destsize);

		/** Thread-safe (its own context), unlike {@link #blosc_decompress}. */
		int blosc_decompress_ctx(Pointer src, Pointer dest, NativeLong destsize, int numinternalthreads);

		int blosc_set_nthreads(int n);

		int blosc_set_compressor(String name);

		void blosc_init();
	}

	private static Lib lib;
	private static String problem;

	private NativeBlosc() {}

	static synchronized Lib load() {
		if (lib == null && problem == null) {
			try {
				lib = Native.load("blosc", Lib.class);
				lib.blosc_init();
			}
			catch (final UnsatisfiedLinkError | RuntimeException e) {
				problem = "native c-blosc not found (" + e.getMessage().split("\n")[0] +
					"); install Debian's libblosc1 to measure the baseline";
			}
		}
		return lib;
	}

	static String problem() {
		load();
		return problem;
	}

	/** Compresses with c-blosc, single-threaded. */
	static byte[] compress(final byte[] raw, final String cname, final int clevel, final int shuffle,
		final int typeSize)
	{
		final Lib l = load();
		l.blosc_set_nthreads(1);
		l.blosc_set_compressor(cname);
		final Memory src = new Memory(raw.length);
		src.write(0, raw, 0, raw.length);
		final Memory dst = new Memory(raw.length + 64);
		final int n = l.blosc_compress(clevel, shuffle, new NativeLong(typeSize), new NativeLong(raw.length), src, dst,
			new NativeLong(raw.length + 64));
		if (n <= 0) throw new IllegalStateException("c-blosc compression failed: " + n);
		return dst.getByteArray(0, n);
	}
}

package org.cryoet.bench;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The system's liblz4 and libzstd (the libraries Debian's c-blosc decodes
 * with) through JNA direct mapping, whose calls cost far less than an
 * interface proxy's: a baseline for our LZ4 and zstd decoders alone, on
 * the same streams. Benchmark scope only; {@link #problem()} says why
 * they are unavailable.
 */
final class NativeCodecs {

	private static String problem;
	private static boolean loaded;

	private NativeCodecs() {}

	static synchronized String problem() {
		if (!loaded) {
			loaded = true;
			try {
				Native.register(Lz4.class, "lz4");
				Native.register(Zstd.class, "zstd");
			}
			catch (final UnsatisfiedLinkError | RuntimeException e) {
				problem = "native liblz4/libzstd not found (" + String.valueOf(e.getMessage()).split("\n")[0] + ")";
			}
		}
		return problem;
	}

	static final class Lz4 {

		private Lz4() {}

		/** Returns the decoded size, or a negative number for a malformed stream. */
		static native int LZ4_decompress_safe(Pointer src, Pointer dst, int compressedSize, int dstCapacity);
	}

	static final class Zstd {

		private Zstd() {}

		static native Pointer ZSTD_createDCtx();

		/** Returns the decoded size, or an error code ({@link #ZSTD_isError}). */
		static native NativeLong ZSTD_decompressDCtx(Pointer dctx, Pointer dst, NativeLong dstCapacity, Pointer src,
			NativeLong srcSize);

		static native int ZSTD_isError(NativeLong code);
	}
}

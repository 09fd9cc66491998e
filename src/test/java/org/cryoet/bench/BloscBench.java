package org.cryoet.bench;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

import java.util.concurrent.TimeUnit;

import org.cryoet.format.codec.BloscCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Blosc on one portal-like chunk (256³ float32): our pure-Java codec and
 * native c-blosc on the same frames, one thread each (ours also on 2).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BloscBench {

	/** lz4 with byte shuffle, as the portal writes; zstd with bit shuffle. */
	@Param({ "lz4", "zstd" })
	public String cname;

	byte[] raw;
	byte[] frame;
	byte[] out;
	BloscCodec ours;
	Memory nativeFrame, nativeOut, nativeSrc;

	@Setup
	public void setup() throws Exception {
		final int n = BenchData.size("bench.blosc.size", 256);
		raw = BenchData.bytes(BenchData.tomogram(n, 1));
		final int shuffle = cname.equals("lz4") ? 1 : 2;
		ours = new BloscCodec(BloscCodec.Cname.of(cname), 5, shuffle);
		// The frame comes from c-blosc where it is installed, as real portal chunks do.
		frame = NativeBlosc.problem() == null ? NativeBlosc.compress(raw, cname, 5, shuffle, 4) : ours.encode(raw, 4);
		out = new byte[raw.length];
		if (NativeBlosc.problem() == null) {
			NativeBlosc.load().blosc_set_nthreads(1);
			nativeFrame = new Memory(frame.length);
			nativeFrame.write(0, frame, 0, frame.length);
			nativeOut = new Memory(raw.length);
			nativeSrc = new Memory(raw.length);
			nativeSrc.write(0, raw, 0, raw.length);
		}
	}

	@Benchmark
	public byte[] decodeOurs() throws Exception {
		BloscCodec.decode(frame, out, 1);
		return out;
	}

	@Benchmark
	public byte[] decodeOurs2Threads() throws Exception {
		BloscCodec.decode(frame, out, 2);
		return out;
	}

	@Benchmark
	public int decodeNative() {
		if (nativeFrame == null) return 0;
		return NativeBlosc.load().blosc_decompress(nativeFrame, nativeOut, new NativeLong(raw.length));
	}

	@Benchmark
	public byte[] encodeOurs() throws Exception {
		return ours.encode(raw, 4);
	}

	@Benchmark
	public int encodeNative() {
		if (nativeSrc == null) return 0;
		final NativeBlosc.Lib l = NativeBlosc.load();
		l.blosc_set_compressor(cname);
		return l.blosc_compress(5, cname.equals("lz4") ? 1 : 2, new NativeLong(4), new NativeLong(raw.length), nativeSrc,
			nativeOut, new NativeLong(raw.length));
	}
}

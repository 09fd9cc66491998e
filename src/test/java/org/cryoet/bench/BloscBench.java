package org.cryoet.bench;

import com.sun.jna.Memory;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

import io.airlift.compress.lz4.Lz4Decompressor;
import io.airlift.compress.zstd.ZstdDecompressor;

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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Blosc on one portal-like chunk (256³ float32): our pure-Java codec and
 * native c-blosc on the same frames, one thread each, timed in turn within
 * every operation ({@link Sides}); ours also decodes on 2 threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BloscBench {

	/** lz4 with byte shuffle, as the portal writes; zstd with bit shuffle. */
	@Param({ "lz4", "zstd" })
	public String cname;

	byte[] raw;
	/** A chunk of half the edge (128³ in full runs), where fixed costs per call weigh 8x more. */
	byte[] smallRaw;
	byte[] frame;
	byte[] out;
	BloscCodec ours;
	Memory nativeFrame, nativeOut, nativeSrc, nativeSmallSrc;
	/** The frame's compressed streams, and where each side decodes one. */
	BloscStreams streams;
	byte[] streamOut;
	Memory nativeStreamOut;
	ZstdDecompressor zstd;
	Pointer zstdContext;

	@Setup
	public void setup() throws Exception {
		final int n = BenchData.size("bench.blosc.size", 256);
		raw = BenchData.bytes(BenchData.tomogram(n, 1));
		smallRaw = BenchData.bytes(BenchData.tomogram(Math.max(n / 2, 8), 1));
		ours = new BloscCodec(BloscCodec.Cname.of(cname), 5, shuffle(cname));
		frame = frame(raw, cname);
		out = new byte[raw.length];
		if (NativeBlosc.problem() == null) {
			NativeBlosc.load().blosc_set_nthreads(1);
			nativeFrame = new Memory(frame.length);
			nativeFrame.write(0, frame, 0, frame.length);
			nativeOut = new Memory(raw.length);
			nativeSrc = new Memory(raw.length);
			nativeSrc.write(0, raw, 0, raw.length);
			nativeSmallSrc = new Memory(smallRaw.length);
			nativeSmallSrc.write(0, smallRaw, 0, smallRaw.length);
		}
		streams = BloscStreams.of(frame);
		int largest = 1;
		for (final int size : streams.decodedSizes)
			largest = Math.max(largest, size);
		streamOut = new byte[largest];
		zstd = new ZstdDecompressor();
		if (nativeFrame != null && NativeCodecs.problem() == null) {
			nativeStreamOut = new Memory(largest);
			zstdContext = NativeCodecs.Zstd.ZSTD_createDCtx();
			// both sides must decode every stream whole, or the pair measures nothing
			if (streamsOurs() != streams.decodedBytes() || streamsNative() != streams.decodedBytes())
				throw new IllegalStateException("a stream of the frame decoded to the wrong size");
		}
	}

	/** lz4 with byte shuffle, as the portal writes; zstd with bit shuffle. */
	private static int shuffle(final String cname) {
		return cname.equals("lz4") ? 1 : 2;
	}

	/** The frame the benchmarks decode: from c-blosc where it is installed, as real portal chunks are. */
	static byte[] frame(final byte[] raw, final String cname) throws Exception {
		return NativeBlosc.problem() == null ? NativeBlosc.compress(raw, cname, 5, shuffle(cname), 4) : new BloscCodec(
			BloscCodec.Cname.of(cname), 5, shuffle(cname)).encode(raw, 4);
	}

	/** Ours and native decoding in turn; the ratio is read from the two sides' times. */
	@Benchmark
	public void decodePaired(final Sides sides, final Blackhole bh) throws Exception {
		sides.round(bh, this::decodeOurs, nativeFrame == null ? null : this::decodeNative);
	}

	/** Ours and native encoding in turn. */
	@Benchmark
	public void encodePaired(final Sides sides, final Blackhole bh) throws Exception {
		sides.round(bh, this::encodeOurs, nativeSrc == null ? null : this::encodeNative);
	}

	/**
	 * Ours and native encoding in turn, on a chunk of half the edge: the
	 * issue's second size (128³ in full runs). Native encodes into the same
	 * output buffer, which is large enough.
	 */
	@Benchmark
	public void encodeSmallPaired(final Sides sides, final Blackhole bh) throws Exception {
		sides.round(bh, () -> ours.encode(smallRaw, 4), nativeSmallSrc == null ? null : () -> encodeNative(nativeSmallSrc,
			smallRaw.length));
	}

	/**
	 * Only the codec: the frame's LZ4 or zstd streams decoded by ours
	 * (aircompressor, called as {@link BloscCodec} calls it, the zeroing of
	 * each LZ4 output included) and by the system's liblz4 or libzstd, in
	 * turn, each into a block-sized buffer.
	 * With {@link #decodePaired} it shows how the time divides between
	 * the codec and the unshuffle.
	 */
	@Benchmark
	public void streamsPaired(final Sides sides, final Blackhole bh) throws Exception {
		sides.round(bh, this::streamsOurs, nativeStreamOut == null ? null : this::streamsNative);
	}

	Long streamsOurs() throws Exception {
		long n = 0;
		for (int i = 0; i < streams.count(); i++) {
			final int size = streams.decodedSizes[i];
			if (cname.equals("lz4")) {
				// BloscCodec zeroes an LZ4 block's output first (see there why)
				java.util.Arrays.fill(streamOut, 0, size, (byte) 0);
				n += new Lz4Decompressor().decompress(frame, streams.offsets[i], streams.lengths[i], streamOut, 0, size);
			}
			else n += zstd.decompress(frame, streams.offsets[i], streams.lengths[i], streamOut, 0, size);
		}
		return n;
	}

	Long streamsNative() {
		long n = 0;
		for (int i = 0; i < streams.count(); i++) {
			final Pointer in = nativeFrame.share(streams.offsets[i]);
			final int size = streams.decodedSizes[i];
			if (cname.equals("lz4")) n += NativeCodecs.Lz4.LZ4_decompress_safe(in, nativeStreamOut, streams.lengths[i], size);
			else {
				final NativeLong got = NativeCodecs.Zstd.ZSTD_decompressDCtx(zstdContext, nativeStreamOut, new NativeLong(
					size), in, new NativeLong(streams.lengths[i]));
				n += NativeCodecs.Zstd.ZSTD_isError(got) != 0 ? -1 : got.longValue();
			}
		}
		return n;
	}

	byte[] decodeOurs() throws Exception {
		BloscCodec.decode(frame, out, 1);
		return out;
	}

	@Benchmark
	public byte[] decodeOurs2Threads() throws Exception {
		BloscCodec.decode(frame, out, 2);
		return out;
	}

	Integer decodeNative() {
		return NativeBlosc.load().blosc_decompress(nativeFrame, nativeOut, new NativeLong(raw.length));
	}

	byte[] encodeOurs() throws Exception {
		return ours.encode(raw, 4);
	}

	Integer encodeNative() {
		return encodeNative(nativeSrc, raw.length);
	}

	private Integer encodeNative(final Memory src, final int length) {
		final NativeBlosc.Lib l = NativeBlosc.load();
		l.blosc_set_compressor(cname);
		return l.blosc_compress(5, shuffle(cname), new NativeLong(4), new NativeLong(length), src, nativeOut,
			new NativeLong(length));
	}
}

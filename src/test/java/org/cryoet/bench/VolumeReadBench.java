package org.cryoet.bench;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.convert.MrcExport;
import org.cryoet.format.DataType;
import org.cryoet.format.codec.BloscCodec;
import org.cryoet.format.zarr.ZarrArray;
import org.cryoet.format.zarr.ZarrArrayMetadata;
import org.cryoet.format.zarr.ZarrDtype;
import org.cryoet.image.ArrayVolume;
import org.cryoet.image.BoxCopy;
import org.cryoet.image.ChunkCache;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;
import org.cryoet.image.VolumeOpener;
import org.cryoet.image.VolumeReader;
import org.cryoet.image.ZarrVolume;
import org.cryoet.store.FileStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A whole 512³ float32 level (256³ chunks, Blosc lz4 byte shuffle) read into
 * memory from an OME-Zarr array and from an MRC, against reading the same
 * files' bytes. Files are in the page cache after the first iteration, as
 * they are when a user scrolls a tomogram twice. Destinations (ours and the
 * baselines') are allocated once, as a viewer's buffers are: the JVM's
 * zeroing of a fresh 512 MB array is no reader's work. The 2-thread read, its
 * two baselines and the 1-thread read run in turn within each operation
 * ({@link Sides}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class VolumeReadBench {

	Path dir;
	ZarrArray zarr;
	List<Path> chunkFiles;
	Path mrc;
	MultiscaleVolume mrcVolume;
	float[] destination;
	byte[] bytesDestination;
	ByteBuffer fileBuffer;
	ExecutorService nativeReaders;

	@Setup
	public void setup() throws IOException {
		final int n = BenchData.size("bench.volume.size", 512);
		final int c = Math.max(1, n / 2);
		final float[] data = BenchData.tomogram(n, 2);
		dir = Files.createTempDirectory("cryoet-bench");
		final ZarrArrayMetadata meta = new ZarrArrayMetadata(new long[] { n, n, n }, new int[] { c, c, c },
			new ZarrDtype(DataType.FLOAT32, java.nio.ByteOrder.LITTLE_ENDIAN), false, 0, new BloscCodec(
				BloscCodec.Cname.LZ4, 5, 1), "/");
		zarr = ZarrArray.create(new FileStore(dir.resolve("t.zarr")), "0", meta);
		final int[] full = { n, n, n };
		for (int z = 0; z < 2; z++)
			for (int y = 0; y < 2; y++)
				for (int x = 0; x < 2; x++) {
					final float[] chunk = new float[c * c * c];
					BoxCopy.copy(data, full, new int[] { z * c, y * c, x * c }, chunk, new int[] { c, c, c }, new int[3],
						new int[] { c, c, c });
					zarr.writeChunk(new long[] { z, y, x }, chunk);
				}
		try (Stream<Path> s = Files.walk(dir.resolve("t.zarr/0"))) {
			chunkFiles = s.filter(p -> Files.isRegularFile(p) && !p.getFileName().toString().startsWith(".")).collect(
				Collectors.toList());
		}
		mrc = dir.resolve("t.mrc");
		final MultiscaleVolume mv = new MultiscaleVolume("bench", Collections.singletonList(new ArrayVolume(
			DataType.FLOAT32, full, data, "bench")), Collections.singletonList(new double[] { 1, 1, 1 }), Collections
				.singletonList(new double[3]), false, Collections.emptyList());
		new MrcExport(2).export(mv, 0, mrc, Progress.NONE);
		mrcVolume = new VolumeOpener(new ChunkCache(0)).open(mrc);
		// Written back now, not 30 s into the measurement: the kernel's writeback of a gigabyte took CPU
		// time from the 2-thread read (on 2 cores) more than from the 1-thread one.
		try (Stream<Path> s = Files.walk(dir)) {
			for (final Path p : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator)
				try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
					ch.force(true);
				}
		}
		destination = new float[n * n * n];
		bytesDestination = new byte[(int) Files.size(mrc)];
		fileBuffer = ByteBuffer.allocate(1 << 20);
		nativeReaders = Executors.newFixedThreadPool(2);
	}

	@TearDown
	public void tearDown() throws IOException {
		nativeReaders.shutdownNow();
		try (Stream<Path> s = Files.walk(dir)) {
			s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
	}

	/** No cache: each chunk is read and decoded exactly once. */
	private Object zarrRead(final int threads) throws IOException {
		final long[] shape = zarr.metadata().shape;
		VolumeReader.read(new ZarrVolume(zarr, new ChunkCache(0)), new long[3], new int[] { (int) shape[0],
			(int) shape[1], (int) shape[2] }, destination, threads);
		return destination;
	}

	/**
	 * The level read on 2 threads, the same read decoded by native c-blosc,
	 * reading the chunk files' bytes, and the level read on 1 thread, in turn.
	 */
	@Benchmark
	public void zarrReadPaired(final Sides sides, final Blackhole bh) throws Exception {
		sides.round(bh, () -> zarrRead(2), NativeBlosc.problem() == null ? this::zarrReadNative2Threads : null,
			this::zarrChunkBytes, () -> zarrRead(1));
	}

	/**
	 * The same level read with native c-blosc doing the decoding, on 2
	 * threads: each chunk file read into a direct buffer, decoded by
	 * {@code blosc_decompress_ctx}, its rows copied into the destination (as
	 * ours are). What decoding at native speed leaves of the target over
	 * reading the bytes.
	 */
	private Object zarrReadNative2Threads() throws Exception {
		final List<Future<?>> done = new ArrayList<>();
		for (final Path p : chunkFiles)
			done.add(nativeReaders.submit(() -> {
				nativeChunk(p);
				return null;
			}));
		for (final Future<?> f : done)
			f.get();
		return destination;
	}

	/** A reader thread's buffers, kept between reads as ours are. */
	private final ThreadLocal<ByteBuffer[]> nativeBuffers = new ThreadLocal<>();

	private void nativeChunk(final Path p) throws IOException {
		final int n = (int) zarr.metadata().shape[2], c = zarr.metadata().chunks[2];
		ByteBuffer[] b = nativeBuffers.get();
		if (b == null) {
			b = new ByteBuffer[] { ByteBuffer.allocateDirect(4 * c * c * c + 4096), ByteBuffer.allocateDirect(4 * c * c * c)
				.order(java.nio.ByteOrder.LITTLE_ENDIAN) };
			nativeBuffers.set(b);
		}
		final ByteBuffer in = b[0], out = b[1];
		in.clear();
		try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
			if (ch.size() > in.capacity()) throw new IOException(p + ": larger than a chunk frame can be");
			while (in.hasRemaining() && ch.read(in) > 0) {}
		}
		in.flip();
		final int got = NativeBlosc.load().blosc_decompress_ctx(Native.getDirectBufferPointer(in), Native
			.getDirectBufferPointer(out), new NativeLong(out.capacity()), 1);
		if (got != out.capacity()) throw new IOException(p + ": c-blosc decoded " + got + " bytes");
		// the chunk's grid position from its key, .../0/z/y/x
		final int nameCount = p.getNameCount();
		final int gz = Integer.parseInt(p.getName(nameCount - 3).toString()), gy = Integer.parseInt(p.getName(nameCount -
			2).toString()), gx = Integer.parseInt(p.getName(nameCount - 1).toString());
		final java.nio.FloatBuffer rows = out.asFloatBuffer();
		for (int z = 0; z < c; z++)
			for (int y = 0; y < c; y++) {
				rows.position((z * c + y) * c);
				rows.get(destination, ((gz * c + z) * n + gy * c + y) * n + gx * c, c);
			}
	}

	private Long zarrChunkBytes() throws IOException {
		long n = 0;
		for (final Path p : chunkFiles)
			n += readInto(p, 0);
		return n;
	}

	/** Reads a file's bytes into the reused destination at {@code at}; returns how many. */
	private int readInto(final Path p, final int at) throws IOException {
		int n = 0;
		try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
			int k;
			fileBuffer.clear();
			while ((k = ch.read(fileBuffer)) > 0) {
				fileBuffer.flip();
				fileBuffer.get(bytesDestination, Math.min(at + n, bytesDestination.length - k), k);
				n += k;
				fileBuffer.clear();
			}
		}
		return n;
	}

	@Benchmark
	public Object mrcRead() throws IOException {
		final long[] shape = mrcVolume.level(0).shape();
		VolumeReader.read(mrcVolume.level(0), new long[3], new int[] { (int) shape[0], (int) shape[1], (int) shape[2] },
			destination, 1);
		return destination;
	}

	@Benchmark
	public long mrcBytes() throws IOException {
		return readInto(mrc, 0);
	}
}

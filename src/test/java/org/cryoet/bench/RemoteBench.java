package org.cryoet.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.cryoet.format.DataType;
import org.cryoet.format.codec.BloscCodec;
import org.cryoet.format.ngff.Multiscales;
import org.cryoet.format.zarr.ZarrArray;
import org.cryoet.format.zarr.ZarrArrayMetadata;
import org.cryoet.format.zarr.ZarrDtype;
import org.cryoet.store.AtomicOutput;
import org.cryoet.store.FileStore;
import org.cryoet.store.Listing;
import org.cryoet.store.RemoteOptions;
import org.cryoet.store.Store;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;
import org.cryoet.testutil.TreeHttpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Remote reading over the loopback HTTP server with added latency per
 * request (50 ms): the first slice of level 1 of a 256³-chunked int16
 * OME-Zarr tomogram (level shape 1.5c x 2c x 2c, so a slice meets 4 chunks),
 * against the minimum any reader needs (the .zattrs and the level's .zarray one
 * after the other, then the slice's chunks in one parallel wave, decoded by the
 * same code); and the whole level over HTTP against the same read from local
 * disk. Each operation opens a new store: nothing is cached between operations.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RemoteBench {

	static final int THREADS = 2;

	Path dir;
	TreeHttpServer server;
	int c;
	long[] shape;
	short[] slice;
	short[] level;
	ExecutorService decoders;

	@Setup
	public void setup() throws IOException {
		c = Integer.getInteger("bench.remote.chunk", 256);
		shape = new long[] { c + c / 2, 2L * c, 2L * c };
		dir = Files.createTempDirectory("cryoet-remote-bench");
		write(dir.resolve("t.zarr"), c, shape);
		server = new TreeHttpServer(dir).latency(Integer.getInteger("bench.remote.latency", 50));
		slice = new short[(int) (shape[1] * shape[2])];
		level = new short[(int) (shape[0] * shape[1] * shape[2])];
		decoders = Executors.newFixedThreadPool(THREADS);
	}

	@TearDown
	public void tearDown() throws IOException {
		server.close();
		decoders.shutdownNow();
		AtomicOutput.deleteTree(dir);
	}

	/** A portal-style group: level 0 described only, level 1 written in full. */
	static void write(final Path group, final int c, final long[] shape) throws IOException {
		final FileStore fs = new FileStore(group);
		fs.put(".zgroup", "{\n    \"zarr_format\": 2\n}".getBytes(StandardCharsets.UTF_8));
		fs.put(".zattrs", Multiscales.portalZattrs(Arrays.asList(new double[] { 13.48, 13.48, 13.48 }, new double[] {
			26.96, 26.96, 26.96 }), false, new int[0]).getBytes(StandardCharsets.UTF_8));
		final ZarrDtype i2 = new ZarrDtype(DataType.INT16, java.nio.ByteOrder.LITTLE_ENDIAN);
		ZarrArray.create(fs, "0", new ZarrArrayMetadata(new long[] { 2 * shape[0], 2 * shape[1], 2 * shape[2] },
			new int[] { c, c, c }, i2, false, 0, new BloscCodec(BloscCodec.Cname.LZ4, 5, 1), "/"));
		final ZarrArray a = ZarrArray.create(fs, "1", new ZarrArrayMetadata(shape, new int[] { c, c, c }, i2, false, 0,
			new BloscCodec(BloscCodec.Cname.LZ4, 5, 1), "/"));
		final long[] grid = a.metadata().gridShape();
		final Random r = new Random(7);
		for (int gz = 0; gz < grid[0]; gz++)
			for (int gy = 0; gy < grid[1]; gy++)
				for (int gx = 0; gx < grid[2]; gx++) {
					final short[] chunk = new short[c * c * c];
					int i = 0;
					for (int z = 0; z < c; z++)
						for (int y = 0; y < c; y++)
							for (int x = 0; x < c; x++) {
								final long X = gx * c + x, Y = gy * c + y, Z = gz * c + z;
								chunk[i++] = (short) ((X * 3 + Y * 5 + Z * 7) % 2000 + r.nextInt(16));
							}
					a.writeChunk(new long[] { gz, gy, gx }, chunk);
				}
	}

	RemoteOptions options() {
		return RemoteOptions.defaults();
	}

	/** Our path, as the viewer will take it: metadata, the levels' .zarray in one wave, the slice's chunks in one wave. */
	static short[] firstSlice(final StorePath group, final short[] dst, final ExecutorService decoders)
		throws Exception
	{
		final Store s = group.store;
		final String zattrs = group.resolve(".zattrs").key;
		final Multiscales ms = Multiscales.parse(s.get(zattrs), s.describe(zattrs));
		final List<String> arrays = new ArrayList<>();
		for (final Multiscales.Level l : ms.levels)
			arrays.add(group.resolve(l.path + "/.zarray").key);
		s.prefetch(arrays);
		final ZarrArray a = ZarrArray.open(s, group.resolve(ms.levels.get(1).path).key);
		readSlice(a, 0, dst, decoders, true);
		return dst;
	}

	/** Reads slice z of a 3-d array: its chunks fetched in one wave, then decoded on the decoder threads. */
	static void readSlice(final ZarrArray a, final long z, final short[] dst, final ExecutorService decoders,
		final boolean prefetch) throws Exception
	{
		final ZarrArrayMetadata m = a.metadata();
		final long[] grid = m.gridShape();
		final List<long[]> chunks = new ArrayList<>();
		for (long gy = 0; gy < grid[1]; gy++)
			for (long gx = 0; gx < grid[2]; gx++)
				chunks.add(new long[] { z / m.chunks[0], gy, gx });
		if (prefetch) a.prefetch(chunks);
		final int[] dstShape = { 1, (int) m.shape[1], (int) m.shape[2] };
		final List<Future<?>> done = new ArrayList<>();
		for (final long[] g : chunks)
			done.add(decoders.submit(() -> {
				final int[] size = { 1, (int) Math.min(m.chunks[1], m.shape[1] - g[1] * m.chunks[1]), (int) Math.min(
					m.chunks[2], m.shape[2] - g[2] * m.chunks[2]) };
				a.readChunkInto(g, new int[] { (int) (z % m.chunks[0]), 0, 0 }, size, dst, dstShape, new int[] { 0,
					(int) (g[1] * m.chunks[1]), (int) (g[2] * m.chunks[2]) });
				return null;
			}));
		for (final Future<?> f : done)
			f.get();
	}

	/** A whole level: every chunk fetched in one bounded wave, then decoded into {@code dst}. */
	static void readLevel(final StorePath array, final short[] dst, final ExecutorService decoders) throws Exception {
		final ZarrArray a = ZarrArray.open(array.store, array.key);
		final ZarrArrayMetadata m = a.metadata();
		final long[] grid = m.gridShape();
		final List<long[]> chunks = new ArrayList<>();
		for (long gz = 0; gz < grid[0]; gz++)
			for (long gy = 0; gy < grid[1]; gy++)
				for (long gx = 0; gx < grid[2]; gx++)
					chunks.add(new long[] { gz, gy, gx });
		a.prefetch(chunks);
		final int[] dstShape = { (int) m.shape[0], (int) m.shape[1], (int) m.shape[2] };
		final List<Future<?>> done = new ArrayList<>();
		for (final long[] g : chunks)
			done.add(decoders.submit(() -> {
				final int[] size = new int[3], at = new int[3];
				for (int d = 0; d < 3; d++) {
					at[d] = (int) (g[d] * m.chunks[d]);
					size[d] = (int) Math.min(m.chunks[d], m.shape[d] - at[d]);
				}
				a.readChunkInto(g, new int[3], size, dst, dstShape, at);
				return null;
			}));
		for (final Future<?> f : done)
			f.get();
	}

	/** The minimum: plain requests, no store: .zattrs, then the level's .zarray, then one wave of the slice's chunks. */
	static short[] firstSliceMinimum(final String groupUrl, final short[] dst, final ExecutorService decoders)
		throws Exception
	{
		final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		final byte[] zattrs = fetch(client, groupUrl + ".zattrs");
		final Multiscales ms = Multiscales.parse(zattrs, groupUrl);
		final String level = ms.levels.get(1).path;
		final byte[] zarray = fetch(client, groupUrl + level + "/.zarray");
		final MapStore mem = new MapStore();
		mem.map.put(level + "/.zarray", zarray);
		final ZarrArray a = ZarrArray.open(mem, level);
		final long[] grid = a.metadata().gridShape();
		final Map<String, CompletableFuture<HttpResponse<byte[]>>> wave = new HashMap<>();
		for (long gy = 0; gy < grid[1]; gy++)
			for (long gx = 0; gx < grid[2]; gx++) {
				final String k = a.chunkKey(new long[] { 0, gy, gx });
				wave.put(k, client.sendAsync(HttpRequest.newBuilder(URI.create(groupUrl + k)).build(), HttpResponse.BodyHandlers
					.ofByteArray()));
			}
		for (final Map.Entry<String, CompletableFuture<HttpResponse<byte[]>>> e : wave.entrySet())
			mem.map.put(e.getKey(), e.getValue().get().body());
		readSlice(a, 0, dst, decoders, false);
		return dst;
	}

	private static byte[] fetch(final HttpClient client, final String url) throws Exception {
		final HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers
			.ofByteArray());
		if (r.statusCode() != 200) throw new IOException(url + ": HTTP " + r.statusCode());
		return r.body();
	}

	/** Values in memory: the minimum's fetched bytes, decoded by the same ZarrArray code as ours. */
	static final class MapStore implements Store {

		final Map<String, byte[]> map = new HashMap<>();

		@Override
		public byte[] get(final String key) {
			return map.get(key);
		}

		@Override
		public byte[] getRange(final String key, final long offset, final int length) {
			throw new UnsupportedOperationException();
		}

		@Override
		public long size(final String key) {
			return map.containsKey(key) ? map.get(key).length : -1;
		}

		@Override
		public Listing list(final String prefix, final String delimiter) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void put(final String key, final byte[] data) {
			map.put(key, data);
		}

		@Override
		public String describe(final String key) {
			return "memory:" + key;
		}
	}

	@Benchmark
	public short[] remoteFirstSlice() throws Exception {
		final StorePath group = Stores.open(server.url() + "t.zarr", options());
		try {
			return firstSlice(group, slice, decoders);
		}
		finally {
			group.store.close();
		}
	}

	@Benchmark
	public short[] remoteFirstSliceMinimum() throws Exception {
		return firstSliceMinimum(server.url() + "t.zarr/", slice, decoders);
	}

	@Benchmark
	public short[] remoteLevelRead() throws Exception {
		final StorePath array = Stores.open(server.url() + "t.zarr/1", options());
		try {
			readLevel(array, level, decoders);
			return level;
		}
		finally {
			array.store.close();
		}
	}

	@Benchmark
	public short[] localLevelRead() throws Exception {
		readLevel(Stores.open(dir.resolve("t.zarr/1").toString()), level, decoders);
		return level;
	}

	/** Requests of one first slice, ours and the minimum's, counted by the server (for the summary). */
	public static long[] firstSliceRequests(final int chunk) throws Exception {
		final RemoteBench b = new RemoteBench();
		System.setProperty("bench.remote.chunk", Integer.toString(chunk));
		b.setup();
		try {
			b.server.latency(0);
			b.remoteFirstSlice();
			final long ours = b.server.requests();
			final short[] mine = b.slice.clone();
			b.server.reset();
			b.remoteFirstSliceMinimum();
			if (!Arrays.equals(mine, b.slice)) throw new IllegalStateException("ours and the minimum read different slices");
			return new long[] { ours, b.server.requests() };
		}
		finally {
			b.tearDown();
		}
	}
}

package org.cryoet.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs the JMH benchmarks and writes {@code summary.json}: a list of
 * {@code {name, value, unit, baseline, ratio}} where ratio is ours divided by
 * a baseline measured in the same run (throughputs, so higher is better).
 * {@code --quick} runs in a few minutes; {@code --tiny} is for the test
 * that keeps this runner from rotting.
 */
public final class BenchRunner {

	private BenchRunner() {}

	public static void main(final String[] args) throws Exception {
		String mode = "full", only = null;
		Path out = Path.of("target", "bench");
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--quick") || args[i].equals("--tiny")) mode = args[i].substring(2);
			else if (args[i].equals("--out")) out = Path.of(args[++i]);
			else if (args[i].equals("--only")) only = args[++i].toLowerCase(java.util.Locale.ROOT);
			else throw new IllegalArgumentException("unknown option " + args[i]);
		}
		final int blosc = mode.equals("full") ? 256 : mode.equals("quick") ? 128 : 32;
		final int volume = mode.equals("full") ? 512 : mode.equals("quick") ? 256 : 32;
		final int points = mode.equals("tiny") ? 2000 : 1_000_000;
		// Remote reads keep the portal's 256³ chunks except in the runner's own test.
		final int remoteChunk = mode.equals("tiny") ? 16 : 256;
		final List<String> benches = new ArrayList<>(), slowToWarm = new ArrayList<>();
		for (final Class<?> bench : new Class<?>[] { BloscBench.class, VolumeReadBench.class, NdjsonBench.class,
			SliceBench.class, RemoteBench.class })
			if (only == null || bench.getSimpleName().toLowerCase(java.util.Locale.ROOT).contains(only))
				(bench == VolumeReadBench.class || bench == BloscBench.class ? slowToWarm : benches).add(bench.getName());
		System.setProperty("bench.blosc.size", Integer.toString(blosc));
		System.setProperty("bench.volume.size", Integer.toString(volume));
		System.setProperty("bench.points", Integer.toString(points));
		System.setProperty("bench.remote.chunk", Integer.toString(remoteChunk));
		// The tiny run only checks that the runner works: it may share the machine with other JMH runs.
		if (mode.equals("tiny")) System.setProperty("jmh.ignoreLock", "true");
		final List<RunResult> results = new ArrayList<>();
		if (!benches.isEmpty()) results.addAll(new Runner(options(mode, benches, 3, blosc, volume, points,
			remoteChunk)).run());
		// A whole-level read takes 200-400 ms, so three 2 s warm-up iterations are some 20 reads: C2 was
		// still recompiling the decode loop during the measured ones (a run's 1-thread figure fell from 400
		// to 325 ms in its third iteration), so this benchmark warms up for 20 s. So do the Blosc ones: a
		// run's zstd decoding took 71 ms in its first three measured iterations and 51-54 in the last two.
		if (!slowToWarm.isEmpty()) results.addAll(new Runner(options(mode, slowToWarm, mode.equals("full") ? 10 : 3,
			blosc, volume, points, remoteChunk)).run());
		final JsonObject heap = only == null || "heapscroll".contains(only) ? heapScroll(mode, out) : null;
		final Map<String, Double> ms = new HashMap<>();
		final Map<String, double[]> ranges = new HashMap<>();
		for (final RunResult r : results) {
			final String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
			final String cname = r.getParams().getParamsKeys().contains("cname") ? r.getParams().getParam("cname") : "";
			final String suffix = cname.isEmpty() ? "" : "_" + cname;
			if (name.equals("decodePaired")) sides(r, ms, ranges, "decodeOurs" + suffix, "decodeNative" + suffix);
			else if (name.equals("encodePaired")) sides(r, ms, ranges, "encodeOurs" + suffix, "encodeNative" + suffix);
			else if (name.equals("encodeSmallPaired")) sides(r, ms, ranges, "encodeSmallOurs" + suffix, "encodeSmallNative" +
				suffix);
			else if (name.equals("streamsPaired")) sides(r, ms, ranges, "streamsOurs" + suffix, "streamsNative" + suffix);
			else if (name.equals("zarrReadPaired")) sides(r, ms, ranges, "zarrRead2Threads", "zarrReadNative2Threads",
				"zarrChunkBytes", "zarrRead1Thread");
			else ms.put(name + suffix, r.getPrimaryResult().getScore());
		}
		final double bloscMb = 4.0 * blosc * blosc * blosc / 1e6;
		final double volumeMb = 4.0 * volume * volume * volume / 1e6;
		final String nativeProblem = NativeBlosc.problem();
		final JsonArray summary = new JsonArray();
		for (final String c : new String[] { "lz4", "zstd" }) {
			summary.add(withRange(entry("blosc_" + c + "_decode", bloscMb, ms.get("decodeOurs_" + c), nativeProblem == null
				? ms.get("decodeNative_" + c) : null, "native c-blosc, 1 thread, in turn with ours", nativeProblem), ranges
					.get("decodeNative_" + c)));
			summary.add(entry("blosc_" + c + "_decode_2threads", bloscMb, ms.get("decodeOurs2Threads_" + c),
				nativeProblem == null ? ms.get("decodeNative_" + c) : null, "native c-blosc, 1 thread", nativeProblem));
			// The codec alone, on the frame's compressed streams: with the decode above, how the time divides
			// between the LZ4 or zstd decoder and the unshuffle.
			final String streamsProblem = nativeProblem != null ? nativeProblem : NativeCodecs.problem();
			if (ms.containsKey("streamsOurs_" + c)) summary.add(withRange(entry("blosc_" + c + "_streams", BloscStreams.of(
				BloscBench.frame(BenchData.bytes(BenchData.tomogram(blosc, 1)), c)).decodedBytes() / 1e6, ms.get(
					"streamsOurs_" + c), streamsProblem == null ? ms.get("streamsNative_" + c) : null, "the system's lib" + c +
						" on the same streams, in turn with ours", streamsProblem), ranges.get("streamsNative_" + c)));
			summary.add(withRange(entry("blosc_" + c + "_encode", bloscMb, ms.get("encodeOurs_" + c), nativeProblem == null
				? ms.get("encodeNative_" + c) : null, "native c-blosc, 1 thread, in turn with ours", nativeProblem), ranges
					.get("encodeNative_" + c)));
			final int small = Math.max(blosc / 2, 8);
			final JsonObject smallEncode = withRange(entry("blosc_" + c + "_encode_small", 4.0 * small * small * small / 1e6, ms
				.get("encodeSmallOurs_" + c), nativeProblem == null ? ms.get("encodeSmallNative_" + c) : null,
				"native c-blosc, 1 thread, in turn with ours", nativeProblem), ranges.get("encodeSmallNative_" + c));
			smallEncode.addProperty("chunk", small + "^3 float32");
			summary.add(smallEncode);
		}
		summary.add(withRange(entry("zarr_level_read", volumeMb, ms.get("zarrRead2Threads"), ms.get("zarrChunkBytes"),
			"reading the chunk files' bytes, in turn with ours", null), ranges.get("zarrChunkBytes")));
		// The same read with native c-blosc decoding: how near the target decoding at native speed comes.
		final JsonObject vsNative = entry("zarr_level_read_vs_native", volumeMb, ms.get("zarrRead2Threads"),
			nativeProblem == null ? ms.get("zarrReadNative2Threads") : null,
			"the same level read decoded by native c-blosc, 2 threads, in turn with ours", nativeProblem);
		withRange(vsNative, ranges.get("zarrReadNative2Threads"));
		if (nativeProblem == null && ms.get("zarrReadNative2Threads") != null && ms.get("zarrChunkBytes") != null)
			vsNative.addProperty("native_ratio_to_chunk_bytes", round(ms.get("zarrChunkBytes") / ms.get(
				"zarrReadNative2Threads")));
		summary.add(vsNative);
		summary.add(withRange(entry("zarr_level_read_scaling_1_to_2_threads", volumeMb, ms.get("zarrRead2Threads"), ms
			.get("zarrRead1Thread"), "the same read on 1 thread, in turn with ours", null), ranges.get("zarrRead1Thread")));
		summary.add(entry("mrc_read", volumeMb, ms.get("mrcRead"), ms.get("mrcBytes"), "reading the file's bytes", null));
		summary.add(target("slice_latency_warm", ms.get("sliceWarm"), "ms", 20, "target: at most 20 ms"));
		summary.add(target("slice_latency_cold", ms.get("sliceCold"), "ms", null, "no target"));
		final double mib = 1 << 20;
		if (heap != null) summary.add(target("heap_scroll_peak_live", heap.get("peak_live").getAsLong() / mib, "MiB", heap.get(
			"cache_budget").getAsLong() / mib + 64, "target: cache budget + 64 MiB (heap " + heap.get("heap_max")
				.getAsLong() / (1 << 20) + " MiB, volume " + heap.get("volume_bytes").getAsLong() / (1 << 20) + " MiB)"));
		summary.add(pointsEntry("ndjson_import", points, ms.get("ndjsonImport"), ms.get("ndjsonImportBytes"),
			"reading the file's bytes"));
		summary.add(pointsEntry("ndjson_export", points, ms.get("ndjsonExport"), ms.get("ndjsonExportBytes"),
			"writing the same bytes to a file"));
		final long[] requests = RemoteBench.firstSliceRequests(remoteChunk);
		summary.add(timeEntry("remote_first_slice", ms.get("remoteFirstSlice"), ms.get("remoteFirstSliceMinimum"),
			"the minimum: .zattrs, then the level's .zarray, then the slice's chunks in one parallel wave, same decoding; " +
				"50 ms added per request; ratio = ours / minimum, target <= 1.3", requests));
		summary.add(timeEntry("remote_level_read", ms.get("remoteLevelRead"), ms.get("localLevelRead"),
			"the same level read from local disk; ratio = remote / local", null));
		for (int i = summary.size() - 1; i >= 0; i--)
			if (summary.get(i).getAsJsonObject().get("value").isJsonNull() && only != null) summary.remove(i);
		Files.createDirectories(out);
		final JsonObject doc = new JsonObject();
		doc.addProperty("mode", mode);
		doc.addProperty("blosc_chunk", blosc + "^3 float32");
		doc.addProperty("volume", volume + "^3 float32");
		final String json = new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(summary);
		Files.write(out.resolve("summary.json"), json.getBytes(StandardCharsets.UTF_8));
		if (!mode.equals("tiny")) System.out.println(json);
	}

	/**
	 * Scrolls a volume larger than the heap in a JVM of its own with a small
	 * heap; the benchmark writes what it measured into a file.
	 */
	private static JsonObject heapScroll(final String mode, final Path out) throws Exception {
		Files.createDirectories(out);
		final Path result = out.resolve("heap_scroll.json").toAbsolutePath();
		final String heap = mode.equals("full") ? "-Xmx1g" : mode.equals("quick") ? "-Xmx512m" : "-Xmx256m";
		final String xy = mode.equals("full") ? "1024" : mode.equals("quick") ? "512" : "64";
		final String chunk = mode.equals("full") ? "256" : mode.equals("quick") ? "128" : "32";
		final ChainedOptionsBuilder o = new OptionsBuilder().include(HeapScrollBench.class.getName()).forks(1)
			.warmupIterations(0).measurementIterations(1).verbosity(mode.equals("tiny") ? VerboseMode.SILENT
				: VerboseMode.NORMAL).jvmArgs(heap, "-Dbench.heap.out=" + result, "-Dbench.scroll.xy=" +
				xy, "-Dbench.scroll.chunk=" + chunk, "-Dbench.scroll.z=" + (mode.equals("tiny") ? "64" : "")).shouldFailOnError(
					true);
		new Runner(o.build()).run();
		return com.google.gson.JsonParser.parseString(Files.readString(result)).getAsJsonObject();
	}

	private static org.openjdk.jmh.runner.options.Options options(final String mode, final List<String> benches,
		final int warmups, final int blosc, final int volume, final int points, final int remoteChunk)
	{
		final ChainedOptionsBuilder o = new OptionsBuilder().jvmArgsAppend("-Dbench.blosc.size=" + blosc,
			"-Dbench.volume.size=" + volume, "-Dbench.points=" + points, "-Dbench.remote.chunk=" + remoteChunk, "-Xmx6g",
			"-Xms2g").shouldFailOnError(true);
		for (final String b : benches)
			o.include(b);
		// tiny is the test suite's smoke run: silent, so `mvn verify` stays readable
		if (mode.equals("tiny")) o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue
			.milliseconds(50)).verbosity(VerboseMode.SILENT);
		// Three warm-up seconds: on a busy machine the JIT needs about two before Blosc encoding runs compiled
		// (its first calls are 20x slower), so one second measured warm-up rather than the codec.
		else if (mode.equals("quick")) o.forks(1).warmupIterations(warmups).warmupTime(TimeValue.seconds(1))
			.measurementIterations(2).measurementTime(TimeValue.seconds(1));
		else o.forks(1).warmupIterations(warmups).warmupTime(TimeValue.seconds(2)).measurementIterations(5)
			.measurementTime(TimeValue.seconds(2));
		return o.build();
	}

	/** A figure with an absolute target (lower is better): ratio = value ÷ target, at most 1 meets it. */
	private static JsonObject target(final String name, final Double value, final String unit, final Number target,
		final String what)
	{
		final JsonObject e = new JsonObject();
		e.addProperty("name", name);
		e.addProperty("value", value == null ? null : round(value));
		e.addProperty("unit", unit);
		final JsonObject b = new JsonObject();
		b.addProperty("what", what);
		b.addProperty("value", target == null ? null : round(target.doubleValue()));
		if (target == null) b.addProperty("unavailable", "no target");
		e.add("baseline", b);
		e.addProperty("ratio", value == null || target == null ? null : round(value / target.doubleValue()));
		return e;
	}

	/**
	 * A paired benchmark's sides ({@link Sides}) as if each were a benchmark
	 * of its own: mean milliseconds per operation over the measured
	 * iterations, under the keys given in {@link Sides}' order. The
	 * range of each baseline's ratio to ours over single iterations goes
	 * under the baseline's key; a side that never ran (native c-blosc absent)
	 * is left out.
	 */
	private static void sides(final RunResult r, final Map<String, Double> ms, final Map<String, double[]> ranges,
		final String... keys)
	{
		final String[] counters = { "oursNanos", "nativeNanos", "bytesNanos", "oneThreadNanos" };
		final double rounds = r.getSecondaryResults().get("rounds").getScore();
		final double oursNanos = r.getSecondaryResults().get("oursNanos").getScore();
		for (int i = 0; i < keys.length; i++) {
			final double nanos = r.getSecondaryResults().get(counters[i]).getScore();
			if (keys[i] == null || nanos == 0 || rounds == 0) continue;
			ms.put(keys[i], nanos / rounds / 1e6);
			if (i == 0) continue;
			double min = Double.POSITIVE_INFINITY, max = 0;
			for (final BenchmarkResult b : r.getBenchmarkResults())
				for (final IterationResult it : b.getIterationResults()) {
					final double ratio = it.getSecondaryResults().get(counters[i]).getScore() / it.getSecondaryResults().get(
						"oursNanos").getScore();
					min = Math.min(min, ratio);
					max = Math.max(max, ratio);
				}
			if (oursNanos > 0) ranges.put(keys[i], new double[] { min, max });
		}
	}

	/** Adds the spread of a paired ratio over single measured iterations. */
	private static JsonObject withRange(final JsonObject e, final double[] range) {
		if (range != null && !e.get("ratio").isJsonNull()) {
			final JsonArray a = new JsonArray();
			a.add(round(range[0]));
			a.add(round(range[1]));
			e.add("ratio_per_iteration", a);
		}
		return e;
	}

	/** Scores are milliseconds per operation; the summary speaks in MB/s of decoded data. */
	private static JsonObject entry(final String name, final double mb, final Double oursMs, final Double baselineMs,
		final String baselineName, final String unavailable)
	{
		final JsonObject e = new JsonObject();
		e.addProperty("name", name);
		e.addProperty("value", oursMs == null ? null : round(mb / (oursMs / 1000)));
		e.addProperty("unit", "MB/s");
		final JsonObject b = new JsonObject();
		b.addProperty("what", baselineName);
		b.addProperty("value", baselineMs == null ? null : round(mb / (baselineMs / 1000)));
		if (baselineMs == null && unavailable != null) b.addProperty("unavailable", unavailable);
		e.add("baseline", b);
		e.addProperty("ratio", oursMs == null || baselineMs == null ? null : round(baselineMs / oursMs));
		return e;
	}

	/** Oriented points per second on one thread, with the baseline in the same unit (points of the same file's bytes). */
	private static JsonObject pointsEntry(final String name, final int points, final Double oursMs, final Double baselineMs,
		final String baselineName)
	{
		final JsonObject e = entry(name, points / 1e6, oursMs, baselineMs, baselineName, null);
		e.addProperty("value", oursMs == null ? null : Math.round(points / (oursMs / 1000)));
		e.addProperty("unit", "points/s");
		e.getAsJsonObject("baseline").addProperty("value", baselineMs == null ? null : Math.round(points / (baselineMs /
			1000)));
		return e;
	}

	/** Times in ms (lower is better): ratio = ours / baseline; requests as [ours, minimum]. */
	private static JsonObject timeEntry(final String name, final Double oursMs, final Double baselineMs,
		final String baselineName, final long[] requests)
	{
		final JsonObject e = new JsonObject();
		e.addProperty("name", name);
		e.addProperty("value", oursMs == null ? null : round(oursMs));
		e.addProperty("unit", "ms");
		final JsonObject b = new JsonObject();
		b.addProperty("what", baselineName);
		b.addProperty("value", baselineMs == null ? null : round(baselineMs));
		e.add("baseline", b);
		e.addProperty("ratio", oursMs == null || baselineMs == null ? null : round(oursMs / baselineMs));
		if (requests != null) {
			e.addProperty("requests", requests[0]);
			e.addProperty("requests_minimum", requests[1]);
		}
		return e;
	}

	private static Double round(final double v) {
		return Math.round(v * 1000) / 1000.0;
	}
}

package org.cryoet.bench;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

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
 * {@code --quick} runs in under two minutes; {@code --tiny} is for the test
 * that keeps this runner from rotting.
 */
public final class BenchRunner {

	private BenchRunner() {}

	public static void main(final String[] args) throws Exception {
		String mode = "full";
		Path out = Path.of("target", "bench");
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--quick") || args[i].equals("--tiny")) mode = args[i].substring(2);
			else if (args[i].equals("--out")) out = Path.of(args[++i]);
			else throw new IllegalArgumentException("unknown option " + args[i]);
		}
		final int blosc = mode.equals("full") ? 256 : mode.equals("quick") ? 128 : 32;
		final int volume = mode.equals("full") ? 512 : mode.equals("quick") ? 256 : 32;
		final ChainedOptionsBuilder o = new OptionsBuilder().include(BloscBench.class.getName()).include(
			VolumeReadBench.class.getName()).jvmArgsAppend("-Dbench.blosc.size=" + blosc, "-Dbench.volume.size=" + volume,
				"-Xmx6g", "-Xms2g").shouldFailOnError(true);
		System.setProperty("bench.blosc.size", Integer.toString(blosc));
		System.setProperty("bench.volume.size", Integer.toString(volume));
		// tiny is the test suite's smoke run: silent, so `mvn verify` stays readable
		if (mode.equals("tiny")) o.forks(0).warmupIterations(0).measurementIterations(1).measurementTime(TimeValue
			.milliseconds(50)).verbosity(VerboseMode.SILENT);
		else if (mode.equals("quick")) o.forks(1).warmupIterations(1).warmupTime(TimeValue.seconds(1))
			.measurementIterations(2).measurementTime(TimeValue.seconds(1));
		else o.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(2)).measurementIterations(5).measurementTime(
			TimeValue.seconds(2));
		final Collection<RunResult> results = new Runner(o.build()).run();
		final Map<String, Double> ms = new HashMap<>();
		for (final RunResult r : results) {
			final String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
			final String cname = r.getParams().getParamsKeys().contains("cname") ? r.getParams().getParam("cname") : "";
			ms.put(name + (cname.isEmpty() ? "" : "_" + cname), r.getPrimaryResult().getScore());
		}
		final double bloscMb = 4.0 * blosc * blosc * blosc / 1e6;
		final double volumeMb = 4.0 * volume * volume * volume / 1e6;
		final String nativeProblem = NativeBlosc.problem();
		final JsonArray summary = new JsonArray();
		for (final String c : new String[] { "lz4", "zstd" }) {
			summary.add(entry("blosc_" + c + "_decode", bloscMb, ms.get("decodeOurs_" + c), nativeProblem == null ? ms.get(
				"decodeNative_" + c) : null, "native c-blosc, 1 thread", nativeProblem));
			summary.add(entry("blosc_" + c + "_decode_2threads", bloscMb, ms.get("decodeOurs2Threads_" + c),
				nativeProblem == null ? ms.get("decodeNative_" + c) : null, "native c-blosc, 1 thread", nativeProblem));
			summary.add(entry("blosc_" + c + "_encode", bloscMb, ms.get("encodeOurs_" + c), nativeProblem == null ? ms.get(
				"encodeNative_" + c) : null, "native c-blosc, 1 thread", nativeProblem));
		}
		summary.add(entry("zarr_level_read", volumeMb, ms.get("zarrRead2Threads"), ms.get("zarrChunkBytes"),
			"reading the chunk files' bytes", null));
		summary.add(entry("zarr_level_read_scaling_1_to_2_threads", volumeMb, ms.get("zarrRead2Threads"), ms.get(
			"zarrRead1Thread"), "the same read on 1 thread", null));
		summary.add(entry("mrc_read", volumeMb, ms.get("mrcRead"), ms.get("mrcBytes"), "reading the file's bytes", null));
		Files.createDirectories(out);
		final JsonObject doc = new JsonObject();
		doc.addProperty("mode", mode);
		doc.addProperty("blosc_chunk", blosc + "^3 float32");
		doc.addProperty("volume", volume + "^3 float32");
		final String json = new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(summary);
		Files.write(out.resolve("summary.json"), json.getBytes(StandardCharsets.UTF_8));
		if (!mode.equals("tiny")) System.out.println(json);
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

	private static Double round(final double v) {
		return Math.round(v * 1000) / 1000.0;
	}
}

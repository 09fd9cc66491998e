package org.cryoet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/bench's runner on tiny sizes: it runs every benchmark and writes a well-formed summary. */
class BenchRunnerTest {

	@TempDir
	Path out;

	private static final Set<String> PAIRED = Set.of("blosc_lz4_decode", "blosc_zstd_decode", "blosc_lz4_encode",
		"blosc_zstd_encode", "blosc_lz4_encode_small", "blosc_zstd_encode_small", "blosc_lz4_streams",
		"blosc_zstd_streams", "zarr_level_read", "zarr_level_read_vs_native", "zarr_level_read_scaling_1_to_2_threads");

	@Test
	void tinyRunWritesAWellFormedSummary() throws Exception {
		BenchRunner.main(new String[] { "--tiny", "--out", out.toString() });
		final JsonArray s = JsonParser.parseString(Files.readString(out.resolve("summary.json"))).getAsJsonArray();
		final Set<String> names = new HashSet<>();
		for (final JsonElement e : s) {
			final JsonObject o = e.getAsJsonObject();
			names.add(o.get("name").getAsString());
			// the tiny run's Blosc chunk is 32³; the small encode's is half its edge
			if (o.get("name").getAsString().endsWith("_encode_small")) assertEquals("16^3 float32", o.get("chunk")
				.getAsString());
			assertTrue(java.util.List.of("MB/s", "ms", "MiB", "points/s").contains(o.get("unit").getAsString()), o.toString());
			assertTrue(o.get("value").getAsDouble() > 0, o.toString());
			final JsonObject b = o.getAsJsonObject("baseline");
			assertTrue(b.has("what"));
			if (b.get("value").isJsonNull()) {
				assertTrue(b.has("unavailable"), "a missing baseline says why: " + o);
				assertTrue(o.get("ratio").isJsonNull());
			}
			else {
				final double v = o.get("value").getAsDouble(), t = b.get("value").getAsDouble();
				final double expected = v / t;
				assertEquals(expected, o.get("ratio").getAsDouble(), 0.01 * expected + 0.002);
				// measured in turn with ours: each paired figure carries its single iterations' range, computed from
				// the same counters as its ratio (a ratio of sums lies within it)
				if (PAIRED.contains(o.get("name").getAsString())) {
					final JsonArray range = o.getAsJsonArray("ratio_per_iteration");
					final double ratio = o.get("ratio").getAsDouble();
					assertTrue(range.get(0).getAsDouble() <= ratio + 0.002 && ratio <= range.get(1).getAsDouble() + 0.002, o
						.toString());
				}
			}
		}
		for (final String n : new String[] { "blosc_lz4_decode", "blosc_zstd_decode", "blosc_lz4_encode",
			"blosc_zstd_encode", "blosc_lz4_encode_small", "blosc_zstd_encode_small", "blosc_lz4_streams",
			"blosc_zstd_streams", "zarr_level_read", "zarr_level_read_vs_native", "zarr_level_read_scaling_1_to_2_threads",
			"mrc_read", "slice_latency_warm", "slice_latency_cold", "heap_scroll_peak_live", "ndjson_import",
			"ndjson_export", "remote_first_slice", "remote_level_read" })
			assertTrue(names.contains(n), n);
	}
}

package org.cryoet.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.cryoet.image.ChunkCache;
import org.cryoet.image.ZarrVolume;
import org.cryoet.store.AtomicOutput;
import org.cryoet.ui.ij.LevelStack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code heap_scroll}: every slice of a float32 volume larger than the heap
 * (the runner forks this with a small {@code -Xmx}), read as ImageJ's display
 * reads them, with the default cache budget (a quarter of the heap). Reports
 * the largest live heap seen (used heap right after a full GC, sampled every
 * few slices) against the budget, in {@code bench.heap.out}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class HeapScrollBench {

	Path dir;
	LevelStack stack;
	ChunkCache cache;
	long peakLive, budget;
	int slices;

	@Setup
	public void setup() throws IOException {
		final long heap = Runtime.getRuntime().maxMemory();
		final int xy = BenchData.size("bench.scroll.xy", 1024), chunk = BenchData.size("bench.scroll.chunk", 256);
		// Enough slices that the volume is twice the heap.
		final long z = Long.getLong("bench.scroll.z", Math.max(chunk, (long) Math.ceil(2.0 * heap / (4.0 * xy * xy))));
		dir = Files.createTempDirectory("cryoet-scroll-bench");
		budget = heap / 4;
		cache = new ChunkCache(budget);
		stack = new LevelStack(new ZarrVolume(ViewerData.write(dir, new long[] { z, xy, xy }, chunk), cache), false, null);
		slices = (int) z;
		System.gc();
	}

	@Benchmark
	public long scrollEverySlice() {
		long sum = 0;
		for (int s = 1; s <= slices; s++) {
			sum += ((float[]) stack.getProcessor(s).getPixels()).length;
			if (s % 8 == 0 || s == slices) sample();
		}
		return sum;
	}

	private void sample() {
		System.gc();
		final Runtime r = Runtime.getRuntime();
		peakLive = Math.max(peakLive, r.totalMemory() - r.freeMemory());
	}

	@TearDown
	public void report() throws IOException {
		long peakUsed = 0;
		for (final MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
			if (p.getType() == MemoryType.HEAP) peakUsed += p.getPeakUsage().getUsed();
		final String out = System.getProperty("bench.heap.out");
		final String json = String.format(Locale.ROOT, "{\"heap_max\": %d, \"cache_budget\": %d, \"peak_live\": %d, " +
			"\"peak_used_including_garbage\": %d, \"volume_bytes\": %d, \"slices\": %d}", Runtime.getRuntime().maxMemory(),
			budget, peakLive, peakUsed, 4L * slices * stack.getWidth() * stack.getHeight(), slices);
		if (out != null) Files.write(Path.of(out), json.getBytes(StandardCharsets.UTF_8));
		AtomicOutput.deleteTree(dir);
	}
}

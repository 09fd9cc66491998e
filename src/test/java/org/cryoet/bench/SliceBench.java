package org.cryoet.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.cryoet.image.ChunkCache;
import org.cryoet.image.ZarrVolume;
import org.cryoet.store.AtomicOutput;
import org.cryoet.ui.ij.LevelStack;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * {@code slice_latency}: one z-slice of a float32 level (512³, 256³ chunks in
 * the full run), as ImageJ's display asks for it, with the chunks it needs
 * already cached (warm: scrolling back) and with an empty cache (cold: a
 * slice never seen). Files are in the page cache, as they are once read.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SliceBench {

	Path dir;
	ChunkCache cache;
	LevelStack stack;
	int slice;

	@Setup
	public void setup() throws IOException {
		final int n = BenchData.size("bench.volume.size", 512);
		dir = Files.createTempDirectory("cryoet-slice-bench");
		cache = new ChunkCache(2L << 30);
		final ZarrVolume v = new ZarrVolume(ViewerData.write(dir, new long[] { n, n, n }, Math.max(1, n / 2)), cache);
		stack = new LevelStack(v, false, null);
		slice = n / 2 + 1;
		stack.getProcessor(slice); // warms the cache and the files
	}

	@TearDown
	public void tearDown() throws IOException {
		AtomicOutput.deleteTree(dir);
	}

	@Benchmark
	public Object sliceWarm() {
		return stack.getProcessor(slice).getPixels();
	}

	/** A fresh cache for each slice read. */
	@State(Scope.Thread)
	public static class Cold {

		@Setup(Level.Invocation)
		public void empty(final SliceBench b) {
			b.cache.clear();
		}
	}

	@Benchmark
	public Object sliceCold(final Cold cold) {
		return stack.getProcessor(slice).getPixels();
	}
}

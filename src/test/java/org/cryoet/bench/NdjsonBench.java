package org.cryoet.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.cryoet.portal.annotation.NdjsonPointReader;
import org.cryoet.portal.annotation.NdjsonPointWriter;
import org.cryoet.portal.annotation.PointKind;
import org.cryoet.portal.annotation.PointTable;
import org.cryoet.store.AtomicOutput;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * ndjson import and export of oriented points (10⁶ by default) on one thread,
 * against reading and writing the same file's bytes. The points look like
 * the portal's: fractional locations and random rotations at full double
 * precision (17 significant digits, the slow case for number parsing).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NdjsonBench {

	Path dir, file, out, bytesOut;
	PointTable points;
	byte[] buffer = new byte[1 << 16];
	byte[] fileBytes;

	@Setup
	public void setup() throws IOException {
		final int n = BenchData.size("bench.points", 1_000_000);
		points = orientedPoints(n, 11);
		dir = Files.createTempDirectory("cryoet-bench-ndjson");
		file = dir.resolve("p_orientedpoint.ndjson");
		NdjsonPointWriter.write(points, file, false);
		fileBytes = Files.readAllBytes(file);
		out = dir.resolve("out.ndjson");
		bytesOut = dir.resolve("bytes.ndjson");
	}

	public static PointTable orientedPoints(final int n, final long seed) {
		final Random r = new Random(seed);
		final PointTable t = new PointTable();
		final double[] m = new double[9];
		for (int i = 0; i < n; i++) {
			// a random rotation from a random unit quaternion
			double a = r.nextGaussian(), b = r.nextGaussian(), c = r.nextGaussian(), d = r.nextGaussian();
			final double s = Math.sqrt(a * a + b * b + c * c + d * d);
			a /= s; b /= s; c /= s; d /= s;
			m[0] = a * a + b * b - c * c - d * d; m[1] = 2 * (b * c - a * d); m[2] = 2 * (b * d + a * c);
			m[3] = 2 * (b * c + a * d); m[4] = a * a - b * b + c * c - d * d; m[5] = 2 * (c * d - a * b);
			m[6] = 2 * (b * d - a * c); m[7] = 2 * (c * d + a * b); m[8] = a * a - b * b - c * c + d * d;
			t.add(PointKind.ORIENTED_POINT, r.nextDouble() * 960, r.nextDouble() * 928, r.nextDouble() * 500, m, 0);
		}
		return t;
	}

	@TearDown
	public void tearDown() throws IOException {
		AtomicOutput.deleteTree(dir);
	}

	@Benchmark
	public int ndjsonImport() throws IOException {
		return new NdjsonPointReader().read(file).points.size();
	}

	@Benchmark
	public long ndjsonImportBytes() throws IOException {
		long sum = 0;
		try (InputStream in = Files.newInputStream(file)) {
			for (int k; (k = in.read(buffer)) > 0;)
				sum += k + buffer[0];
		}
		return sum;
	}

	@Benchmark
	public void ndjsonExport() throws IOException {
		NdjsonPointWriter.write(points, out, true);
	}

	@Benchmark
	public void ndjsonExportBytes() throws IOException {
		AtomicOutput.write(bytesOut, true, tmp -> {
			try (OutputStream o = Files.newOutputStream(tmp)) {
				for (int i = 0; i < fileBytes.length; i += buffer.length)
					o.write(fileBytes, i, Math.min(buffer.length, fileBytes.length - i));
			}
		});
	}
}

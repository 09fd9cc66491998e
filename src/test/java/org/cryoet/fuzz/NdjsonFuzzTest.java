package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.ByteArrayInputStream;
import java.util.stream.Stream;

import org.cryoet.portal.annotation.NdjsonPointReader;
import org.cryoet.portal.annotation.PointKind;
import org.cryoet.portal.annotation.PointTable;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ndjson point files, strict and skipping bad lines, with a small line bound
 * so that the fuzzer reaches it: every point read has finite coordinates, a
 * rotation for oriented points and a non-negative instance id.
 */
class NdjsonFuzzTest {

	static Stream<Arguments> seeds() {
		return Seeds.of("Ndjson");
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void ndjson(final byte[] data) {
		for (final boolean skip : new boolean[] { false, true })
			Hostile.parsedOrRefused("p.ndjson", () -> {
				final NdjsonPointReader.Result r = new NdjsonPointReader().skipBadLines(skip).maxLineBytes(2048).read(
					new ByteArrayInputStream(data), "p.ndjson");
				valid(r.points);
				Hostile.check(skip || r.skippedLines == 0, "a strict read skipped lines");
			});
	}

	private static void valid(final PointTable t) {
		for (int i = 0; i < t.size(); i++) {
			Hostile.check(Double.isFinite(t.x(i)) && Double.isFinite(t.y(i)) && Double.isFinite(t.z(i)),
				"a location that is not finite");
			if (t.kind(i) == PointKind.INSTANCE_POINT) Hostile.check(t.instanceId(i) >= 0, "instance_id " + t.instanceId(
				i) + " accepted");
			if (t.kind(i) == PointKind.ORIENTED_POINT) Hostile.check(Rotations.isRotation(t.matrix(i), 1e-2),
				"a matrix that is no rotation accepted: " + java.util.Arrays.toString(t.matrix(i)));
		}
	}
}

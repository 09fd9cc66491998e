package org.cryoet.testutil;

import java.util.Map;
import java.util.TreeMap;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Says on the console, once each, why tests were skipped (a missing
 * ../shared, no Node.js, no display...), with how many; Surefire alone shows
 * only "Skipped: n", or "Tests run: 0" when a whole class was skipped.
 * Registered through META-INF/services.
 */
public final class SkipReasons implements TestExecutionListener {

	private final Map<String, Integer> reasons = new TreeMap<>();

	@Override
	public synchronized void executionSkipped(final TestIdentifier test, final String reason) {
		reasons.merge(reason, 1, Integer::sum);
	}

	@Override
	public synchronized void executionFinished(final TestIdentifier test, final TestExecutionResult result) {
		if (result.getStatus() == TestExecutionResult.Status.ABORTED) reasons.merge(result.getThrowable().map(
			t -> t.getMessage() == null ? t.toString() : t.getMessage().replaceFirst("^Assumption failed: ", "")).orElse(
				"aborted"), 1, Integer::sum);
	}

	@Override
	public synchronized void testPlanExecutionFinished(final TestPlan plan) {
		for (final Map.Entry<String, Integer> e : reasons.entrySet())
			System.out.println("[SKIPPED] " + e.getValue() + " test" + (e.getValue() == 1 ? "" : "s") + ": " + e.getKey());
	}
}

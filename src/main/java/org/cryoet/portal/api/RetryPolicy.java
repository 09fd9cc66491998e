package org.cryoet.portal.api;

import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how patiently to retry a request that failed for a reason
 * that passes (502, 503, 504, a refused or dropped connection): exponential
 * backoff with full jitter, so parallel clients do not retry in step.
 */
public final class RetryPolicy {

	public static final RetryPolicy DEFAULT = new RetryPolicy(5, 500, 15_000);

	/** Attempts in all, the first included. */
	public final int attempts;
	public final long baseDelayMillis;
	public final long maxDelayMillis;

	public RetryPolicy(final int attempts, final long baseDelayMillis, final long maxDelayMillis) {
		if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
		this.attempts = attempts;
		this.baseDelayMillis = baseDelayMillis;
		this.maxDelayMillis = maxDelayMillis;
	}

	/** Attempts in all, overridden by the system property {@value #ATTEMPTS_PROPERTY}. */
	public static final String ATTEMPTS_PROPERTY = "cryoet.portal.attempts";

	public static RetryPolicy configured() {
		final int n = Integer.getInteger(ATTEMPTS_PROPERTY, DEFAULT.attempts);
		return n == DEFAULT.attempts ? DEFAULT : new RetryPolicy(Math.max(1, n), DEFAULT.baseDelayMillis,
			DEFAULT.maxDelayMillis);
	}

	public static boolean retryableStatus(final int status) {
		return status == 502 || status == 503 || status == 504;
	}

	/** The pause before attempt {@code retry + 1} (retry counts from 0). */
	public long delayMillis(final int retry) {
		final long cap = Math.min(maxDelayMillis, baseDelayMillis << Math.min(retry, 20));
		return cap <= 0 ? 0 : cap / 2 + ThreadLocalRandom.current().nextLong(cap / 2 + 1);
	}
}

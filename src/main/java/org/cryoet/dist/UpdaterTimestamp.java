package org.cryoet.dist;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The updater's timestamps: {@code yyyyMMddHHmmss} as a number, in the local
 * time zone (as Fiji's own uploader stamps files). A file on an update site is
 * stored as {@code <path>-<timestamp>}.
 */
public final class UpdaterTimestamp {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private UpdaterTimestamp() {}

	public static long of(final long epochMillis) {
		return Long.parseLong(FORMAT.format(Instant.ofEpochMilli(epochMillis).atZone(ZoneId.systemDefault())));
	}
}

package org.cryoet.testutil;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.sample.SampleData;
import org.cryoet.store.AtomicOutput;

/**
 * The built-in sample, written once per test JVM by our own writers (tests
 * only read it) and removed when the JVM exits.
 */
public final class Sample {

	private static Path dir;

	private Sample() {}

	public static synchronized Path dir() {
		if (dir == null) try {
			final Path d = Files.createTempDirectory("cryoet-sample");
			SampleData.ensure(d);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					AtomicOutput.deleteTree(d);
				}
				catch (final IOException e) {
					// a temporary folder; the system cleans it eventually
				}
			}));
			dir = d;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return dir;
	}
}

package org.cryoet.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The committed seed corpus of a fuzz target, {@code src/test/resources/fuzz/<Target>/}
 * (hand-made hostile inputs, inputs made by our own writers, and every
 * regression input a campaign found). Fed to the {@code @FuzzTest} through
 * {@code @MethodSource}, so {@code mvn verify} replays each one and a fuzzing
 * run starts from them.
 */
final class Seeds {

	private Seeds() {}

	static Stream<Arguments> of(final String target) {
		return files(target).stream().map(p -> Arguments.of(read(p)));
	}

	static List<Path> files(final String target) {
		final URL url = Seeds.class.getResource("/fuzz/" + target);
		if (url == null) throw new IllegalStateException("no seed corpus src/test/resources/fuzz/" + target);
		try (Stream<Path> s = Files.list(Paths.get(url.toURI()))) {
			return s.filter(Files::isRegularFile).sorted().collect(Collectors.toCollection(ArrayList::new));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A temporary folder for one target's files, made once per JVM and deleted at exit when empty. */
	static Path temporaryFolder(final String prefix) {
		try {
			final Path dir = Files.createTempDirectory(prefix);
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] read(final Path p) {
		try {
			return Files.readAllBytes(p);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

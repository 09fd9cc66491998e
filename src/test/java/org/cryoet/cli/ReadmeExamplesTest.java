package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's shell blocks run as written: each block's {@code scripts/cryoet}
 * lines in order (a later line may read what an earlier one wrote), from a
 * fresh folder holding this clone's scripts/ and a copy of the sample (so
 * outputs, even into the sample, stay there), with the user's locale and
 * under LC_ALL=C. A block naming a sample path that does not exist (yet) is
 * skipped, saying which.
 */
class ReadmeExamplesTest {

	private static final Path PROJECT = Path.of("").toAbsolutePath();
	/** A sample of the tests' own, never the project's target/sample, which the README's lines may have written into. */
	private static Path SAMPLE;
	private static final Pattern SAMPLE_PATH = Pattern.compile("'(target/sample/[^']*)'");

	@BeforeAll
	static void sample() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to run the README's lines with");
		SAMPLE = org.cryoet.testutil.Sample.dir();
	}

	static Stream<Arguments> blocks() throws Exception {
		final List<Arguments> out = new ArrayList<>();
		List<String> block = null;
		for (final String line : Files.readAllLines(PROJECT.resolve("README.md"), StandardCharsets.UTF_8)) {
			if (line.startsWith("```")) {
				if (block != null && !block.isEmpty()) for (final String locale : new String[] { "", "C" })
					out.add(Arguments.of(block.get(0), block, locale));
				block = block == null && line.trim().equals("```bash") ? new ArrayList<>() : null;
				continue;
			}
			if (block != null && line.startsWith("scripts/cryoet ")) block.add(line);
		}
		return out.stream();
	}

	@ParameterizedTest(name = "LC_ALL={2}: the block from {0}")
	@MethodSource("blocks")
	void runsAsWritten(final String first, final List<String> lines, final String locale) throws Exception {
		for (final String line : lines) {
			// Tests never leave this machine: lines that ask the portal's servers are for users only.
			Assumptions.assumeFalse(line.contains("://") || line.contains("Search CryoET Portal"),
				"the README block asks the portal's servers, and tests stay offline");
			final Matcher m = SAMPLE_PATH.matcher(line);
			while (m.find())
				Assumptions.assumeTrue(Files.exists(SAMPLE.resolve(m.group(1).substring("target/sample/".length()))),
					"the README's sample path " + m.group(1) +
					" does not exist yet (the sample portal run comes with the viewing work)");
		}
		final Path dir = Files.createTempDirectory("cryoet-readme");
		try {
			Files.createSymbolicLink(dir.resolve("scripts"), PROJECT.resolve("scripts"));
			copy(SAMPLE, dir.resolve("target/sample"));
			final Map<String, String> env = new java.util.HashMap<>();
			env.put("CRYOET_CLASSPATH", System.getProperty("java.class.path"));
			if (!locale.isEmpty()) {
				env.put("LC_ALL", locale);
				env.put("LANG", locale);
			}
			for (final String line : lines) {
				final LauncherProcess r = LauncherProcess.run(List.of("/bin/sh", "-c", line), env, dir);
				assertEquals(0, r.code, () -> line + "\n" + r);
				assertEquals("", r.err, () -> line + "\n" + r);
			}
		}
		finally {
			try (Stream<Path> walk = Files.walk(dir)) {
				walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}

	private static void copy(final Path from, final Path to) throws Exception {
		try (Stream<Path> walk = Files.walk(from)) {
			for (final Path p : (Iterable<Path>) walk::iterator) {
				final Path t = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(t);
				else Files.copy(p, t, StandardCopyOption.COPY_ATTRIBUTES);
			}
		}
	}
}

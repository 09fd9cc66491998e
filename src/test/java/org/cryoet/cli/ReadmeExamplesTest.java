package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code scripts/cryoet} line of the README's shell blocks runs as
 * written, from a fresh folder that sees this clone's scripts/ and target/
 * (so outputs land there), with the user's locale and under LC_ALL=C. A line
 * naming a sample path that does not exist (yet) is skipped, saying which.
 */
class ReadmeExamplesTest {

	private static final Path PROJECT = Path.of("").toAbsolutePath();
	private static final Pattern SAMPLE_PATH = Pattern.compile("'(target/sample/[^']*)'");

	@BeforeAll
	static void sample() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "no /bin/sh to run the README's lines with");
		SampleData.ensure(PROJECT.resolve("target/sample"));
	}

	static Stream<Arguments> lines() throws Exception {
		final List<Arguments> out = new ArrayList<>();
		boolean shell = false;
		for (final String line : Files.readAllLines(PROJECT.resolve("README.md"), StandardCharsets.UTF_8)) {
			if (line.startsWith("```")) {
				shell = !shell && line.trim().equals("```bash");
				continue;
			}
			if (shell && line.startsWith("scripts/cryoet ")) for (final String locale : new String[] { "", "C" })
				out.add(Arguments.of(line, locale));
		}
		return out.stream();
	}

	@ParameterizedTest(name = "LC_ALL={1}: {0}")
	@MethodSource("lines")
	void runsAsWritten(final String line, final String locale) throws Exception {
		final Matcher m = SAMPLE_PATH.matcher(line);
		while (m.find())
			Assumptions.assumeTrue(Files.exists(PROJECT.resolve(m.group(1))), "the README's sample path " + m.group(1) +
				" does not exist yet (the sample portal run comes with the viewing work)");
		final Path dir = Files.createTempDirectory("cryoet-readme");
		try {
			Files.createSymbolicLink(dir.resolve("scripts"), PROJECT.resolve("scripts"));
			Files.createSymbolicLink(dir.resolve("target"), PROJECT.resolve("target"));
			final Map<String, String> env = new java.util.HashMap<>();
			env.put("CRYOET_CLASSPATH", System.getProperty("java.class.path"));
			if (!locale.isEmpty()) {
				env.put("LC_ALL", locale);
				env.put("LANG", locale);
			}
			final LauncherProcess r = LauncherProcess.run(List.of("/bin/sh", "-c", line), env, dir);
			assertEquals(0, r.code, r::toString);
			assertEquals("", r.err, r::toString);
		}
		finally {
			try (Stream<Path> walk = Files.walk(dir)) {
				walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
			}
		}
	}
}

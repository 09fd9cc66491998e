package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/cryoet} itself, as users run it: under a non-UTF-8 locale
 * (LC_ALL=C, as on clusters, cron and containers) with non-ASCII paths, under
 * {@code sh}, and saying what it wrote in the same words for every output.
 * The script runs our classes (CRYOET_CLASSPATH) instead of building.
 */
class LauncherScriptTest {

	static final Path SCRIPT = Path.of("scripts/cryoet").toAbsolutePath();

	@TempDir
	static Path sample;

	@TempDir
	Path tmp;

	@BeforeAll
	static void needsAShell() throws Exception {
		Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")) && (Files.isExecutable(Path.of("/bin/bash")) ||
			Files.isExecutable(Path.of("/usr/bin/bash"))), "no /bin/sh and bash to run scripts/cryoet with");
		SampleData.ensure(sample);
	}

	static LauncherProcess script(final Map<String, String> env, final String... args) throws Exception {
		final List<String> cmd = new java.util.ArrayList<>(List.of("/bin/sh", SCRIPT.toString()));
		cmd.addAll(List.of(args));
		final Map<String, String> all = new java.util.HashMap<>(env);
		all.put("CRYOET_CLASSPATH", System.getProperty("java.class.path"));
		return LauncherProcess.run(cmd, all, null);
	}

	@Test
	void nonAsciiPathsAndÅUnderLcAllC() throws Exception {
		final Path dir = Files.createDirectories(tmp.resolve("données Å"));
		final Path in = Files.copy(sample.resolve(SampleData.MRC), dir.resolve("tomogramme.mrc"));
		final Path out = dir.resolve("réduit.mrc");
		final LauncherProcess r = script(Map.of("LC_ALL", "C", "LANG", "C"), "--headless", "--run",
			"Convert CryoET Volume", "input='" + in + "',level=0,output='" + out + "'");
		assertEquals(0, r.code, r::toString);
		assertTrue(Files.size(out) > 1024);
		assertTrue(r.out.startsWith("wrote " + out + ": "), r::toString);
		assertTrue(r.out.contains(" Å"), r::toString);
	}

	@Test
	void javaStartedWithoutTheScriptUnderLcAllCSaysWhatToDo() throws Exception {
		final Path in = Files.copy(sample.resolve(SampleData.MRC), Files.createDirectories(tmp.resolve("é")).resolve(
			"t.mrc"));
		final LauncherProcess r = LauncherProcess.run(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-cp", System.getProperty("java.class.path"), CryoetLauncher.class.getName(), "--headless",
			"--run", "Convert CryoET Volume", "input='" + in + "',output='" + tmp.resolve("o.mrc") + "'"), Map.of("LC_ALL",
				"C", "LANG", "C"), null);
		assertEquals(1, r.code, r::toString);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.contains("run with a UTF-8 locale, e.g. LC_ALL=C.UTF-8"), r::toString);
	}

	@Test
	void runsUnderShToo() throws Exception {
		final LauncherProcess r = script(Map.of(), "--help");
		assertEquals(0, r.code, r::toString);
		assertTrue(r.out.startsWith("usage: cryoet"), r::toString);
	}

	@Test
	void everyOutputSaysWhatItWroteInTheSameWords() {
		for (final String ext : new String[] { ".mrc", ".zarr", ".tif" }) {
			final LauncherHarness r = LauncherHarness.convert(sample.resolve(SampleData.ZARR).toString(), 1, tmp.resolve(
				"bin2" + ext).toString());
			assertEquals(0, r.code, r::toString);
			assertTrue(r.out.trim().matches("wrote .*: .*, 56 x 64 x 36 \\(x, y, z\\), voxel 26.96 x 26.96 x 26.96 Å.*"),
				r.out);
		}
	}
}

package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.format.mrc.MrcReader;
import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless command contract: exit codes, one-line errors, Fiji's argument syntax. */
class LauncherTest {

	@TempDir
	static Path sample;

	@TempDir
	Path tmp;

	@BeforeAll
	static void writeSample() throws Exception {
		SampleData.ensure(sample);
	}

	@Test
	void listNamesEveryCommandWithItsParameters() {
		final LauncherHarness r = LauncherHarness.run("--list");
		assertEquals(0, r.code, r::toString);
		assertTrue(r.out.contains("Convert CryoET Volume"));
		for (final String p : new String[] { "input", "level", "output", "downsampling", "overwrite" })
			assertTrue(r.out.contains("    " + p + ":"), p);
		assertFalse(r.out.contains("log:"), "services are not parameters");
	}

	@Test
	void convertsTheSampleAndSaysWhatItWrote() throws Exception {
		final Path out = tmp.resolve("bin2.mrc");
		final LauncherHarness r = LauncherHarness.convert(sample.resolve(SampleData.ZARR).toString(), 1, out.toString());
		assertEquals(0, r.code, r::toString);
		assertTrue(r.out.startsWith("wrote " + out), r::toString);
		assertEquals("", r.err);
		try (MrcReader m = MrcReader.open(out)) {
			assertEquals(SampleData.SHAPE[2] / 2, m.header().nx);
			assertEquals(2 * SampleData.VOXEL, m.header().voxelSize()[0], 1e-4);
		}
	}

	@Test
	void existingOutputIsKeptUnlessOverwriteIsAsked() throws Exception {
		final Path out = tmp.resolve("keep.mrc");
		assertEquals(0, LauncherHarness.convert(sample.resolve(SampleData.ZARR).toString(), 2, out.toString()).code);
		final long small = Files.size(out);
		final String in = sample.resolve(SampleData.MRC).toString();
		final LauncherHarness r = LauncherHarness.convert(in, 0, out.toString());
		assertEquals(1, r.code);
		assertTrue(r.err.contains("already exists"), r::toString);
		assertEquals(small, Files.size(out));
		final LauncherHarness r2 = LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input=[" + in +
			"] level=0 output=[" + out + "] overwrite");
		assertEquals(0, r2.code, r2::toString);
		assertTrue(Files.size(out) > small);
	}

	@Test
	void userErrorsAreOneLineWithExitCodes() {
		final String in = sample.resolve(SampleData.MRC).toString();
		final String out = tmp.resolve("x.mrc").toString();
		check(LauncherHarness.run("--headless", "--run", "No Such Command", ""), 2, "no command labelled");
		check(LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input='" + in + "',colour=3"), 2,
			"unknown parameter colour");
		check(LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input='" + in + "',level=x,output='" +
			out + "'"), 2, "level=x is not a valid int");
		check(LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input='" + in + "',level=0"), 2,
			"missing parameter output");
		check(LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input='" + in +
			"',level=0,output='" + out + "',downsampling=median"), 2, "downsampling must be one of");
		check(LauncherHarness.convert(tmp.resolve("absent.zarr").toString(), 0, out), 1, "absent.zarr: not found");
		check(LauncherHarness.convert(in, 2, out), 1, "level 2 does not exist");
		check(LauncherHarness.convert(in, 0, tmp.resolve("x.png").toString()), 1, "unknown output format");
		check(LauncherHarness.convert(in, 0, tmp.resolve("no/such/dir/x.mrc").toString()), 1, "does not exist");
		check(LauncherHarness.run("--frobnicate"), 2, "unknown option");
		assertFalse(Files.exists(Path.of(out)));
	}

	private static void check(final LauncherHarness r, final int code, final String words) {
		assertEquals(code, r.code, r::toString);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.startsWith("cryoet: ") && r.err.contains(words), r::toString);
	}
}

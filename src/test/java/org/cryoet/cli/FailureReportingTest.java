package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.cryoet.command.ConvertVolumeCommand;
import org.cryoet.format.DataType;
import org.cryoet.format.mrc.MrcWriter;
import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogService;

/**
 * Failures that are not bad input keep the one-line contract: a bad cache
 * budget, running out of memory; {@code --debug} adds the stack trace; and the
 * launcher's way of reporting stays in the launcher's own context.
 */
class FailureReportingTest {

	@TempDir
	static Path sample;

	@TempDir
	Path tmp;

	@BeforeAll
	static void writeSample() throws Exception {
		SampleData.ensure(sample);
	}

	@Test
	void badCacheBudgetIsOneLineNamingTheProperty() throws Exception {
		final LauncherProcess r = LauncherProcess.java(List.of("-Dcryoet.cache.bytes=2x"), "--headless", "--run",
			"Convert CryoET Volume", "input='" + sample.resolve(SampleData.MRC) + "',level=0,output='" + tmp.resolve(
				"a.mrc") + "'");
		assertEquals(2, r.code, r::toString);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.startsWith("cryoet: -Dcryoet.cache.bytes=2x") && r.err.contains("512m"), r::toString);
	}

	@Test
	void cacheBudgetTakesUnits() throws Exception {
		final Path out = tmp.resolve("b.mrc");
		final LauncherProcess r = LauncherProcess.java(List.of("-Dcryoet.cache.bytes=2g"), "--headless", "--run",
			"Convert CryoET Volume", "input='" + sample.resolve(SampleData.ZARR) + "',level=1,output='" + out + "'");
		assertEquals(0, r.code, r::toString);
		assertEquals("", r.err, r::toString);
		assertTrue(Files.size(out) > 1024);
	}

	@Test
	void outOfMemoryIsOneLineSayingHowToRaiseTheHeap() throws Exception {
		// 64 MiB of float32 to a TIFF (which ImageJ holds in memory whole) under a 40 MiB heap.
		final Path big = tmp.resolve("big.mrc");
		try (MrcWriter w = new MrcWriter(big, DataType.FLOAT32, new long[] { 256, 256, 256 }, new double[] { 1, 1, 1 },
			"test"))
		{
			final float[] plane = new float[256 * 256];
			for (int z = 0; z < 256; z++)
				w.write(plane, plane.length);
			w.finish();
		}
		final LauncherProcess r = LauncherProcess.java(List.of("-Xmx40m"), "--headless", "--run",
			"Convert CryoET Volume", "input='" + big + "',level=0,output='" + tmp.resolve("big.tif") + "'");
		assertEquals(1, r.code, r::toString);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.startsWith("cryoet: out of memory") && r.err.contains("CRYOET_JAVA_OPTS=-Xmx"), r::toString);
		assertFalse(Files.exists(tmp.resolve("big.tif")));
	}

	@Test
	void debugAddsTheStackTraceOfACommandFailure() {
		final String in = sample.resolve(SampleData.MRC).toString();
		final String out = tmp.resolve("x.mrc").toString();
		final LauncherHarness plain = LauncherHarness.convert(in, 3, out);
		assertEquals(1, plain.err.lines().count(), plain::toString);
		final LauncherHarness debug = LauncherHarness.run("--debug", "--headless", "--run", "Convert CryoET Volume",
			"input='" + in + "',level=3,output='" + out + "'");
		assertEquals(1, debug.code);
		assertTrue(debug.err.startsWith(plain.err), debug::toString);
		assertTrue(debug.err.contains("\tat org.cryoet.convert.VolumeConverter.convert("), debug::toString);
	}

	@Test
	void fijiStillLogsFailuresAfterTheLauncherRan() throws Exception {
		assertEquals(1, LauncherHarness.convert(tmp.resolve("absent.zarr").toString(), 0, tmp.resolve("a.mrc")
			.toString()).code);
		// A Fiji-like context in the same JVM: the failure must reach its log, as a failed command shows nothing else.
		try (Context context = new Context(CommandService.class, LogService.class)) {
			final List<String> errors = new ArrayList<>();
			context.getService(LogService.class).addLogListener(m -> {
				if (m.level() == LogLevel.ERROR) errors.add(m.text());
			});
			final CommandModule m = context.getService(CommandService.class).run(ConvertVolumeCommand.class, true, Map.of(
				"input", tmp.resolve("absent.zarr").toFile(), "level", 0, "output", tmp.resolve("b.mrc").toFile())).get();
			assertTrue(m.isCanceled());
			assertEquals(List.of(m.getCancelReason()), errors);
		}
	}

	@Test
	void aBareBooleanWarnsThatFijiReadsItAsFalse() {
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input=[" + sample
			.resolve(SampleData.MRC) + "] level=0 output=[" + tmp.resolve("w.mrc") + "] overwrite");
		assertEquals(0, r.code, r::toString);
		assertEquals("cryoet: warning: a bare 'overwrite' is true here but false in a Fiji macro; write overwrite=true",
			r.err.trim());
		final LauncherHarness explicit = LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input=[" +
			sample.resolve(SampleData.MRC) + "] level=0 output=[" + tmp.resolve("w.mrc") + "] overwrite=true");
		assertEquals("", explicit.err, explicit::toString);
	}

	@Test
	void levelIsOptionalAndDefaultsToFullResolution() throws Exception {
		final LauncherHarness list = LauncherHarness.run("--list");
		assertTrue(list.out.contains("    level: int (optional)"), list.out);
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input='" + sample
			.resolve(SampleData.ZARR) + "',output='" + tmp.resolve("full.mrc") + "'");
		assertEquals(0, r.code, r::toString);
		assertTrue(r.out.contains(SampleData.SHAPE[2] + " x " + SampleData.SHAPE[1] + " x " + SampleData.SHAPE[0]), r.out);
	}

	/** A portal URL that is no dataset or run page is one line for every command, before any request. */
	@Test
	void aPortalUrlThatIsNoPageIsOneLineEverywhere() {
		final String url = "https://cryoetdataportal.czscience.com/browse-data/datasets";
		for (final String[] c : new String[][] { { "Open CryoET Tomogram", ",viewer=none" }, { "Open CryoET Tilt Series",
			",viewer=none" }, { "Open CryoET Segmentation Mask", ",viewer=none" }, { "Import CryoET Points", "" }, {
				"Validate CryoET Metadata", "" }, { "Browse CryoET Data", "" } })
		{
			final LauncherHarness r = LauncherHarness.run("--headless", "--run", c[0], "input='" + url + "'" + c[1]);
			assertEquals(1, r.code, () -> c[0] + ": " + r);
			assertEquals("cryoet: " + url + ": not a dataset or run page of the portal (give " +
				"https://cryoetdataportal.czscience.com/datasets/<id> or /runs/<id>)", r.err.trim(), c[0]);
		}
		final LauncherHarness conv = LauncherHarness.convert(url, 0, "x.mrc");
		assertEquals(1, conv.code, conv::toString);
		assertTrue(conv.err.contains("not a dataset or run page"), conv::toString);
	}
}

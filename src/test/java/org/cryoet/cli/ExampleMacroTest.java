package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.IJ;
import ij.ImagePlus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example macro's commands run through the launcher as the macro would
 * call them: each {@code run("Label", "..." + variable + "...")} line with the
 * macro's variables set as a user would, then the TIFF it saves is checked
 * with ImageJ. (In Fiji itself the macro and the BeanShell script were run by
 * hand; see the README.)
 */
class ExampleMacroTest {

	private static final Path MACRO = Path.of("scripts/examples/Save_Coarse_Level_As_TIFF.ijm");
	private static final Pattern RUN = Pattern.compile("^run\\(\"([^\"]+)\",\\s*(.*)\\);\\s*$");

	@TempDir
	Path tmp;

	@Test
	void theMacrosCommandsRunThroughTheLauncher() throws Exception {
		SampleData.ensure(tmp);
		final Path output = tmp.resolve("bin4.tif");
		final Map<String, String> variables = Map.of("input", tmp.resolve(SampleData.ZARR).toString(), "level", "2",
			"output", output.toString());
		final List<String[]> calls = new ArrayList<>();
		for (final String line : Files.readAllLines(MACRO, StandardCharsets.UTF_8)) {
			final Matcher m = RUN.matcher(line.trim());
			if (m.matches()) calls.add(new String[] { m.group(1), concatenate(m.group(2), variables) });
		}
		assertFalse(calls.isEmpty(), "no run(...) line in " + MACRO);
		for (final String[] call : calls) {
			final LauncherHarness r = LauncherHarness.run("--headless", "--run", call[0], call[1]);
			assertEquals(0, r.code, r::toString);
			assertEquals("", r.err, r::toString);
		}
		final ImagePlus imp = IJ.openImage(output.toString());
		assertEquals(SampleData.SHAPE[2] / 4, imp.getWidth());
		assertEquals(SampleData.SHAPE[0] / 4, imp.getStackSize());
		assertEquals(4 * SampleData.VOXEL, imp.getCalibration().pixelWidth, 0);
		assertTrue(imp.getCalibration().getUnit().equals("\u00c5"));
	}

	/** A macro string expression: "literal" + variable + "literal" ... */
	static String concatenate(final String expression, final Map<String, String> variables) {
		final StringBuilder sb = new StringBuilder();
		for (final String term : expression.split("\\s*\\+\\s*(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)")) {
			final String t = term.trim();
			if (t.startsWith("\"") && t.endsWith("\"")) sb.append(t, 1, t.length() - 1);
			else if (variables.containsKey(t)) sb.append(variables.get(t));
			else throw new IllegalArgumentException("the macro uses " + t + ", which this test does not set");
		}
		return sb.toString();
	}
}

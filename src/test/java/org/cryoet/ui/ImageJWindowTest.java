package org.cryoet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

/**
 * With a real display (an Xvfb this test starts; skipped where there is no
 * Xvfb), the sample tomogram and its two masks open as ImageJ windows with
 * their titles and Å calibration; a screenshot is left in target/screenshots.
 */
class ImageJWindowTest {

	@Test
	void theSampleOpensInImageJWindows() throws Exception {
		final Path xvfb = findXvfb();
		assumeTrue(xvfb != null, "no Xvfb on this machine (apt-get install xvfb) to give the GUI test a display");
		int display = 90;
		while (new File("/tmp/.X11-unix/X" + display).exists() || new File("/tmp/.X" + display + "-lock").exists())
			display++;
		final Process x = new ProcessBuilder(xvfb.toString(), ":" + display, "-screen", "0", "1280x1024x24", "-nolisten",
			"tcp").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
		try {
			final long deadline = System.currentTimeMillis() + 10_000;
			while (!new File("/tmp/.X11-unix/X" + display).exists() && System.currentTimeMillis() < deadline)
				Thread.sleep(50);
			assumeTrue(x.isAlive(), "Xvfb did not start");
			final String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
			final Path shot = Path.of("target/screenshots/open-tomogram-imagej.png").toAbsolutePath();
			final ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-cp", cp, GuiScenario.class.getName(), shot.toString()).redirectErrorStream(true);
			pb.environment().put("DISPLAY", ":" + display);
			final Process p = pb.start();
			final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the GUI scenario hung");
			assertEquals(0, p.exitValue(), out);
			final List<String> windows = new ArrayList<>();
			for (final String line : out.split("\n"))
				if (line.startsWith("window=")) windows.add(line.trim());
			assertEquals(3, windows.size(), out);
			assertTrue(windows.contains("window=80001/TS_sample/100@0|showing=true|bitDepth=32|unit=\u00c5|pixelWidth=13.48|" +
				"pixelDepth=13.48|slices=72"), windows::toString);
			assertTrue(windows.contains("window=80001/TS_sample/103 membrane@0|showing=true|bitDepth=8|unit=\u00c5|" +
				"pixelWidth=13.48|pixelDepth=13.48|slices=72"), windows::toString);
			assertTrue(windows.contains("window=80001/TS_sample/104 vesicle@0|showing=true|bitDepth=16|unit=\u00c5|" +
				"pixelWidth=13.48|pixelDepth=13.48|slices=72"), windows::toString);
			final BufferedImage img = ImageIO.read(shot.toFile());
			int distinct = 0;
			final java.util.Set<Integer> colours = new java.util.HashSet<>();
			for (int y = 0; y < img.getHeight(); y += 7)
				for (int xx = 0; xx < img.getWidth(); xx += 7)
					if (colours.add(img.getRGB(xx, y)) && ++distinct > 50) break;
			assertTrue(distinct > 50, "the screenshot is (nearly) blank: " + distinct + " colours");
		}
		finally {
			x.destroy();
			x.waitFor(5, TimeUnit.SECONDS);
		}
	}

	private static Path findXvfb() {
		for (final String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			final Path p = Path.of(d, "Xvfb");
			if (Files.isExecutable(p)) return p;
		}
		return null;
	}
}

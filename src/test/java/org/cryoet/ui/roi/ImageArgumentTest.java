package org.cryoet.ui.roi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ij.ImagePlus;
import ij.WindowManager;
import ij.macro.Interpreter;

import java.nio.file.Path;
import java.util.List;

import org.cryoet.image.ChunkCache;
import org.cryoet.open.Opened;
import org.cryoet.open.Opener;
import org.cryoet.sample.SamplePortalRun;
import org.cryoet.testutil.Sample;
import org.cryoet.ui.ij.ImageJDisplay;
import org.junit.jupiter.api.Test;

/**
 * Points go onto the tomogram: a mask opened with it (Open CryoET Tomogram
 * with masks leaves the last mask current) stands for its tomogram when no
 * image is named, as in a macro (batch mode).
 */
class ImageArgumentTest {

	@Test
	void aCurrentMaskStandsForItsTomogram() throws Exception {
		final Path run = SamplePortalRun.runFolder(Sample.dir(), false);
		final Opener opener = new Opener(new ChunkCache(16 << 20));
		final boolean batch = Interpreter.batchMode;
		try (Opened tomogram = opener.tomogram(run, 0, null)) {
			final List<Opened> masks = opener.masksOf(run, 0, null);
			final ImagePlus t = ImageJDisplay.image(tomogram, tomogram.level(1));
			final ImagePlus m = ImageJDisplay.image(masks.get(0), masks.get(0).level(1));
			Interpreter.batchMode = true;
			Interpreter.addBatchModeImage(t);
			Interpreter.addBatchModeImage(m);
			try {
				WindowManager.setTempCurrentImage(m);
				assertEquals("semantic_mask", m.getProp(ImageJDisplay.KIND));
				assertSame(t, ImageArgument.resolve("", 1));
				WindowManager.setTempCurrentImage(t);
				assertSame(t, ImageArgument.resolve("", 1));
			}
			finally {
				Interpreter.removeBatchModeImage(m);
				Interpreter.removeBatchModeImage(t);
				WindowManager.setTempCurrentImage(null);
				for (final Opened o : masks)
					o.close();
			}
		}
		finally {
			Interpreter.batchMode = batch;
		}
	}
}

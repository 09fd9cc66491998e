package org.cryoet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.cryoet.image.ChunkCache;
import org.cryoet.open.Opened;
import org.cryoet.open.Opener;
import org.cryoet.sample.SamplePortalRun;
import org.cryoet.testutil.Sample;
import org.junit.jupiter.api.Test;

/** Without BigDataViewer (or a display) the ImageJ display is used, and the user is told once. */
class ViewersTest {

	@Test
	void fallsBackToImageJAndSaysSoOnce() throws Exception {
		Viewers.resetForTests();
		final List<String> said = new ArrayList<>();
		final ChunkCache cache = new ChunkCache(16 << 20);
		final Opener opener = new Opener(cache);
		for (int i = 0; i < 3; i++) {
			final Opened o = opener.tomogram(SamplePortalRun.runFolder(Sample.dir(), i == 1), 0, null);
			final Viewers.Shown s = Viewers.show(o, 1, Viewers.BIGDATAVIEWER, said::add, said::add);
			assertEquals(Viewers.IMAGEJ, s.viewer);
			assertNotNull(s.image);
			s.image.setSlice(5);
			assertNotNull(s.image.getProcessor().getPixels());
			// Slices are read by their Blosc blocks and cache nothing; a viewer's whole chunk does.
			((org.cryoet.image.ZarrVolume) o.volume.level(1)).chunk(new long[3]);
			assertTrue(cache.usedBytes() > 0);
			// A window's close flushes its image, which tells ImageJ's listeners; ours closes the volume.
			s.image.close();
			s.image.flush();
			java.awt.EventQueue.invokeAndWait(() -> {}); // ImageJ tells its listeners on the event thread
			assertEquals(0, cache.usedBytes(), "closing the image left its volume's chunks cached");
		}
		assertEquals(1, said.size(), said::toString);
		assertTrue(said.get(0).contains("showing images in ImageJ instead"), said.get(0));
	}
}

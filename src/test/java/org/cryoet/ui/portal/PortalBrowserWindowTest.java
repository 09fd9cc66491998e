package org.cryoet.ui.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.awt.GraphicsEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;

import javax.swing.SwingUtilities;

import org.cryoet.portal.api.GraphQLHttp;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.RetryPolicy;
import org.cryoet.testutil.OwnPortalTree;
import org.cryoet.testutil.graphql.PortalGraphQLServer;
import org.cryoet.testutil.graphql.PortalTables;
import org.cryoet.testutil.graphql.TreeRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real window on a display (Xvfb will do; skipped without one): it
 * searches, lists and opens a run while the event thread stays free, even
 * with a slow server.
 */
class PortalBrowserWindowTest {

	static <T> T onEdt(final Callable<T> c) throws Exception {
		final AtomicReference<T> r = new AtomicReference<>();
		final AtomicReference<Exception> err = new AtomicReference<>();
		SwingUtilities.invokeAndWait(() -> {
			try {
				r.set(c.call());
			}
			catch (final Exception e) {
				err.set(e);
			}
		});
		if (err.get() != null) throw err.get();
		return r.get();
	}

	static void waitFor(final Callable<Boolean> condition, final String what) throws Exception {
		final long end = System.nanoTime() + 20_000_000_000L;
		while (!onEdt(condition)) {
			if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
			Thread.sleep(20);
		}
	}

	@Test
	void searchesListsAndOpensARunWithoutFreezing(@TempDir final Path tmp) throws Exception {
		assumeFalse(GraphicsEnvironment.isHeadless(), "no display (run under Xvfb to include this test)");
		OwnPortalTree.write(tmp, false);
		final PortalTables tables = new PortalTables();
		TreeRows.add(tables, tmp, OwnPortalTree.DATASET);
		try (PortalGraphQLServer server = new PortalGraphQLServer(tables.freeze())) {
			server.latency(3000);
			final List<String> launched = new ArrayList<>();
			final PortalClient client = new PortalClient(new GraphQLHttp(server.endpoint(), new RetryPolicy(2, 1, 5), null,
				Duration.ofSeconds(30)));
			final PortalBrowserWindow w = onEdt(() -> new PortalBrowserWindow(client, (label, input) -> {
				synchronized (launched) {
					launched.add(label + " " + input);
				}
			}));
			onEdt(() -> {
				w.show();
				return null;
			});
			// the event thread answers while the first requests (3 s each; the first paint may take a while on a busy machine) are still running
			final long t0 = System.nanoTime();
			final boolean stillSearching = onEdt(() -> w.datasetList().getModel().getSize() == 0);
			final long took = System.nanoTime() - t0;
			assertTrue(stillSearching && took < 1_500_000_000L, "the event thread was blocked: " + took / 1e6 + " ms, still searching: " + stillSearching);
			waitFor(() -> w.datasetList().getModel().getSize() == 1, "the first search");
			onEdt(() -> {
				w.datasetList().setSelectedIndex(0);
				return null;
			});
			waitFor(() -> w.runList().getModel().getSize() == 1, "the run list");
			onEdt(() -> {
				w.runList().setSelectedIndex(0);
				return null;
			});
			waitFor(() -> w.tree().getRowCount() > 5, "the run's tree");
			onEdt(() -> {
				w.tree().setSelectionRow(0);
				return null;
			});
			final String shot = System.getProperty("cryoet.screenshot");
			if (shot != null) {
				Thread.sleep(300);
				onEdt(() -> {
					final java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(w.frame().getWidth(), w.frame()
						.getHeight(), java.awt.image.BufferedImage.TYPE_INT_RGB);
					w.frame().paint(img.getGraphics());
					javax.imageio.ImageIO.write(img, "png", new java.io.File(shot));
					return null;
				});
			}
			final javax.swing.JButton open = onEdt(() -> findButton(w.frame().getContentPane(), "Open tomogram"));
			onEdt(() -> {
				open.doClick();
				return null;
			});
			waitFor(() -> {
				synchronized (launched) {
					return !launched.isEmpty();
				}
			}, "the open command");
			assertEquals(BrowserController.OPEN_TOMOGRAM + " " + TreeRows.HTTPS +
				"70001/RUN_1/Reconstructions/VoxelSpacing10.000/Tomograms/100/RUN_1.zarr", launched.get(0));
			onEdt(() -> {
				w.frame().dispose();
				return null;
			});
		}
	}

	private static javax.swing.JButton findButton(final java.awt.Container c, final String label) {
		for (final java.awt.Component x : c.getComponents()) {
			if (x instanceof javax.swing.JButton && label.equals(((javax.swing.JButton) x).getText()))
				return (javax.swing.JButton) x;
			if (x instanceof java.awt.Container) {
				final javax.swing.JButton b = findButton((java.awt.Container) x, label);
				if (b != null) return b;
			}
		}
		return null;
	}
}

package org.cryoet.ui;

import java.awt.Rectangle;
import java.awt.Robot;
import java.awt.Toolkit;
import java.awt.image.BufferedImage;
import java.io.File;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.WindowManager;
import ij.measure.Calibration;

import org.cryoet.command.OpenTomogramCommand;
import org.cryoet.sample.SamplePortalRun;
import org.cryoet.testutil.Sample;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/**
 * Run in a JVM with a display (see ImageJWindowTest): opens the sample
 * tomogram and its masks in ImageJ through the real command, waits for the
 * windows, prints what a user would check and saves a screenshot.
 */
public final class GuiScenario {

	private GuiScenario() {}

	public static void main(final String[] args) throws Exception {
		try (Context context = new Context(CommandService.class)) {
			final CommandModule m = context.getService(CommandService.class).run(OpenTomogramCommand.class, true, "input",
				SamplePortalRun.runFolder(Sample.dir(), false).toFile(), "viewer", "ImageJ", "masks", true, "level", 0).get();
			if (m.isCanceled()) throw new IllegalStateException(m.getCancelReason());
			final long deadline = System.currentTimeMillis() + 30_000;
			while (System.currentTimeMillis() < deadline && (WindowManager.getImageCount() < 3 || !allShowing()))
				Thread.sleep(100);
			// Through the first vesicle, three times enlarged, side by side.
			final int z = (int) org.cryoet.sample.SampleData.particles()[16][0];
			int left = 0;
			for (final int id : WindowManager.getIDList()) {
				final ImagePlus imp = WindowManager.getImage(id);
				imp.setSlice(z + 1);
				ij.plugin.Zoom.set(imp, 3.0);
				imp.getWindow().setLocation(left, 0);
				left += imp.getWindow().getWidth() + 4;
			}
			Thread.sleep(2000); // let the windows paint
			for (final int id : WindowManager.getIDList()) {
				final ImagePlus imp = WindowManager.getImage(id);
				final Calibration c = imp.getCalibration();
				System.out.println("window=" + imp.getTitle() + "|showing=" + (imp.getWindow() != null && imp.getWindow()
					.isShowing()) + "|bitDepth=" + imp.getBitDepth() + "|unit=" + c.getUnit() + "|pixelWidth=" + c.pixelWidth +
					"|pixelDepth=" + c.pixelDepth + "|slices=" + imp.getStackSize());
			}
			final Rectangle screen = new Rectangle(Toolkit.getDefaultToolkit().getScreenSize());
			final BufferedImage shot = new Robot().createScreenCapture(screen);
			final File out = new File(args[0]);
			out.getParentFile().mkdirs();
			ImageIO.write(shot, "png", out);
			System.out.println("screenshot=" + out);
		}
		System.exit(0);
	}

	private static boolean allShowing() {
		for (final int id : WindowManager.getIDList()) {
			final ImagePlus imp = WindowManager.getImage(id);
			if (imp.getWindow() == null || !imp.getWindow().isShowing()) return false;
		}
		return true;
	}
}

package org.cryoet.command;

import java.awt.GraphicsEnvironment;

import javax.swing.SwingUtilities;

import org.cryoet.portal.api.PortalClient;
import org.cryoet.ui.portal.PortalBrowserWindow;
import org.scijava.command.Command;
import org.scijava.command.CommandService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Opens the portal browser window (needs a display). Its buttons run the suite's open commands by label. */
@Plugin(type = Command.class, label = "CryoET Portal Browser", menuPath = "Plugins>CryoET>CryoET Portal Browser")
public class PortalBrowserCommand extends CryoetCommand {

	@Parameter
	private CommandService commands;

	@Override
	protected void execute() throws Exception {
		if (GraphicsEnvironment.isHeadless()) throw new IllegalStateException(
			"CryoET Portal Browser needs a display; headless, use Search CryoET Portal and Browse CryoET Data");
		final PortalClient client = PortalClient.configured();
		SwingUtilities.invokeLater(() -> new PortalBrowserWindow(client, new ScijavaCommandLauncher(commands)).show());
	}
}

package org.cryoet.command;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.Future;

import javax.swing.SwingUtilities;

import org.cryoet.portal.api.PortalClient;
import org.cryoet.ui.portal.CommandLauncher;
import org.cryoet.ui.portal.PortalBrowserWindow;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;
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
		SwingUtilities.invokeLater(() -> new PortalBrowserWindow(client, launcher()).show());
	}

	/** Runs a command by its label with {@code input=<URL>}, waiting for it; its failure as its one-line reason. */
	private CommandLauncher launcher() {
		return (label, input) -> {
			final CommandInfo info = commands.getCommands().stream().filter(c -> label.equals(c.getLabel())).findFirst()
				.orElseThrow(() -> new IllegalStateException("\"" + label + "\" is not installed in this Fiji"));
			final Future<? extends Module> f = commands.run(info, true, "input", input);
			final Module m = f.get();
			if (m instanceof org.scijava.Cancelable && ((org.scijava.Cancelable) m).isCanceled()) throw new IllegalStateException(
				((org.scijava.Cancelable) m).getCancelReason());
			if (m.getDelegateObject() instanceof org.scijava.Cancelable && ((org.scijava.Cancelable) m.getDelegateObject())
				.isCanceled()) throw new IllegalStateException(((org.scijava.Cancelable) m.getDelegateObject())
					.getCancelReason());
		};
	}
}

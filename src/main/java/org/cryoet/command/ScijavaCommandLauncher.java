package org.cryoet.command;

import java.util.concurrent.Future;

import org.cryoet.ui.portal.CommandLauncher;
import org.scijava.Cancelable;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.Module;

/**
 * Runs a command by its menu label with {@code input=<URL>} through SciJava's
 * CommandService (its other parameters as their defaults, or asked for in a
 * dialog), waits for it, and turns a cancel or failure into an exception
 * carrying the command's one-line reason.
 */
public final class ScijavaCommandLauncher implements CommandLauncher {

	private final CommandService commands;

	public ScijavaCommandLauncher(final CommandService commands) {
		this.commands = commands;
	}

	@Override
	public void run(final String label, final String input) throws Exception {
		final CommandInfo info = commands.getCommands().stream().filter(c -> label.equals(c.getLabel())).findFirst()
			.orElseThrow(() -> new IllegalStateException("\"" + label + "\" is not installed in this Fiji"));
		final Future<? extends Module> f = commands.run(info, true, "input", input);
		final Module m = f.get();
		for (final Object o : new Object[] { m, m == null ? null : m.getDelegateObject() })
			if (o instanceof Cancelable && ((Cancelable) o).isCanceled()) throw new IllegalStateException(
				((Cancelable) o).getCancelReason());
	}
}

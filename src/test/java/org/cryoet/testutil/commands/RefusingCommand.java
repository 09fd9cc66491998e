package org.cryoet.testutil.commands;

import org.scijava.Cancelable;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A stand-in for an open command that fails as ours do: cancelled with a one-line reason (tests only). */
@Plugin(type = Command.class, label = "CryoET Test Refusing Input", headless = true)
public class RefusingCommand implements Command, Cancelable {

	@Parameter
	private String input;

	private String reason;

	@Override
	public void run() {
		reason = input + ": not a tomogram";
	}

	@Override
	public boolean isCanceled() {
		return reason != null;
	}

	@Override
	public void cancel(final String r) {
		reason = r;
	}

	@Override
	public String getCancelReason() {
		return reason;
	}
}

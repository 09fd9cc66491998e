package org.cryoet.testutil.commands;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** A stand-in for an open command: records the input it was run with (tests only; not under Plugins). */
@Plugin(type = Command.class, label = "CryoET Test Echo Input", headless = true)
public class EchoInputCommand implements Command {

	public static final List<String> SEEN = Collections.synchronizedList(new ArrayList<>());

	@Parameter
	private String input;

	@Override
	public void run() {
		SEEN.add(input);
	}
}

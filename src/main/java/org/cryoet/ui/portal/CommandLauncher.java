package org.cryoet.ui.portal;

/** Runs one of the suite's commands by its label with an input (a URL); in Fiji, through SciJava's CommandService. */
public interface CommandLauncher {

	/** Blocks until the command has finished; its failure as an exception whose message is one line. */
	void run(String label, String input) throws Exception;
}

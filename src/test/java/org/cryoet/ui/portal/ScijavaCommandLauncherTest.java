package org.cryoet.ui.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.cryoet.command.ScijavaCommandLauncher;
import org.cryoet.testutil.commands.EchoInputCommand;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandService;

/** The browser's buttons reach commands by label through a real SciJava context, and hear their failures. */
class ScijavaCommandLauncherTest {

	@Test
	void runsByLabelWithTheUrlAndReportsFailures() throws Exception {
		try (Context context = new Context(CommandService.class)) {
			final ScijavaCommandLauncher launcher = new ScijavaCommandLauncher(context.getService(CommandService.class));
			final String url = "https://files.cryoetdataportal.cziscience.com/10000/TS_026/x.zarr";
			EchoInputCommand.SEEN.clear();
			launcher.run("CryoET Test Echo Input", url);
			assertEquals(List.of(url), EchoInputCommand.SEEN);
			final Exception refused = assertThrows(IllegalStateException.class, () -> launcher.run(
				"CryoET Test Refusing Input", url));
			assertEquals(url + ": not a tomogram", refused.getMessage());
			final Exception missing = assertThrows(IllegalStateException.class, () -> launcher.run(
				BrowserController.OPEN_TOMOGRAM + " (not here)", url));
			assertEquals("\"Open CryoET Tomogram (not here)\" is not installed in this Fiji", missing.getMessage());
		}
	}
}

package org.cryoet.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.cryoet.testutil.Sample;
import org.cryoet.testutil.TreeHttpServer;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;

/** A command's remote requests and retries reach its status display (Fiji's status bar, the terminal's line). */
class RemoteProgressTest {

	/** Hears the status messages. */
	public static final class Messages {

		final List<String> seen = Collections.synchronizedList(new ArrayList<>());

		@EventHandler
		public void onEvent(final StatusEvent e) {
			if (e.getStatusMessage() != null) seen.add(e.getStatusMessage());
		}
	}

	@Test
	void aRetryIsShownInTheStatusBar() throws Exception {
		final Context context = new Context(CommandService.class, StatusService.class, EventService.class);
		try (TreeHttpServer server = new TreeHttpServer(Sample.dir())) {
			final Messages m = new Messages();
			context.getService(EventService.class).subscribe(m);
			server.script(TreeHttpServer.Fault.E503);
			final String url = server.url() + "portal/80001/TS_sample/Reconstructions/VoxelSpacing13.480/Tomograms/100/" +
				"TS_sample.zarr";
			final CommandModule r = context.getService(CommandService.class).run(OpenTomogramCommand.class, true, "input",
				new File(url), "level", 1, "viewer", "none").get();
			assertFalse(r.isCanceled(), r::getCancelReason);
			assertTrue(m.seen.stream().anyMatch(s -> s.startsWith("remote: ") && s.contains("503")), m.seen::toString);
		}
		finally {
			context.dispose();
		}
	}
}

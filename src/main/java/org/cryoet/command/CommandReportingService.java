package org.cryoet.command;

import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

/**
 * Who shows a command's messages, per SciJava context: Fiji's log (the
 * default), or {@code scripts/cryoet}'s launcher, which prints results and the
 * one-line failure itself and so must not get them twice. Set by the launcher
 * on its own context, never JVM-wide.
 */
@Plugin(type = Service.class)
public final class CommandReportingService extends AbstractService implements SciJavaService {

	private volatile boolean launcher;

	/** True when the headless launcher prints outputs and failures. */
	public boolean launcherReports() {
		return launcher;
	}

	public void reportThroughLauncher() {
		launcher = true;
	}
}

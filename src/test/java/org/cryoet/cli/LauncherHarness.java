package org.cryoet.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Runs the launcher in-process and captures what it prints. */
public final class LauncherHarness {

	public final int code;
	public final String out;
	public final String err;

	private LauncherHarness(final int code, final String out, final String err) {
		this.code = code;
		this.out = out;
		this.err = err;
	}

	public static LauncherHarness run(final String... args) {
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		final int code = CryoetLauncher.run(args, new PrintStream(o, true, StandardCharsets.UTF_8), new PrintStream(e,
			true, StandardCharsets.UTF_8));
		return new LauncherHarness(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
	}

	public static LauncherHarness convert(final String input, final int level, final String output) {
		return run("--headless", "--run", "Convert CryoET Volume", "input='" + input + "',level=" + level + ",output='" +
			output + "'");
	}

	@Override
	public String toString() {
		return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
	}
}

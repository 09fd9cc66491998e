package org.cryoet.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a program in its own process (a JVM with the test classpath, or a shell) and captures what it prints. */
public final class LauncherProcess {

	public final int code;
	public final String out;
	public final String err;

	private LauncherProcess(final int code, final String out, final String err) {
		this.code = code;
		this.out = out;
		this.err = err;
	}

	/** The launcher in a fresh JVM with these JVM options (e.g. -Xmx or -D), so no setting leaks into the tests' JVM. */
	public static LauncherProcess java(final List<String> jvmOptions, final String... args) throws IOException,
		InterruptedException
	{
		final List<String> cmd = new ArrayList<>();
		cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		cmd.addAll(jvmOptions);
		cmd.add("-cp");
		cmd.add(System.getProperty("java.class.path"));
		cmd.add(CryoetLauncher.class.getName());
		cmd.addAll(List.of(args));
		return run(cmd, Map.of(), null);
	}

	public static LauncherProcess run(final List<String> command, final Map<String, String> env, final Path dir)
		throws IOException, InterruptedException
	{
		final ProcessBuilder pb = new ProcessBuilder(command);
		pb.environment().putAll(env);
		if (dir != null) pb.directory(dir.toFile());
		final Path out = java.nio.file.Files.createTempFile("cryoet-out", ".txt");
		final Path err = java.nio.file.Files.createTempFile("cryoet-err", ".txt");
		try {
			pb.redirectOutput(out.toFile()).redirectError(err.toFile());
			final Process p = pb.start();
			if (!p.waitFor(300, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IllegalStateException("timed out: " + command);
			}
			return new LauncherProcess(p.exitValue(), new String(java.nio.file.Files.readAllBytes(out),
				StandardCharsets.UTF_8), new String(java.nio.file.Files.readAllBytes(err), StandardCharsets.UTF_8));
		}
		finally {
			java.nio.file.Files.deleteIfExists(out);
			java.nio.file.Files.deleteIfExists(err);
		}
	}

	@Override
	public String toString() {
		return "exit " + code + "\nstdout: " + out + "\nstderr: " + err;
	}
}

package org.cryoet.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * zarrita (npm), an independent Zarr reader, run by Node.js. Installed once
 * into {@code target/zarrita} from the npm registry; tests skip, saying why,
 * where Node.js or the registry is not at hand.
 */
public final class Zarrita {

	private static final Path HOME = Path.of(System.getProperty("user.dir"), "target", "zarrita");
	private static Boolean ready;

	private Zarrita() {}

	private static synchronized void ensure() throws IOException, InterruptedException {
		if (ready == null) {
			ready = false;
			if (!Files.isDirectory(HOME.resolve("node_modules/zarrita"))) {
				Files.createDirectories(HOME);
				Files.write(HOME.resolve("package.json"), "{\"private\": true}".getBytes(StandardCharsets.UTF_8));
				if (run(HOME, 300, "npm", "install", "--silent", "--no-audit", "--no-fund", "zarrita@0.7.5",
					"@zarrita/storage@0.2.0") != 0) return;
			}
			try (InputStream in = Zarrita.class.getResourceAsStream("/zarrita/read-zarr.mjs")) {
				Files.copy(in, HOME.resolve("read-zarr.mjs"), StandardCopyOption.REPLACE_EXISTING);
			}
			ready = true;
		}
		assumeTrue(ready, "zarrita could not be installed (needs Node.js and the npm registry)");
	}

	/** One JSON object per level: path, dtype, shape, sha256. */
	public static List<JsonObject> read(final Path omeZarr) throws IOException, InterruptedException {
		ensure();
		final Path out = Files.createTempFile("zarrita", ".jsonl");
		try {
			final ProcessBuilder pb = new ProcessBuilder("node", HOME.resolve("read-zarr.mjs").toString(), omeZarr
				.toAbsolutePath().toString()).directory(HOME.toFile()).redirectOutput(out.toFile()).redirectErrorStream(
					false);
			final Process p = pb.start();
			if (!p.waitFor(120, TimeUnit.SECONDS)) p.destroyForcibly();
			final String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			if (p.exitValue() != 0) throw new IOException("zarrita failed on " + omeZarr + ": " + err);
			final List<JsonObject> levels = new ArrayList<>();
			for (final String line : Files.readAllLines(out))
				if (!line.isBlank()) levels.add(JsonParser.parseString(line).getAsJsonObject());
			return levels;
		}
		finally {
			Files.deleteIfExists(out);
		}
	}

	private static int run(final Path dir, final int seconds, final String... cmd) throws InterruptedException {
		try {
			final Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(
				ProcessBuilder.Redirect.DISCARD).start();
			if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				return -1;
			}
			return p.exitValue();
		}
		catch (final IOException e) {
			return -1; // no node/npm on this machine
		}
	}
}

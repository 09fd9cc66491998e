package org.cryoet.testutil;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The independent oracle data in {@code ../shared/fixtures} (written by tools
 * none of us wrote). A user's clone has no {@code ../shared}; tests that need
 * it are skipped with that reason.
 */
public final class Fixtures {

	private Fixtures() {}

	public static Path shared() {
		final String env = System.getenv("CRYOET_SHARED");
		final Path p = env != null ? Path.of(env) : Path.of(System.getProperty("user.dir")).resolve("../shared")
			.normalize();
		return p;
	}

	public static Path fixtures() {
		final Path f = shared().resolve("fixtures");
		assumeTrue(Files.isRegularFile(f.resolve("manifest.json")), "no ../shared/fixtures next to the project " +
			"(the oracle fixtures exist only in the team's workspace)");
		return f;
	}

	/** {@code ../shared/portal}: the portal's schemas and example files. */
	public static Path portal() {
		final Path p = shared().resolve("portal");
		assumeTrue(Files.isDirectory(p.resolve("schema")), "no ../shared/portal next to the project " +
			"(the portal's schemas and examples exist only in the team's workspace)");
		return p;
	}

	public static JsonObject manifest() throws IOException {
		return JsonParser.parseString(new String(Files.readAllBytes(fixtures().resolve("manifest.json")),
			StandardCharsets.UTF_8)).getAsJsonObject();
	}
}

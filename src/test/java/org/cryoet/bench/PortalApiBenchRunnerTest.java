package org.cryoet.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.testutil.graphql.PortalGraphQLServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal benchmark's runner on a tiny run: it measures both operations and counts their requests. */
class PortalApiBenchRunnerTest {

	@TempDir
	Path out;

	@Test
	void tinyRunWritesRequestsAndTimes() throws Exception {
		PortalGraphQLServer.schemaFile();
		PortalApiBenchRunner.main(new String[] { "--tiny", "--out", out.toString() });
		final JsonArray s = JsonParser.parseString(Files.readString(out.resolve("portal_api.json"))).getAsJsonArray();
		assertEquals(4, s.size(), s::toString);
		final JsonObject list = s.get(0).getAsJsonObject(), tree = s.get(1).getAsJsonObject();
		assertEquals("portal_list_dataset", list.get("name").getAsString());
		assertEquals(5, list.get("requests").getAsInt(), "500 runs in pages of 100");
		assertEquals(1, tree.get("requests").getAsInt(), "a run's tree in one request");
		assertTrue(list.get("value").getAsDouble() > 0);
		assertEquals("portal_list_dataset_client", s.get(2).getAsJsonObject().get("name").getAsString());
		assertTrue(s.get(3).getAsJsonObject().has("load_average_at_start"));
	}
}

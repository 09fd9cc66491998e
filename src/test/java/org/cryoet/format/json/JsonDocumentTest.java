package org.cryoet.format.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.cryoet.format.FormatException;
import org.cryoet.format.ngff.Multiscales;
import org.cryoet.format.zarr.ZarrArrayMetadata;
import org.junit.jupiter.api.Test;

/** The nesting bound: the 100,000-deep document gives one line, not a StackOverflowError. */
class JsonDocumentTest {

	static String nested(final String open, final String close, final int depth) {
		final StringBuilder sb = new StringBuilder(depth * (open.length() + close.length()));
		for (int i = 0; i < depth; i++)
			sb.append(open);
		for (int i = 0; i < depth; i++)
			sb.append(close);
		return sb.toString();
	}

	@Test
	void hundredThousandDeepIsOneLine() {
		for (final String doc : new String[] { nested("[", "]", 100_000), "{\"multiscales\": " + nested("[", "]", 100_000) + "}",
			nested("{\"a\":", "}", 100_000) })
		{
			final byte[] bytes = doc.getBytes(StandardCharsets.UTF_8);
			final FormatException z = assertThrows(FormatException.class, () -> ZarrArrayMetadata.parse(bytes, "x/.zarray"));
			assertEquals("x/.zarray: JSON nested deeper than 128 levels (line 1); not metadata", z.getMessage());
			final FormatException n = assertThrows(FormatException.class, () -> Multiscales.parse(bytes, "x/.zattrs"));
			assertTrue(n.getMessage().startsWith("x/.zattrs: JSON nested deeper than 128"), n.getMessage());
		}
	}

	@Test
	void bracketsInsideStringsDoNotCount() throws FormatException {
		final String deepText = "{\"name\": \"" + nested("[", "", 1000) + "\\\"" + nested("{", "", 1000) + "\"}";
		assertTrue(JsonDocument.parse(deepText, "t.json", "an object").isJsonObject());
		JsonDocument.checkDepth(nested("[", "]", JsonDocument.MAX_DEPTH), "t.json");
		assertThrows(FormatException.class, () -> JsonDocument.checkDepth(nested("[", "]", JsonDocument.MAX_DEPTH + 1),
			"t.json"));
	}

	@Test
	void syntaxErrorsNameTheFileAndTheLine() {
		final FormatException e = assertThrows(FormatException.class, () -> JsonDocument.parse("{\n\"a\": [1, 2\n", "m.json",
			"a metadata object"));
		assertTrue(e.getMessage().startsWith("m.json: malformed JSON at line"), e.getMessage());
		assertTrue(e.getMessage().endsWith("; expected a metadata object"), e.getMessage());
	}
}

package org.cryoet.format.ngff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.cryoet.format.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** README OME-Zarr rules: dataset paths stay in the group, scales make physical sense, axes as NGFF 0.4 allows. */
class MultiscalesRulesTest {

	private static final String AXES = "[{\"name\": \"z\", \"type\": \"space\", \"unit\": \"angstrom\"}, {\"name\": \"y\", " +
		"\"type\": \"space\", \"unit\": \"angstrom\"}, {\"name\": \"x\", \"type\": \"space\", \"unit\": \"angstrom\"}]";

	private static Multiscales parse(final String axes, final String path, final String scale) throws FormatException {
		final String json = "{\"multiscales\": [{\"version\": \"0.4\", \"axes\": " + axes + ", \"datasets\": [{\"path\": " +
			path + ", \"coordinateTransformations\": [{\"type\": \"scale\", \"scale\": " + scale + "}]}]}]}";
		return Multiscales.parse(json.getBytes(StandardCharsets.UTF_8), "g.zarr/.zattrs");
	}

	@Test
	void portalGroupParses() throws FormatException {
		final Multiscales m = parse(AXES, "\"0\"", "[13.48, 13.48, 13.48]");
		assertEquals("0", m.levels.get(0).path);
		assertEquals(13.48, m.levels.get(0).scale[2]);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"../elsewhere.zarr\"", "\"/etc\"", "\"0/../../x\"", "\"a\\\\..\\\\b\"", "\"\"", "\"a//b\"",
		"\"C:/x\"", "\"./0\"", "\"0/\"" })
	void datasetPathsStayInsideTheGroup(final String path) {
		final FormatException e = assertThrows(FormatException.class, () -> parse(AXES, path, "[1, 1, 1]"));
		assertTrue(e.getMessage().startsWith("g.zarr/.zattrs: datasets[0].path "), e.getMessage());
		assertTrue(e.getMessage().contains("leaves its container"), e.getMessage());
	}

	@Test
	void theIssuesScaleIsRefused() {
		final FormatException e = assertThrows(FormatException.class, () -> parse(AXES, "\"0\"", "[-10, NaN, 0]"));
		assertEquals("g.zarr/.zattrs: dataset 0 has scale [-10.0, NaN, 0.0]; scales must be finite and positive", e
			.getMessage());
		assertThrows(FormatException.class, () -> parse(AXES, "\"0\"", "[1, Infinity, 1]"));
	}

	@Test
	void axesAsNgff04Allows() {
		assertTrue(assertThrows(FormatException.class, () -> parse(AXES.replace("angstrom\"}]", "parsecs\"}]"), "\"0\"",
			"[1, 1, 1]")).getMessage().contains("unit \"parsecs\""));
		assertTrue(assertThrows(FormatException.class, () -> parse(AXES.replace("\"x\"", "\"y\""), "\"0\"", "[1, 1, 1]"))
			.getMessage().contains("repeated"));
		assertTrue(assertThrows(FormatException.class, () -> parse("[{\"name\": \"x\", \"type\": \"space\"}]", "\"0\"", "[1]"))
			.getMessage().contains("1 axes"));
		assertTrue(assertThrows(FormatException.class, () -> parse("[{\"name\": \"c\", \"type\": \"channel\"}, {\"name\": " +
			"\"t\", \"type\": \"time\"}, {\"name\": \"x\", \"type\": \"space\"}]", "\"0\"", "[1, 1, 1]")).getMessage()
				.contains("1 space axes"));
	}
}

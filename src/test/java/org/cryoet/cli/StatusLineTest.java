package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.scijava.app.event.StatusEvent;

/** The terminal's progress line is rewritten in place, never longer than a screen, and cleared at the end. */
class StatusLineTest {

	@Test
	void aLineIsRewrittenInPlaceAndCleared() {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		final StatusLine line = new StatusLine(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		line.onEvent(new StatusEvent(5, 10, "writing TS_026.mrc"));
		line.onEvent(new StatusEvent("remote: 3 requests"));
		line.onEvent(new StatusEvent("x".repeat(300)));
		line.clear();
		line.onEvent(new StatusEvent("late")); // delivered after the end: not printed
		line.clear(); // nothing shown: nothing written
		final String s = bytes.toString(StandardCharsets.UTF_8);
		final String first = "\rwriting TS_026.mrc 50%", second = "\rremote: 3 requests", third = "\r" + "x".repeat(97) +
			"...";
		assertEquals(first + second + " ".repeat(22 - 18) + third + "\r" + " ".repeat(100) + "\r", s);
	}
}

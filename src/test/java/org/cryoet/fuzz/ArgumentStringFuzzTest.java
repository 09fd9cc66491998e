package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import org.cryoet.cli.ArgumentStrings;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The launcher's {@code --run} argument string. Its refusal is an
 * IllegalArgumentException the launcher prints after the command's label, so
 * the message must be one line; what parses has keys without separators.
 */
class ArgumentStringFuzzTest {

	static Stream<Arguments> seeds() {
		return Seeds.of("ArgumentString");
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void argumentString(final byte[] data) {
		final String s = new String(data, StandardCharsets.UTF_8);
		final Map<String, String> m;
		try {
			m = ArgumentStrings.parse(s);
		}
		catch (final IllegalArgumentException e) {
			Hostile.check(e.getMessage() != null && e.getMessage().indexOf('\n') < 0 && e.getMessage().indexOf('\r') < 0,
				"a refusal of more than one line: " + e.getMessage());
			return;
		}
		for (final Map.Entry<String, String> e : m.entrySet()) {
			final String k = e.getKey();
			Hostile.check(!k.isEmpty(), "an empty key");
			for (int i = 0; i < k.length(); i++)
				Hostile.check(k.charAt(i) != '=' && k.charAt(i) != ',' && !Character.isWhitespace(k.charAt(i)),
					"a key with a separator: " + k);
		}
		// Written back in the quoted form, the same map comes out (when the values allow a quote).
		final StringBuilder sb = new StringBuilder();
		for (final Map.Entry<String, String> e : m.entrySet()) {
			final String v = e.getValue();
			if (sb.length() > 0) sb.append(',');
			sb.append(e.getKey());
			if (v == null) continue;
			final char q = v.indexOf('\'') < 0 ? '\'' : v.indexOf('"') < 0 ? '"' : v.indexOf(']') < 0 ? '[' : 0;
			if (q == 0) return;
			sb.append('=').append(q).append(v).append(q == '[' ? ']' : q);
		}
		Hostile.check(ArgumentStrings.parse(sb.toString()).equals(m), "does not round-trip: " + sb);
	}
}

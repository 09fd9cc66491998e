package org.cryoet.portal.metadata;

import java.util.Locale;

/** How an annotation was made ({@code simulated} since schema 2.0.0). */
public enum MethodType {
	MANUAL, AUTOMATED, HYBRID, SIMULATED;

	public static MethodType of(final String s) {
		if (s == null) return null;
		for (final MethodType m : values())
			if (m.name().toLowerCase(Locale.ROOT).equals(s)) return m;
		return null;
	}

	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}
}

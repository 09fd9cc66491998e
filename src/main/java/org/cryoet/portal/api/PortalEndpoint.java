package org.cryoet.portal.api;

import java.net.URI;

/**
 * Where the portal's GraphQL API is: the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT},
 * else the public endpoint. Tests and mirrors point it elsewhere.
 */
public final class PortalEndpoint {

	public static final String DEFAULT = "https://graphql.cryoetdataportal.czscience.com/graphql";
	public static final String PROPERTY = "cryoet.portal.graphql";
	public static final String ENVIRONMENT = "CRYOET_PORTAL_GRAPHQL";

	private PortalEndpoint() {}

	public static URI configured() throws PortalApiException {
		String s = System.getProperty(PROPERTY);
		String from = "system property " + PROPERTY;
		if (s == null || s.isBlank()) {
			s = System.getenv(ENVIRONMENT);
			from = "environment variable " + ENVIRONMENT;
		}
		if (s == null || s.isBlank()) return URI.create(DEFAULT);
		try {
			final URI u = new URI(s.trim());
			if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme()) || u.getHost() == null)
				throw new PortalApiException(from + ": expected an http(s) URL, found \"" + s + "\"");
			return u;
		}
		catch (final java.net.URISyntaxException e) {
			throw new PortalApiException(from + ": not a URL: \"" + s + "\"");
		}
	}
}

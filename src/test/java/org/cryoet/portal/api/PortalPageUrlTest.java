package org.cryoet.portal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.junit.jupiter.api.Test;

class PortalPageUrlTest {

	@Test
	void datasetAndRunPagesParse() {
		final PortalPageUrl d = PortalPageUrl.parse("https://cryoetdataportal.czscience.com/datasets/10000");
		assertEquals(PortalPageUrl.Kind.DATASET, d.kind);
		assertEquals(10000, d.id);
		final PortalPageUrl r = PortalPageUrl.parse(" https://cryoetdataportal.czscience.com/runs/4263/?tab=x#top ");
		assertEquals(PortalPageUrl.Kind.RUN, r.kind);
		assertEquals(4263, r.id);
		assertEquals(PortalPageUrl.Kind.RUN, PortalPageUrl.parse("https://cryoetdataportal.czscience.com/view/runs/7").kind);
		assertNull(PortalPageUrl.parse("https://cryoetdataportal.czscience.com/depositions/10301"));
		assertNull(PortalPageUrl.parse("https://example.com/datasets/10000"));
		assertNull(PortalPageUrl.parse("/data/10000"));
		assertNull(PortalPageUrl.parse("https://cryoetdataportal.czscience.com/datasets/99999999999"));
		assertTrue(PortalPageUrl.looksLikePortalPage("https://cryoetdataportal.czscience.com/depositions/1"));
		assertFalse(PortalPageUrl.looksLikePortalPage("/data/10000"));
	}

	@Test
	void aUrlPassedAsAFileIsRecovered() {
		final String url = "https://cryoetdataportal.czscience.com/runs/4263";
		assertEquals("https:/cryoetdataportal.czscience.com/runs/4263", new File(url).getPath(), "what SciJava hands us");
		assertEquals(url, PortalPageUrl.recoverUrl(new File(url)));
		assertEquals(url, PortalPageUrl.recoverUrl(new File("/home/me/Fiji.app", url)), "a dialog's folder in front");
		assertEquals("s3://cryoet-data-portal-public/10000", PortalPageUrl.recoverUrl(new File(
			"s3://cryoet-data-portal-public/10000/")), "a File keeps no trailing slash");
		assertEquals("/data/10000", PortalPageUrl.recoverUrl(new File("/data/10000")));
	}
}

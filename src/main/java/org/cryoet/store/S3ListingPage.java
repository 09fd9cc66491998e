package org.cryoet.store;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * One page of a ListObjectsV2 answer ({@code ListBucketResult}): keys, common
 * prefixes and the continuation token. The parser refuses DTDs and external
 * entities: the XML comes from the network.
 */
final class S3ListingPage {

	final List<String> keys = new ArrayList<>();
	final List<Long> sizes = new ArrayList<>();
	final List<String> prefixes = new ArrayList<>();
	boolean truncated;
	String nextToken;

	static S3ListingPage parse(final ByteBuffer body, final String where) throws StoreException {
		final byte[] b = new byte[body.remaining()];
		body.duplicate().get(b);
		final Element root;
		try {
			final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			f.setFeature("http://xml.org/sax/features/external-general-entities", false);
			f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			// A listing nests three levels; a hostile depth is refused by the parser itself.
			f.setAttribute("http://www.oracle.com/xml/jaxp/properties/maxElementDepth", "64");
			f.setXIncludeAware(false);
			f.setExpandEntityReferences(false);
			f.setNamespaceAware(false);
			final DocumentBuilder db = f.newDocumentBuilder();
			db.setErrorHandler(null);
			root = db.parse(new ByteArrayInputStream(b)).getDocumentElement();
		}
		catch (final Exception e) {
			throw new StoreException(where + ": the listing is not valid XML (" + String.valueOf(e.getMessage()).replaceAll(
				"[\\r\\n]+", " ") + ")");
		}
		if (!root.getTagName().equals("ListBucketResult"))
			throw new StoreException(where + ": expected a ListBucketResult, found <" + root.getTagName() + ">");
		final S3ListingPage p = new S3ListingPage();
		final NodeList children = root.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			final Node n = children.item(i);
			if (!(n instanceof Element)) continue;
			final Element e = (Element) n;
			switch (e.getTagName()) {
				case "Contents":
					p.keys.add(child(e, "Key"));
					final String size = child(e, "Size");
					p.sizes.add(size == null ? -1 : size(size, where));
					break;
				case "CommonPrefixes":
					p.prefixes.add(child(e, "Prefix"));
					break;
				case "IsTruncated":
					p.truncated = "true".equalsIgnoreCase(e.getTextContent().trim());
					break;
				case "NextContinuationToken":
					p.nextToken = e.getTextContent();
					break;
				default:
					break;
			}
		}
		if (p.keys.contains(null) || p.prefixes.contains(null))
			throw new StoreException(where + ": a listing entry without its Key or Prefix");
		return p;
	}

	private static long size(final String text, final String where) throws StoreException {
		try {
			final long n = Long.parseLong(text.trim());
			if (n >= 0) return n;
		}
		catch (final NumberFormatException e) {
			// said below
		}
		throw new StoreException(where + ": a listing entry with Size \"" + text.trim().replaceAll("[\\x00-\\x1f]", "?") +
			"\", not a byte count");
	}

	private static String child(final Element e, final String tag) {
		final NodeList l = e.getElementsByTagName(tag);
		return l.getLength() == 0 ? null : l.item(0).getTextContent();
	}
}

package org.cryoet.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An update site's index, {@code db.xml.gz}: gzip-compressed XML, a
 * {@code pluginRecords} root with one {@code plugin} per file (attribute
 * {@code filename}), holding its current {@code version} (checksum, timestamp,
 * filesize; description and authors inside) and its {@code previous-version}s.
 */
public final class SiteDatabase {

	public static final String FILE_NAME = "db.xml.gz";

	private static final Pattern VERSIONED_JAR = Pattern.compile("(.*?)-[0-9][^/]*\\.jar");

	private SiteDatabase() {}

	/** A file's name with any version removed, as the updater matches releases of one file ({@code x-1.2.jar} = {@code x.jar}). */
	public static String unversioned(final String fijiPath) {
		final Matcher m = VERSIONED_JAR.matcher(fijiPath);
		return m.matches() ? m.group(1) + ".jar" : fijiPath;
	}

	public static List<SiteRecord> read(final InputStream gzipped, final String where) throws IOException {
		final Document doc;
		try {
			final DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
			f.setValidating(false);
			f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			doc = f.newDocumentBuilder().parse(new GZIPInputStream(gzipped));
		}
		catch (final ParserConfigurationException | SAXException | java.util.zip.ZipException e) {
			throw new IOException(where + ": not an update site index (gzip-compressed XML expected): " + e.getMessage());
		}
		final Element root = doc.getDocumentElement();
		if (!root.getTagName().equals("pluginRecords"))
			throw new IOException(where + ": not an update site index (root element " + root.getTagName() +
				", expected pluginRecords)");
		final List<SiteRecord> records = new ArrayList<>();
		final NodeList plugins = root.getElementsByTagName("plugin");
		for (int i = 0; i < plugins.getLength(); i++) {
			final Element p = (Element) plugins.item(i);
			final Element v = child(p, "version");
			final Element d = v == null ? null : child(v, "description");
			final SiteRecord r = new SiteRecord(p.getAttribute("filename"), v == null ? null : new SiteRecord.Version(v
				.getAttribute("checksum"), number(v, "timestamp"), number(v, "filesize"), 0, null), d == null ? null : d
					.getTextContent());
			final NodeList prev = p.getElementsByTagName("previous-version");
			for (int k = 0; k < prev.getLength(); k++) {
				final Element e = (Element) prev.item(k);
				r.previous.add(new SiteRecord.Version(e.getAttribute("checksum"), number(e, "timestamp"), 0, number(e,
					"timestamp-obsolete"), e.hasAttribute("filename") ? e.getAttribute("filename") : null));
			}
			records.add(r);
		}
		return records;
	}

	public static void write(final List<SiteRecord> records, final OutputStream out) throws IOException {
		final StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<pluginRecords>\n");
		for (final SiteRecord r : records) {
			sb.append("    <plugin filename=\"").append(escape(r.filename)).append("\">\n");
			if (r.current != null) {
				sb.append(String.format(Locale.ROOT, "        <version checksum=\"%s\" timestamp=\"%d\" filesize=\"%d\">\n",
					r.current.checksum, r.current.timestamp, r.current.filesize));
				if (r.description != null) sb.append("            <description>").append(escape(r.description)).append(
					"</description>\n");
				sb.append("        </version>\n");
			}
			for (final SiteRecord.Version v : r.previous) {
				sb.append(String.format(Locale.ROOT, "        <previous-version timestamp=\"%d\"", v.timestamp));
				if (v.obsoleteSince != 0) sb.append(" timestamp-obsolete=\"").append(v.obsoleteSince).append('"');
				sb.append(" checksum=\"").append(v.checksum).append('"');
				if (v.filename != null) sb.append(" filename=\"").append(escape(v.filename)).append('"');
				sb.append("/>\n");
			}
			sb.append("    </plugin>\n");
		}
		sb.append("</pluginRecords>\n");
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
			gz.write(sb.toString().getBytes(StandardCharsets.UTF_8));
		}
		bytes.writeTo(out);
	}

	private static Element child(final Element parent, final String tag) {
		for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling())
			if (n instanceof Element && ((Element) n).getTagName().equals(tag)) return (Element) n;
		return null;
	}

	private static long number(final Element e, final String attribute) {
		final String v = e.getAttribute(attribute);
		return v.isEmpty() ? 0 : Long.parseLong(v.trim());
	}

	private static String escape(final String s) {
		return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}

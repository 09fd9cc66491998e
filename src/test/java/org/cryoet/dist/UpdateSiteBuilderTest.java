package org.cryoet.dist;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The update site as Fiji's updater reads it: db.xml.gz parses, lists each
 * file with the size, timestamp and checksum of the file stored under
 * {@code path-timestamp}; checksums are recomputed here from the jar's
 * entries (and, where a Fiji is at hand, by the updater's own code).
 */
class UpdateSiteBuilderTest {

	@TempDir
	Path tmp;

	@Test
	void siteListsTheJarWithItsChecksumSizeAndTimestamp() throws Exception {
		final Path jar = jar(tmp.resolve("cryoet-fiji-0.1.0.jar"), "v1");
		final Path macro = tmp.resolve("Example.ijm");
		Files.write(macro, "print(\"Å\");\n".getBytes(StandardCharsets.UTF_8));
		final Path site = tmp.resolve("site");
		new UpdateSiteBuilder(site, System.currentTimeMillis()).publish(List.of(new SiteFile("plugins/cryoet-fiji-0.1.0.jar",
			jar, "CryoET tools"), new SiteFile("scripts/Plugins/CryoET/Example.ijm", macro, null)));

		final Map<String, Element> plugins = plugins(site);
		assertEquals(2, plugins.size(), plugins::toString);
		final Element v = version(plugins.get("plugins/cryoet-fiji-0.1.0.jar"));
		assertEquals(independentJarChecksum(jar), v.getAttribute("checksum"));
		assertEquals(Files.size(jar), Long.parseLong(v.getAttribute("filesize")));
		final String stamp = v.getAttribute("timestamp");
		assertTrue(stamp.matches("20[0-9]{12}"), stamp);
		assertArrayEquals(Files.readAllBytes(jar), Files.readAllBytes(site.resolve("plugins/cryoet-fiji-0.1.0.jar-" + stamp)));
		assertEquals("CryoET tools", v.getElementsByTagName("description").item(0).getTextContent());

		final Element m = version(plugins.get("scripts/Plugins/CryoET/Example.ijm"));
		assertEquals(sha1("scripts/Plugins/CryoET/Example.ijm".getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(
			macro)), m.getAttribute("checksum"));
		assertTrue(Files.exists(site.resolve("scripts/Plugins/CryoET/Example.ijm-" + m.getAttribute("timestamp"))));
	}

	@Test
	void aNewReleaseKeepsThePreviousVersion() throws Exception {
		final Path site = tmp.resolve("site");
		final Path v1 = jar(tmp.resolve("cryoet-fiji-0.1.0.jar"), "v1");
		new UpdateSiteBuilder(site, System.currentTimeMillis()).publish(List.of(new SiteFile("plugins/cryoet-fiji-0.1.0.jar",
			v1, null)));
		final String first = version(plugins(site).get("plugins/cryoet-fiji-0.1.0.jar")).getAttribute("checksum");
		final Path v2 = jar(tmp.resolve("cryoet-fiji-0.2.0.jar"), "v2");
		final List<String> report = new UpdateSiteBuilder(site, System.currentTimeMillis() + 2000).publish(List.of(
			new SiteFile("plugins/cryoet-fiji-0.2.0.jar", v2, null)));
		assertTrue(report.get(0).startsWith("updated plugins/cryoet-fiji-0.2.0.jar"), report::toString);
		final Map<String, Element> plugins = plugins(site);
		assertEquals(1, plugins.size(), "one record per file, whatever its version: " + plugins.keySet());
		final Element p = plugins.get("plugins/cryoet-fiji-0.2.0.jar");
		assertEquals(independentJarChecksum(v2), version(p).getAttribute("checksum"));
		final Element prev = (Element) p.getElementsByTagName("previous-version").item(0);
		assertEquals(first, prev.getAttribute("checksum"));
		assertEquals("plugins/cryoet-fiji-0.1.0.jar", prev.getAttribute("filename"));
		assertTrue(Files.exists(site.resolve("plugins/cryoet-fiji-0.1.0.jar-" + prev.getAttribute("timestamp"))),
			"the old file stays for installs that still have it");
		// Publishing the same content again changes nothing.
		assertEquals(List.of("unchanged plugins/cryoet-fiji-0.2.0.jar"), new UpdateSiteBuilder(site, System
			.currentTimeMillis()).publish(List.of(new SiteFile("plugins/cryoet-fiji-0.2.0.jar", v2, null))));
	}

	@Test
	void rebuildingTheSameClassesKeepsTheChecksum() throws Exception {
		// Maven rewrites the manifest (build date, commit) and the date comment of pom.properties on every build.
		final Path a = jar(tmp.resolve("a.jar"), "v1", "Implementation-Date: 2026-11-02\r\n", "#Mon Nov 02 10:00:00 UTC 2026\n");
		final Path b = jar(tmp.resolve("b.jar"), "v1", "Implementation-Date: 2026-11-03\r\n", "#Tue Nov 03 11:11:11 UTC 2026\n");
		assertEquals(UpdaterChecksum.of("plugins/x.jar", a), UpdaterChecksum.of("plugins/x.jar", b));
		assertNotEquals(UpdaterChecksum.of("plugins/x.jar", a), UpdaterChecksum.of("plugins/x.jar", jar(tmp.resolve(
			"c.jar"), "v2")));
	}

	@Test
	void propertiesCommentsFollowTheUpdatersFilter() {
		// Worked by hand from the updater's SkipHashedLines: a comment keeps its line break; after an empty
		// line or a bare "#" the next line does not count as a line start, so its '#' stays.
		check("a=1\n#c\nb=2\n", "a=1\n\nb=2\n");
		check("#c\n#d\nx\n", "\n\nx\n");
		check("\n#kept\n", "\n#kept\n");
		check("#\n#kept\n", "\n#kept\n");
		check("##c\ny", "\ny");
		check("#tail", "");
	}

	@Test
	void fijisOwnUpdaterAgrees() throws Exception {
		final Path fiji = Path.of(System.getProperty("cryoet.fiji", "../fiji/Fiji.app"));
		final File[] updaters = fiji.resolve("jars").toFile().listFiles((d, n) -> n.startsWith("imagej-updater-") && n
			.endsWith(".jar"));
		Assumptions.assumeTrue(updaters != null && updaters.length > 0, "no Fiji with imagej-updater at " + fiji
			.toAbsolutePath().normalize() + " (set -Dcryoet.fiji=/path/to/Fiji.app to compare with its updater)");
		final List<URL> urls = new ArrayList<>();
		for (final File f : fiji.resolve("jars").toFile().listFiles((d, n) -> n.endsWith(".jar") && (n.startsWith(
			"imagej-updater-") || n.startsWith("scijava-common-"))))
			urls.add(f.toURI().toURL());
		final Path jar = jar(tmp.resolve("cryoet-fiji-0.1.0.jar"), "v1", "Created-By: Maven\r\n", "#date\nk=v\n");
		final Path macro = tmp.resolve("m.ijm");
		Files.write(macro, "run(\"x\");\n".getBytes(StandardCharsets.UTF_8));
		try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), null)) {
			final Class<?> util = loader.loadClass("net.imagej.updater.util.UpdaterUtil");
			final Object jarDigest = util.getMethod("getDigest", String.class, File.class).invoke(null,
				"plugins/cryoet-fiji-0.1.0.jar", jar.toFile());
			assertEquals(jarDigest, UpdaterChecksum.of("plugins/cryoet-fiji-0.1.0.jar", jar));
			final Object macroDigest = util.getMethod("getDigest", String.class, File.class).invoke(null,
				"scripts/m.ijm", macro.toFile());
			assertEquals(macroDigest, UpdaterChecksum.of("scripts/m.ijm", macro));
		}
	}

	private static void check(final String in, final String expected) {
		assertEquals(expected, new String(UpdaterChecksum.emptyCommentLines(in.getBytes(StandardCharsets.US_ASCII)),
			StandardCharsets.US_ASCII), in);
	}

	private static Map<String, Element> plugins(final Path site) throws Exception {
		final Document doc;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site.resolve("db.xml.gz")))) {
			doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
		assertEquals("pluginRecords", doc.getDocumentElement().getTagName());
		final Map<String, Element> out = new TreeMap<>();
		final NodeList list = doc.getElementsByTagName("plugin");
		for (int i = 0; i < list.getLength(); i++)
			out.put(((Element) list.item(i)).getAttribute("filename"), (Element) list.item(i));
		return out;
	}

	private static Element version(final Element plugin) {
		return (Element) plugin.getElementsByTagName("version").item(0);
	}

	private static Path jar(final Path p, final String content) throws IOException {
		return jar(p, content, "Created-By: test\r\n", "#Generated\nartifactId=x\n");
	}

	private static Path jar(final Path p, final String content, final String createdBy, final String properties)
		throws IOException
	{
		try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
			// Written out of name order on purpose: the checksum sorts them.
			put(z, "org/cryoet/Z.class", content);
			put(z, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n" + createdBy + "Implementation-Title: x\r\n\r\n");
			put(z, "META-INF/maven/org.cryoet/x/pom.properties", properties);
			put(z, "A.txt", "a");
		}
		return p;
	}

	private static void put(final ZipOutputStream z, final String name, final String content) throws IOException {
		z.putNextEntry(new ZipEntry(name));
		z.write(content.getBytes(StandardCharsets.UTF_8));
		z.closeEntry();
	}

	/**
	 * The updater's rule, computed another way: entries read with a ZipInputStream,
	 * sorted by name, comment lines of properties removed by a regular expression
	 * (enough for these files, which have no empty lines), the manifest's
	 * content left out (the updater's manifest filter keeps nothing, as Fiji's
	 * own updater confirms in {@link #fijisOwnUpdaterAgrees}).
	 */
	private static String independentJarChecksum(final Path jar) throws Exception {
		final Map<String, byte[]> entries = new TreeMap<>();
		try (ZipInputStream z = new ZipInputStream(Files.newInputStream(jar))) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;)
				entries.put(e.getName(), z.readAllBytes());
		}
		final List<byte[]> parts = new ArrayList<>();
		for (final Map.Entry<String, byte[]> e : entries.entrySet()) {
			parts.add(e.getKey().getBytes(StandardCharsets.US_ASCII));
			String text = new String(e.getValue(), StandardCharsets.ISO_8859_1);
			if (e.getKey().endsWith(".properties")) text = text.replaceAll("(?m)^#.*$", "");
			else if (e.getKey().equals("META-INF/MANIFEST.MF")) text = "";
			parts.add(text.getBytes(StandardCharsets.ISO_8859_1));
		}
		return sha1(parts.toArray(new byte[0][]));
	}

	private static String sha1(final byte[]... parts) throws Exception {
		final MessageDigest d = MessageDigest.getInstance("SHA-1");
		for (final byte[] p : parts)
			d.update(p);
		final StringBuilder sb = new StringBuilder();
		for (final byte b : d.digest())
			sb.append(String.format("%02x", b));
		return sb.toString();
	}
}

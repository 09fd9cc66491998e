package org.cryoet.dist;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The checksum the ImageJ updater records and verifies for a file (SHA-1, hex).
 * A jar is hashed entry by entry in name order, each as its name followed by
 * its content, so that rebuilding the same classes gives the same checksum:
 * comment lines of {@code .properties} entries are emptied (Maven writes a
 * date there) and the manifest's content is left out. Any other
 * file is hashed as its path in the Fiji folder followed by its bytes.
 */
public final class UpdaterChecksum {

	private UpdaterChecksum() {}

	/** @param fijiPath the file's path inside Fiji.app, with '/' (e.g. {@code plugins/x.jar}) */
	public static String of(final String fijiPath, final Path file) throws IOException {
		final MessageDigest sha1 = sha1();
		if (fijiPath.endsWith(".jar")) {
			try (JarFile jar = new JarFile(file.toFile())) {
				final List<JarEntry> entries = new ArrayList<>(java.util.Collections.list(jar.entries()));
				entries.sort(Comparator.comparing(JarEntry::getName));
				for (final JarEntry e : entries) {
					sha1.update(e.getName().getBytes(StandardCharsets.US_ASCII));
					final byte[] content;
					try (InputStream in = jar.getInputStream(e)) {
						content = in.readAllBytes();
					}
					if (e.getName().endsWith(".properties")) sha1.update(emptyCommentLines(content));
					// The manifest's content counts for nothing (only its name): the updater's
					// filter keeps "Main-Class:" lines, but compares them upper-cased, so none.
					else if (!e.getName().equals("META-INF/MANIFEST.MF")) sha1.update(content);
				}
			}
		}
		else {
			sha1.update(fijiPath.getBytes(StandardCharsets.US_ASCII));
			sha1.update(Files.readAllBytes(file));
		}
		return hex(sha1.digest());
	}

	/**
	 * What the updater's filter leaves of a {@code .properties} file: a line
	 * starting with '#' keeps only its line break. Two quirks of that filter
	 * are followed too: an empty line, or a comment with no text ("#\n"), ends
	 * without the next line counting as a line start, so a '#' there is kept.
	 */
	static byte[] emptyCommentLines(final byte[] in) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
		boolean lineStart = true;
		int i = 0;
		while (i < in.length) {
			final int c = in[i++] & 0xff;
			if (!lineStart || c != '#') {
				out.write(c);
				lineStart = !lineStart && c == '\n';
				continue;
			}
			while (i < in.length && in[i] == '#')
				i++;
			if (i >= in.length) break;
			if (in[i] == '\n') { // no text after the '#'s
				i++;
				out.write('\n');
				lineStart = false;
				continue;
			}
			while (i < in.length && in[i] != '\n')
				i++;
			if (i >= in.length) break;
			i++;
			out.write('\n');
			lineStart = true;
		}
		return out.toByteArray();
	}

	private static MessageDigest sha1() {
		try {
			return MessageDigest.getInstance("SHA-1");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("this Java has no SHA-1", e);
		}
	}

	static String hex(final byte[] b) {
		final StringBuilder sb = new StringBuilder(b.length * 2);
		for (final byte x : b)
			sb.append(String.format(Locale.ROOT, "%02x", x & 0xff));
		return sb.toString();
	}
}

package org.cryoet.convert;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/** Whether a file carries a format's fixed bytes (a magic number) at an offset. */
public final class FileSignature {

	private FileSignature() {}

	public static boolean startsWith(final Path file, final long offset, final byte[] signature) throws IOException {
		if (!Files.isRegularFile(file) || Files.size(file) < offset + signature.length) return false;
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			final ByteBuffer b = ByteBuffer.allocate(signature.length);
			while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
				// read until full
			}
			return Arrays.equals(b.array(), signature);
		}
	}
}

package org.cryoet.portal.annotation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

import org.cryoet.format.FormatException;

/**
 * Reads an ndjson point file line by line (never the whole file at once):
 * one JSON object per line, blank lines ignored, a UTF-8 byte-order mark
 * tolerated. A malformed line is an error naming the file and the line, and
 * nothing is returned; with {@link #skipBadLines} such lines are counted
 * instead. Lines longer than {@link #maxLineBytes} are malformed too, so a
 * wrong file (a binary, one huge line) cannot exhaust memory.
 */
public final class NdjsonPointReader {

	/** What was read: the points, and how many lines were skipped (with the first reason). */
	public static final class Result {

		public final PointTable points;
		public final int skippedLines;
		/** The first skipped line's problem, or null. */
		public final String firstProblem;

		Result(final PointTable points, final int skippedLines, final String firstProblem) {
			this.points = points;
			this.skippedLines = skippedLines;
			this.firstProblem = firstProblem;
		}
	}

	public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;

	private boolean skipBadLines;
	private int maxLineBytes = DEFAULT_MAX_LINE_BYTES;

	/** Skip malformed lines (and count them) instead of failing. */
	public NdjsonPointReader skipBadLines(final boolean skip) {
		this.skipBadLines = skip;
		return this;
	}

	public NdjsonPointReader maxLineBytes(final int max) {
		this.maxLineBytes = max;
		return this;
	}

	public Result read(final Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.toString());
		}
		catch (final NoSuchFileException e) {
			throw new FormatException(file + ": not found");
		}
		catch (final AccessDeniedException e) {
			throw new FormatException(file + ": permission denied");
		}
	}

	/** @param name the file or URL, for messages */
	public Result read(final InputStream in, final String name) throws IOException {
		final PointTable points = new PointTable();
		final PortalLineFastPath fast = new PortalLineFastPath();
		final PointLineParser parser = new PointLineParser();
		// whole lines are parsed where they lie in the buffer; it grows only for a line longer than itself, up to the bound
		byte[] buf = new byte[1 << 17];
		int start = 0, filled = 0;
		boolean eof = false;
		while (filled < 3 && !eof) {
			final int n = in.read(buf, filled, buf.length - filled);
			if (n < 0) eof = true;
			else filled += n;
		}
		if (filled >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) start = 3;
		long lineNumber = 1;
		int skipped = 0;
		String firstProblem = null;
		while (start < filled || !eof) {
			// the portal's own line shape, in one pass; it never reads past the line bound
			final int limit = (int) Math.min(filled, (long) start + maxLineBytes);
			int end = start < filled ? fast.parse(buf, start, limit, eof && limit == filled, points) : -1;
			String problem = null;
			if (end < 0) {
				end = indexOfNewline(buf, start, filled);
				if (end < 0 && !eof) {
					if (filled - start <= maxLineBytes) {
						// an unfinished line: move it to the front and read more
						System.arraycopy(buf, start, buf, 0, filled - start);
						filled -= start;
						start = 0;
						if (filled == buf.length) buf = Arrays.copyOf(buf, (int) Math.min(2L * buf.length, maxLineBytes + 2L));
						final int n = in.read(buf, filled, buf.length - filled);
						if (n < 0) eof = true;
						else filled += n;
						continue;
					}
					// too long: drop what was read of it up to its end, and report it
					start = filled = 0;
					while (end < 0 && !eof) {
						final int n = in.read(buf, 0, buf.length);
						if (n < 0) eof = true;
						else {
							filled = n;
							end = indexOfNewline(buf, 0, n);
						}
					}
					if (end < 0) end = filled;
					problem = tooLong();
				}
				if (end < 0) end = filled;
				if (problem == null && end - start > maxLineBytes) problem = tooLong();
				if (problem == null && !blank(buf, start, end)) try {
					parser.parse(buf, start, end, points);
				}
				catch (final PointLineParser.LineException e) {
					problem = e.getMessage();
				}
				if (problem != null) {
					if (!skipBadLines) throw new FormatException(name + ": line " + lineNumber + ": " + problem);
					if (firstProblem == null) firstProblem = "line " + lineNumber + ": " + problem;
					skipped++;
				}
			}
			lineNumber++;
			start = end < filled ? end + 1 : filled;
		}
		return new Result(points, skipped, firstProblem);
	}

	private String tooLong() {
		return "line longer than " + maxLineBytes + " bytes (not an ndjson point file?)";
	}

	private static int indexOfNewline(final byte[] b, final int from, final int to) {
		for (int i = from; i < to; i++)
			if (b[i] == '\n') return i;
		return -1;
	}

	private static boolean blank(final byte[] b, final int from, final int to) {
		for (int i = from; i < to; i++)
			if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') return false;
		return true;
	}

}

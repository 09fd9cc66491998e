package org.cryoet.portal.annotation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
		final PointLineParser parser = new PointLineParser();
		final byte[] buf = new byte[1 << 16];
		byte[] line = new byte[256];
		int lineLength = 0;
		long lineNumber = 1;
		int skipped = 0;
		String firstProblem = null;
		boolean tooLong = false, first = true;
		int n;
		while (true) {
			n = in.read(buf);
			final boolean eof = n < 0;
			int start = 0;
			if (first && n >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) start = 3;
			if (n > 0) first = false;
			for (int i = start; i < n || eof; i++) {
				final boolean endOfLine = eof || buf[i] == '\n';
				if (!endOfLine) continue;
				// the line is [start, i) of buf, after what an earlier buffer left in line
				final byte[] src;
				final int from, to;
				if (lineLength == 0) {
					src = buf;
					from = start;
					to = eof ? start : i;
				}
				else {
					final int add = eof ? 0 : i - start;
					if (!tooLong && lineLength + add <= maxLineBytes) {
						line = ensure(line, lineLength + add);
						System.arraycopy(buf, start, line, lineLength, add);
					}
					else tooLong = true;
					src = line;
					from = 0;
					to = lineLength + add;
				}
				if (to - from > maxLineBytes) tooLong = true;
				String problem = null;
				if (tooLong) problem = "line longer than " + maxLineBytes + " bytes (not an ndjson point file?)";
				else if (!blank(src, from, to)) try {
					parser.parse(src, from, to, points);
				}
				catch (final PointLineParser.LineException e) {
					problem = e.getMessage();
				}
				if (problem != null) {
					if (!skipBadLines) throw new FormatException(name + ": line " + lineNumber + ": " + problem);
					if (firstProblem == null) firstProblem = "line " + lineNumber + ": " + problem;
					skipped++;
				}
				lineLength = 0;
				tooLong = false;
				lineNumber++;
				start = i + 1;
				if (eof) break;
			}
			if (eof) break;
			// keep the unfinished line for the next buffer (bounded: past the limit only its length counts)
			final int rest = n - start;
			if (rest > 0) {
				if (!tooLong && lineLength + rest <= maxLineBytes) {
					line = ensure(line, lineLength + rest);
					System.arraycopy(buf, start, line, lineLength, rest);
					lineLength += rest;
				}
				else {
					tooLong = true;
					lineLength = Math.max(lineLength, 1);
				}
			}
		}
		return new Result(points, skipped, firstProblem);
	}

	private static boolean blank(final byte[] b, final int from, final int to) {
		for (int i = from; i < to; i++)
			if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') return false;
		return true;
	}

	private static byte[] ensure(final byte[] a, final int n) {
		return n <= a.length ? a : java.util.Arrays.copyOf(a, Math.max(n, 2 * a.length));
	}
}

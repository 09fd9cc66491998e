package org.cryoet.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.cryoet.store.StoreParsing;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * HTTP and S3 answers, without sockets: a listing page's XML, a ranged
 * answer's Content-Range against the body and the range asked for, and a
 * body delivered in pieces against its Content-Length. The first byte picks
 * which; see {@link #ranged} and {@link #collected} for the layouts.
 */
class StoreResponseFuzzTest {

	private static final String WHERE = "s3://bucket/10000/";

	static Stream<Arguments> seeds() {
		return Seeds.of("StoreResponse");
	}

	@MethodSource("seeds")
	@FuzzTest(maxDuration = "10m")
	void storeResponse(final byte[] data) {
		if (data.length < 1) return;
		final byte[] rest = Arrays.copyOfRange(data, 1, data.length);
		try {
			switch ((data[0] & 0xff) % 3) {
				case 0: listing(rest); break;
				case 1: ranged(rest); break;
				default: collected(rest);
			}
		}
		catch (final IOException e) {
			if (!StoreParsing.isOurs(e)) throw new AssertionError("not our exception: " + e, e);
			Hostile.check(e.getMessage() != null && e.getMessage().indexOf('\n') < 0, "refusal of more than one line: " + e
				.getMessage());
		}
	}

	@SuppressWarnings("unchecked")
	private static void listing(final byte[] xml) throws IOException {
		final List<Object> p;
		try {
			p = StoreParsing.listing(xml, WHERE);
		}
		catch (final org.cryoet.store.StoreException e) {
			Hostile.named(WHERE, e);
			return;
		}
		final List<String> keys = (List<String>) p.get(0);
		final List<Long> sizes = (List<Long>) p.get(1);
		Hostile.check(keys.size() == sizes.size(), "keys and sizes differ in number");
		for (final Long s : sizes)
			Hostile.check(s >= -1, "a negative size " + s);
	}

	/** status (1 byte), offset, length (1 byte each), Content-Range text up to a NUL, then the body. */
	private static void ranged(final byte[] d) throws IOException {
		if (d.length < 3) return;
		final int status = (d[0] & 1) == 0 ? 206 : 200;
		final long offset = d[1] & 0xff, length = (d[2] & 0x80) != 0 ? -1 : d[2] & 0x7f;
		int nul = 3;
		while (nul < d.length && d[nul] != 0)
			nul++;
		final String cr = nul == 3 ? null : new String(d, 3, nul - 3, StandardCharsets.ISO_8859_1);
		final byte[] body = nul < d.length ? Arrays.copyOfRange(d, nul + 1, d.length) : new byte[0];
		final ByteBuffer got = StoreParsing.ranged(status, cr, body, offset, length);
		if (length >= 0) Hostile.check(got.remaining() <= length, "more bytes than asked for");
		if (status == 206 && length >= 0) Hostile.check(got.remaining() == length || cr != null,
			"a short range without Content-Range accepted");
	}

	/** declared length (2 bytes, 0xffff = none), skip, want (1 byte each, 0xff = all), complete flag, pieces split at NUL. */
	private static void collected(final byte[] d) throws IOException {
		if (d.length < 5) return;
		final int decl = (d[0] & 0xff) | (d[1] & 0xff) << 8;
		final long declared = decl == 0xffff ? -1 : decl == 0xfffe ? Long.MAX_VALUE / 2 : decl;
		final long skip = d[2] & 0xff, want = (d[3] & 0xff) == 0xff ? -1 : d[3] & 0xff;
		final boolean complete = (d[4] & 1) == 0;
		final List<byte[]> pieces = new ArrayList<>();
		int from = 5;
		for (int i = 5; i <= d.length; i++)
			if (i == d.length || d[i] == 0) {
				pieces.add(Arrays.copyOfRange(d, from, i));
				from = i + 1;
			}
		long total = 0;
		for (final byte[] p : pieces)
			total += p.length;
		final ByteBuffer got;
		try {
			got = StoreParsing.collect(declared, skip, want, pieces, complete);
		}
		catch (final IOException e) {
			if (e.getMessage() != null && e.getMessage().equals("connection reset")) return; // the network's own error
			throw e;
		}
		final long expect = want >= 0 ? Math.min(want, Math.max(0, total - skip)) : Math.max(0, total - skip);
		Hostile.check(got.remaining() == expect, "collected " + got.remaining() + " bytes, expected " + expect);
		if (want < 0 || got.remaining() < want)
			Hostile.check(declared < 0 || declared == total, "a body of " + total + " bytes accepted for Content-Length " +
				declared);
	}
}

package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

/** Answers no honest server sends: each is one line naming the listing or range, and nothing is allocated for a claim. */
class HostileAnswersTest {

	private static final String LISTING = "<ListBucketResult><IsTruncated>false</IsTruncated><Contents><Key>a/b</Key>" +
		"<Size>SIZE</Size></Contents></ListBucketResult>";

	@Test
	void aListingSizeThatIsNoByteCount() {
		for (final String size : new String[] { "99999999999999999999999", "-4", "twelve" }) {
			final StoreException e = assertThrows(StoreException.class, () -> S3ListingPage.parse(ByteBuffer.wrap(LISTING
				.replace("SIZE", size).getBytes(StandardCharsets.UTF_8)), "s3://b/a/"));
			assertEquals("s3://b/a/: a listing entry with Size \"" + size + "\", not a byte count", e.getMessage());
		}
	}

	@Test
	void aListingNestedDeeperThan64() {
		final StringBuilder sb = new StringBuilder("<ListBucketResult>");
		for (int i = 0; i < 100; i++)
			sb.append("<Contents>");
		final StoreException e = assertThrows(StoreException.class, () -> S3ListingPage.parse(ByteBuffer.wrap(sb.toString()
			.getBytes(StandardCharsets.UTF_8)), "s3://b/a/"));
		assertTrue(e.getMessage().startsWith("s3://b/a/: the listing is not valid XML ("), e.getMessage());
		assertTrue(e.getMessage().indexOf('\n') < 0);
	}

	@Test
	void aContentRangeOfTooManyDigitsIsMalformed() {
		final IOException e = assertThrows(IOException.class, () -> StoreParsing.ranged(206,
			"bytes 10-99999999999999999999999/100", "hello".getBytes(StandardCharsets.US_ASCII), 10, 5));
		assertTrue(e instanceof TransientFault, e.toString());
		assertEquals("a malformed Content-Range \"bytes 10-99999999999999999999999/100\"", e.getMessage());
	}

	/** Found by the StoreResponse campaign: a Content-Range holding a newline made a refusal of two lines. */
	@Test
	void aMalformedContentRangeIsQuotedOnOneLine() {
		final IOException e = assertThrows(IOException.class, () -> StoreParsing.ranged(206, "e\nlhlo", new byte[3], 0, 3));
		assertEquals("a malformed Content-Range \"e?lhlo\"", e.getMessage());
	}

	/** A Content-Length of 2^62 made a 2 GiB buffer before any byte arrived (OutOfMemoryError under -Xmx512m). */
	@Test
	void aContentLengthIsAClaimNotAnAllocation() {
		final TransientFault e = assertThrows(TransientFault.class, () -> StoreParsing.collect(1L << 62, 0, -1, Arrays
			.asList("hello".getBytes(StandardCharsets.US_ASCII)), true));
		assertEquals("the body ended after 5 of its " + (1L << 62) + " bytes", e.getMessage());
	}
}

package org.cryoet.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.cryoet.format.FormatException;
import org.cryoet.format.mrc.MrcReader;
import org.cryoet.sample.SampleData;
import org.cryoet.testutil.Checksums;
import org.cryoet.testutil.TreeHttpServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An MRC file over HTTP: the header, then only the rows asked for, sections in parallel. */
class RemoteMrcTest {

	@TempDir
	Path dir;

	@Test
	void aBoxAcrossSectionsIsFetchedInParallelRangesOnly() throws Exception {
		SampleData.ensure(dir);
		final long fileSize = Files.size(dir.resolve(SampleData.MRC));
		try (TreeHttpServer server = new TreeHttpServer(dir); Store s = Stores.open(server.url(), RemoteOptions.defaults()
			.withConnections(8)).store; MrcReader local = MrcReader.open(dir.resolve(SampleData.MRC)); MrcReader remote =
				MrcReader.open(s, SampleData.MRC))
		{
			assertEquals(2, server.requests(), "the size and the header");
			final int nz = local.header().nz, nx = local.header().nx;
			final long[] off = { 0, 40, 0 };
			final int[] size = { nz, 1, nx }; // an XZ view: one row of every section
			server.reset();
			server.latency(30);
			final float[] a = new float[nz * nx], b = new float[nz * nx];
			local.read(off, size, a);
			remote.read(off, size, b);
			assertEquals(Checksums.sha256LeC(local.type(), a), Checksums.sha256LeC(remote.type(), b));
			assertEquals(nz, server.requests(), "one request per section");
			assertTrue(server.maxInFlight() > 1 && server.maxInFlight() <= 8, "parallel within the bound: " + server
				.maxInFlight());
			assertTrue(nz * 4L * nx < fileSize / 10, "only a small part of the file was asked for");
		}
	}

	@Test
	void aRemoteFileShorterThanItsHeaderIsRefusedNamingTheUrl() throws IOException {
		SampleData.ensure(dir);
		final byte[] all = Files.readAllBytes(dir.resolve(SampleData.MRC));
		Files.write(dir.resolve("cut.mrc"), Arrays.copyOf(all, all.length / 2));
		try (TreeHttpServer server = new TreeHttpServer(dir); Store s = Stores.open(server.url(), RemoteOptions.defaults())
			.store)
		{
			final FormatException e = assertThrows(FormatException.class, () -> MrcReader.open(s, "cut.mrc"));
			assertTrue(e.getMessage().startsWith(server.url() + "cut.mrc: truncated MRC file"), e.getMessage());
			final FormatException missing = assertThrows(FormatException.class, () -> MrcReader.open(s, "nope.mrc"));
			assertEquals(server.url() + "nope.mrc: file not found", missing.getMessage());
		}
	}
}

package org.cryoet.portal.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder names no honest portal tree has. */
class HostileDiscoveryTest {

	@TempDir
	Path tmp;

	private VoxelSpacing spacing(final String folder) throws Exception {
		final Path run = tmp.resolve("10000").resolve("TS_1");
		Files.createDirectories(run.resolve("Reconstructions").resolve(folder).resolve("Tomograms"));
		Files.write(run.resolve("run_metadata.json"), "{\"run_name\": \"TS_1\"}".getBytes());
		return PortalDiscovery.discover(tmp).datasets.get(0).runs.get(0).voxelSpacings.get(0);
	}

	/**
	 * Found by the Discovery campaign: an annotation's sibling {@code ribosome-1.0_point} (no extension)
	 * makes PortalDiscovery.annotation take {@code substring(prefix + 1, lastIndexOf('.'))} with the dot of
	 * the version, before the prefix's end: StringIndexOutOfBoundsException instead of a listing.
	 */
	@Test
	void anAnnotationFileWithoutExtension() throws Exception {
		final Path a = tmp.resolve("10000/TS_1/Reconstructions/VoxelSpacing10.000/Annotations/100");
		Files.createDirectories(a);
		Files.write(tmp.resolve("10000/TS_1/run_metadata.json"), "{\"run_name\": \"TS_1\"}".getBytes());
		Files.write(a.resolve("ribosome-1.0.json"), "{}".getBytes());
		Files.write(a.resolve("ribosome-1.0_point"), new byte[0]);
		final VoxelSpacing vs = PortalDiscovery.discover(tmp).datasets.get(0).runs.get(0).voxelSpacings.get(0);
		assertEquals(1, vs.annotations.size());
	}

	/**
	 * Found by the Discovery campaign (last run, 04:52): a folder whose name holds a newline, given as
	 * the entry point, is named verbatim in the refusal, which then spans two lines. Discovery's
	 * messages should print paths with control characters escaped.
	 */
	@Test
	void aRefusalNamingAPathWithANewlineIsOneLine() throws Exception {
		final Path odd = Files.createDirectories(tmp.resolve("a\nb"));
		final org.cryoet.format.FormatException e = org.junit.jupiter.api.Assertions.assertThrows(
			org.cryoet.format.FormatException.class, () -> PortalDiscovery.discover(odd));
		assertFalse(e.getMessage().contains("\n"), e.getMessage());
	}

	/** Found by the Discovery campaign's check: what does not parse is NaN and a problem (README, layouts rule 5). */
	@Test
	void aSpacingThatIsNoNumberIsAProblem() throws Exception {
		final VoxelSpacing vs = spacing("VoxelSpacingNaN");
		assertTrue(Double.isNaN(vs.value));
		assertEquals(1, vs.problems.size());
	}

	/**
	 * {@code VoxelSpacing0.000} parses (the pattern allows 0) and is listed as a spacing of 0 Å with no
	 * problem, so a viewer or an export would divide by it. PortalLayout.VOXEL_SPACING or
	 * PortalDiscovery.voxelSpacing should treat a spacing that is not positive as not parsing.
	 */
	@Test
	void aSpacingOfZeroIsAProblem() throws Exception {
		final VoxelSpacing vs = spacing("VoxelSpacing0.000");
		assertFalse(vs.value == 0 && vs.problems.isEmpty(), "spacing 0 listed without a problem");
	}
}

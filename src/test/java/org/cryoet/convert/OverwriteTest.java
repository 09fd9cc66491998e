package org.cryoet.convert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.cryoet.cli.LauncherHarness;
import org.cryoet.sample.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** overwrite=true replaces only what Convert would write; a user's file or folder of the same name is left alone. */
class OverwriteTest {

	@TempDir
	static Path sample;

	@TempDir
	Path tmp;

	@BeforeAll
	static void writeSample() throws Exception {
		SampleData.ensure(sample);
	}

	private LauncherHarness convert(final Path out) {
		return LauncherHarness.run("--headless", "--run", "Convert CryoET Volume", "input='" + sample.resolve(
			SampleData.ZARR) + "',level=2,output='" + out + "',overwrite=true");
	}

	@Test
	void aFolderNamedLikeTheOutputIsKept() throws Exception {
		final Path notes = Files.createDirectories(tmp.resolve("p.mrc")).resolve("notes.txt");
		Files.write(notes, "my notes".getBytes(StandardCharsets.UTF_8));
		refused(convert(tmp.resolve("p.mrc")), "p.mrc: exists and is not an MRC file");
		assertEquals("my notes", Files.readString(notes));
	}

	@Test
	void aTextFileNamedMrcOrTifIsKept() throws Exception {
		for (final String name : new String[] { "t.mrc", "t.tif" }) {
			final Path f = Files.write(tmp.resolve(name), "not an image, but 1024 bytes long?".repeat(40).getBytes(
				StandardCharsets.UTF_8));
			refused(convert(f), name + ": exists and is not a");
			assertTrue(Files.readString(f).startsWith("not an image"));
		}
	}

	@Test
	void aZarrWithForeignFilesIsKept() throws Exception {
		final Path z = tmp.resolve("z.zarr");
		assertEquals(0, convert(z).code);
		final Path extra = Files.write(z.resolve("0").resolve("README.txt"), "mine".getBytes(StandardCharsets.UTF_8));
		refused(convert(z), "z.zarr: exists and is not a Zarr hierarchy");
		assertTrue(Files.exists(extra));
		final Path folder = Files.createDirectories(tmp.resolve("plain.zarr").resolve("0"));
		refused(convert(tmp.resolve("plain.zarr")), "plain.zarr: exists and is not a Zarr hierarchy");
		assertTrue(Files.isDirectory(folder));
	}

	@Test
	void ourOwnOutputsAreReplaced() throws Exception {
		for (final String name : new String[] { "o.mrc", "o.tif", "o.zarr" }) {
			final Path out = tmp.resolve(name);
			assertEquals(0, convert(out).code, name);
			final LauncherHarness again = convert(out);
			assertEquals(0, again.code, again::toString);
		}
		// a zarr written with '.'-separated chunk keys by someone else's tool is a Zarr too
		final Path dotted = Files.createDirectories(tmp.resolve("d.zarr").resolve("0"));
		Files.write(dotted.getParent().resolve(".zgroup"), "{\"zarr_format\": 2}".getBytes(StandardCharsets.UTF_8));
		Files.write(dotted.resolve(".zarray"), "{}".getBytes(StandardCharsets.UTF_8));
		Files.write(dotted.resolve("0.0.0"), new byte[8]);
		assertEquals(0, convert(tmp.resolve("d.zarr")).code);
	}

	private static void refused(final LauncherHarness r, final String words) {
		assertEquals(1, r.code, r::toString);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.contains(words), r::toString);
	}
}

package org.cryoet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.command.ImportPointsCommand;
import org.cryoet.testutil.OwnPortalTree;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Import, export and mask export through the headless launcher (Fiji's syntax) and through SciJava's CommandService. */
class AnnotationCommandsTest {

	@TempDir
	static Path root;

	static Path run;

	@BeforeAll
	static void writeTree() throws Exception {
		run = OwnPortalTree.write(root, false).resolve(OwnPortalTree.RUN);
	}

	private static List<Path> files(final Path dir) throws Exception {
		try (Stream<Path> s = Files.walk(dir)) {
			return s.sorted().collect(Collectors.toList());
		}
	}

	@Test
	void importThenExportThroughTheLauncher(@TempDir final Path tmp) throws Exception {
		final Path ann = run.resolve("Reconstructions/VoxelSpacing10.000/Annotations/101");
		final Path zip = tmp.resolve("thermosome.zip");
		final LauncherHarness imp = LauncherHarness.run("--headless", "--run", "Import CryoET Points", "input='" + ann +
			"',level=1,roiset='" + zip + "'");
		assertEquals(0, imp.code, imp::toString);
		assertTrue(imp.out.startsWith("thermosome 101: 1 point from "), imp.out);
		assertTrue(Files.isRegularFile(zip));
		final Path out = tmp.resolve("export");
		final String args = "roiset='" + zip + "',output='" + out + "',layout=seed,schema=1.1.0,object_id='GO:0005832'," +
			"annotation_method='picked again',authors='Ada Tester; Jane Doe <0000-0002-1825-0097>'";
		final LauncherHarness exp = LauncherHarness.run("--headless", "--run", "Export CryoET Points", args);
		assertEquals(0, exp.code, exp::toString);
		final Path ndjson = out.resolve("Tomograms/VoxelSpacing10.000/Annotations/100-thermosome-1.0_orientedpoint.ndjson");
		assertEquals(Files.readString(ann.resolve("thermosome-1.0_orientedpoint.ndjson")), Files.readString(ndjson));
		assertTrue(Files.isRegularFile(out.resolve("Tomograms/VoxelSpacing10.000/Annotations/100-thermosome-1.0.json")));
		// the same annotation again: refused, nothing changed
		final List<Path> before = files(out);
		final LauncherHarness again = LauncherHarness.run("--headless", "--run", "Export CryoET Points", args);
		assertEquals(1, again.code, again::toString);
		assertEquals(1, again.err.lines().count(), again::toString);
		assertTrue(again.err.contains("already exists (set overwrite=true"), again.err);
		assertEquals(before, files(out));
		assertEquals(0, LauncherHarness.run("--headless", "--run", "Export CryoET Points", args + ",overwrite=true").code);
		// RELION for the ingestion
		final LauncherHarness star = LauncherHarness.run("--headless", "--run", "Export CryoET Points", args
			.replace("export", "star") + ",format=relion");
		assertEquals(0, star.code, star::toString);
		assertTrue(star.out.contains("100-thermosome-1.0_orientedpoint.star"), star.out);
	}

	@Test
	void invalidMetadataIsOneLineAndNoFile(@TempDir final Path tmp) throws Exception {
		final Path ann = run.resolve("Reconstructions/VoxelSpacing10.000/Annotations/100");
		final Path zip = tmp.resolve("r.zip");
		assertEquals(0, LauncherHarness.run("--headless", "--run", "Import CryoET Points", "input='" + ann + "',roiset='" +
			zip + "'").code);
		final Path out = tmp.resolve("out");
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Export CryoET Points", "roiset='" + zip +
			"',output='" + out + "',object_id='ribosome',annotation_method='x',authors='Ada <12>'");
		assertEquals(1, r.code, r::toString);
		assertEquals(1, r.err.lines().count(), r::toString);
		assertTrue(r.err.contains("nothing written") && r.err.contains("$.annotation_object.id") && r.err.contains(
			"$.authors[0].ORCID"), r.err);
		assertFalse(Files.exists(out));
		final LauncherHarness hostile = LauncherHarness.run("--headless", "--run", "Export CryoET Points", "roiset='" + zip +
			"',output='" + out + "',object_name='../../etc',annotation_method='x',authors='Ada'");
		assertEquals(1, hostile.code);
		assertTrue(hostile.err.contains("object_name \"../../etc\" cannot be part of a file name"), hostile.err);
		assertFalse(Files.exists(out));
	}

	@Test
	void maskThroughTheLauncher(@TempDir final Path tmp) throws Exception {
		final Path mask = run.resolve("Reconstructions/VoxelSpacing10.000/Annotations/103/membrane-1.0_segmentationmask.zarr");
		final LauncherHarness r = LauncherHarness.run("--headless", "--run", "Export CryoET Segmentation Mask", "input='" +
			mask + "',output='" + tmp + "',object_name='membrane',object_id='GO:0016020',annotation_method='painted'," +
			"authors='Ada Tester',kind=instance");
		assertEquals(0, r.code, r::toString);
		final Path dir = tmp.resolve("Reconstructions/VoxelSpacing10.000/Annotations/100");
		assertTrue(Files.isDirectory(dir.resolve("membrane-1.0_instancesegmentationmask.zarr")));
		assertTrue(Files.isRegularFile(dir.resolve("membrane-1.0_instancesegmentationmask.mrc")));
		assertTrue(Files.isRegularFile(dir.resolve("membrane-1.0.json")));
	}

	@Test
	void listShowsTheThreeCommands() {
		final LauncherHarness r = LauncherHarness.run("--list");
		for (final String label : new String[] { "Import CryoET Points", "Export CryoET Points",
			"Export CryoET Segmentation Mask" })
			assertTrue(r.out.contains(label + "  (Plugins > CryoET > " + label + ")"), r.out);
		for (final String p : new String[] { "roiset", "object_name", "object_id", "annotation_method", "method_type",
			"authors", "version", "voxel_spacing", "deposition_id", "ground_truth", "kind", "layout", "schema" })
			assertTrue(r.out.contains("    " + p + ":"), p);
	}

	@Test
	void importThroughCommandService(@TempDir final Path tmp) throws Exception {
		System.setProperty("java.awt.headless", "true");
		try (Context context = new Context(CommandService.class)) {
			final Map<String, Object> in = new HashMap<>();
			in.put("input", run.resolve("Reconstructions/VoxelSpacing10.000/Annotations/102").toFile());
			in.put("roiset", tmp.resolve("v.zip").toFile());
			final CommandModule m = context.getService(CommandService.class).run(ImportPointsCommand.class, true, in).get();
			assertFalse(m.isCanceled(), () -> m.getCancelReason());
			assertTrue(((String) m.getOutput("result")).startsWith("vesicle 102: 2 points"), (String) m.getOutput("result"));
			assertTrue(Files.isRegularFile(tmp.resolve("v.zip")));
		}
	}
}

package org.cryoet.sample;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.cryoet.image.ChunkCache;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.VolumeOpener;
import org.cryoet.image.VolumeReader;
import org.cryoet.portal.layout.Annotation;
import org.cryoet.portal.layout.PortalDiscovery;
import org.cryoet.portal.layout.Run;
import org.cryoet.portal.layout.VoxelSpacing;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.portal.validation.MetadataValidator;
import org.cryoet.portal.validation.SchemaVersion;
import org.cryoet.testutil.Sample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The sample portal run: found whole in both layouts, its metadata valid, its data what it claims. */
class SamplePortalRunTest {

	static Path dir;

	@BeforeAll
	static void write() throws Exception {
		dir = Sample.dir();
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void everyMetadataFileIsValidUnderItsLayoutsSchema(final boolean seed) throws Exception {
		final List<Path> files;
		try (Stream<Path> s = Files.walk(dir.resolve(SamplePortalRun.root(seed)))) {
			files = s.filter(p -> p.toString().endsWith(".json") && !p.toString().contains(".zarr")).collect(Collectors
				.toList());
		}
		assertEquals(seed ? 9 : 10, files.size(), files::toString);
		for (final Path f : files) {
			final MetadataValidator.Result r = MetadataValidator.validateAuto(MetadataFiles.read(f), MetadataKind
				.ofFileName(f.getFileName().toString()), f);
			assertTrue(r.valid(), f + ": " + r.problems);
			if (!f.getFileName().toString().startsWith("dataset"))
				assertEquals(seed ? SchemaVersion.V1_1_0 : SchemaVersion.V2_0_0, r.version, f + " " + r.reason);
		}
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void discoveryFindsTheWholeRun(final boolean seed) throws Exception {
		final PortalDiscovery.Result r = PortalDiscovery.discover(SamplePortalRun.runFolder(dir, seed));
		final Run run = r.datasets.get(0).runs.get(0);
		assertEquals("TS_sample", run.name);
		assertEquals(1, run.tiltSeries.size());
		assertEquals(1, run.voxelSpacings.size());
		final VoxelSpacing vs = run.voxelSpacings.get(0);
		assertEquals(13.48, vs.value, 1e-9);
		assertEquals("100", vs.tomograms.get(0).id);
		assertEquals(List.of("mrc", "zarr"), List.copyOf(vs.tomograms.get(0).volumes.keySet()));
		assertEquals(List.of("100", "101", "102", "103", "104"), vs.annotations.stream().map(a -> a.id).sorted().collect(
			Collectors.toList()));
		for (final Annotation a : vs.annotations)
			assertTrue(a.problems.isEmpty(), a.id + ": " + a.problems);
		assertTrue(run.problems.isEmpty() && vs.problems.isEmpty());
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void volumesHoldTheSampleAndMasksMarkTheVesicles(final boolean seed) throws Exception {
		final Path vs = SamplePortalRun.runFolder(dir, seed).resolve(seed ? "Tomograms/VoxelSpacing13.480"
			: "Reconstructions/VoxelSpacing13.480");
		final Path tomo = vs.resolve(seed ? "CanonicalTomogram" : "Tomograms/100");
		final VolumeOpener open = new VolumeOpener(new ChunkCache(16 << 20));
		final float[] expected = (float[]) VolumeReader.readAll(SampleData.volume().level(0), 1);
		try (MultiscaleVolume z = open.open(tomo.resolve("TS_sample.zarr"));
			MultiscaleVolume m = open.open(tomo.resolve("TS_sample.mrc")))
		{
			assertArrayEquals(expected, (float[]) VolumeReader.readAll(z.level(0), 1));
			assertArrayEquals(expected, (float[]) VolumeReader.readAll(m.level(0), 1));
			assertEquals(3, z.levels.size());
		}
		final String annotations = seed ? "Annotations/" : "Annotations/104/";
		final String stem = seed ? "104-vesicle-1.0" : "vesicle-1.0";
		try (MultiscaleVolume labels = open.open(vs.resolve(annotations + stem + "_instancesegmentationmask.zarr"));
			MultiscaleVolume ts = open.open(SamplePortalRun.runFolder(dir, seed).resolve(seed ? "TiltSeries/TS_sample.mrc"
				: "TiltSeries/100/TS_sample.mrc")))
		{
			assertTrue(labels.labelImage);
			final short[] l = (short[]) VolumeReader.readAll(labels.level(0), 1);
			final double[] c = SampleData.particles()[16];
			final int[] s = SampleData.SHAPE;
			assertEquals(1, l[(int) ((c[0] * s[1] + c[1]) * s[2] + c[2])]);
			assertTrue(ts.imageStack, "the tilt series MRC must read as an image stack");
			assertEquals(SamplePortalRun.TILTS, ts.level(0).shape()[0]);
		}
	}
}

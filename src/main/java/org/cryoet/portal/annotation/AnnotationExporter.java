package org.cryoet.portal.annotation;

import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cryoet.image.ArrayVolume;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.portal.metadata.AnnotationFormat;
import org.cryoet.portal.metadata.AnnotationMetadata;
import org.cryoet.portal.metadata.AnnotationMetadataBuilder;
import org.cryoet.portal.metadata.AnnotationShape;
import org.cryoet.portal.metadata.AuthorList;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.portal.validation.MetadataValidator;
import org.cryoet.portal.validation.Problem;
import org.cryoet.portal.validation.SchemaVersion;

/**
 * Writes a new annotation in a portal layout: its data files and its
 * metadata JSON, the metadata validated before anything is written, and all
 * files appearing together or not at all.
 */
public final class AnnotationExporter {

	/** What was written. */
	public static final class Result {

		public final String id;
		public final Path metadata;
		public final List<Path> files;
		public final AnnotationMetadata document;

		Result(final String id, final Path metadata, final List<Path> files, final AnnotationMetadata document) {
			this.id = id;
			this.metadata = metadata;
			this.files = Collections.unmodifiableList(files);
			this.document = document;
		}

		public String describe() {
			return "wrote annotation " + id + ": " + metadata + " and " + files.size() + " data file" + (files.size() == 1 ? ""
				: "s") + " (" + String.join(", ", files.stream().map(f -> f.getFileName().toString()).toArray(String[]::new)) +
				")";
		}
	}

	private AnnotationExporter() {}

	/** The shape a file of these points has: instance ids make InstanceSegmentation, matrices OrientedPoint. */
	public static AnnotationShape shapeOf(final PointTable points) {
		final int[] c = points.kindCounts();
		if (c[PointKind.INSTANCE_POINT.ordinal()] > 0) return AnnotationShape.InstanceSegmentation;
		if (c[PointKind.ORIENTED_POINT.ordinal()] > 0) return AnnotationShape.OrientedPoint;
		return AnnotationShape.Point;
	}

	/** @param points locations in voxels of {@code settings.voxelSpacing} */
	public static Result exportPoints(final ExportSettings settings, final PointTable points, final PointFormat format)
		throws IOException
	{
		if (points.size() == 0) throw new IllegalArgumentException("no points to export");
		final String cannot = format.cannotCarry(points);
		if (cannot != null) throw new IllegalArgumentException(cannot);
		final ExportTarget target = ExportTarget.resolve(settings);
		final AnnotationShape shape = shapeOf(points);
		final Path data = target.dataFile(shape, format.extension);
		final int count;
		if (shape == AnnotationShape.InstanceSegmentation) {
			final Set<Long> ids = new HashSet<>();
			for (int i = 0; i < points.size(); i++)
				if (points.kind(i) == PointKind.INSTANCE_POINT) ids.add(points.instanceId(i));
			count = ids.size();
		}
		else count = points.size();
		final AnnotationMetadata md = metadata(settings, target, count).file(format.format, target.key(data), shape, true)
			.build();
		final FileGroup group = new FileGroup().add(data, tmp -> {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				format.write(points, settings.voxelSpacing, settings.objectName, target.runName, out);
			}
		});
		return write(settings, target, md, group, Collections.singletonList(data));
	}

	/**
	 * A segmentation mask: {@code instance} false writes int8 0/1
	 * ({@code _segmentationmask}), true uint16 labels ({@code _instancesegmentationmask}),
	 * each as OME-Zarr and MRC.
	 * @param mask level 0 of the mask on the annotation's voxel spacing (z, y, x), any integer type
	 */
	public static Result exportMask(final ExportSettings settings, final MultiscaleVolume mask, final boolean instance,
		final VolumeWriter zarr, final VolumeWriter mrc) throws IOException
	{
		final ExportTarget target = ExportTarget.resolve(settings);
		final MaskVolumes.Mask m = instance ? MaskVolumes.labels(mask) : MaskVolumes.binary(mask);
		final double s = settings.voxelSpacing;
		final MultiscaleVolume v = new MultiscaleVolume(target.objectPart, Collections.singletonList(new ArrayVolume(
			m.type, m.shape, m.data, target.objectPart)), Collections.singletonList(new double[] { s, s, s }), Collections
				.singletonList(new double[3]), instance, Collections.emptyList());
		final AnnotationShape shape = instance ? AnnotationShape.InstanceSegmentationMask : AnnotationShape.SegmentationMask;
		final Path zarrFile = target.dataFile(shape, ".zarr"), mrcFile = target.dataFile(shape, ".mrc");
		final AnnotationMetadata md = metadata(settings, target, m.objects).file(AnnotationFormat.MRC, target.key(mrcFile),
			shape, false).file(AnnotationFormat.ZARR, target.key(zarrFile), shape, true).build();
		final FileGroup group = new FileGroup().add(mrcFile, tmp -> mrc.write(v, tmp)).add(zarrFile, tmp -> zarr.write(v,
			tmp));
		final List<Path> files = new ArrayList<>();
		files.add(mrcFile);
		files.add(zarrFile);
		return write(settings, target, md, group, files);
	}

	private static AnnotationMetadataBuilder metadata(final ExportSettings s, final ExportTarget t, final int count) {
		final boolean v2 = s.schema == SchemaVersion.V2_0_0;
		return new AnnotationMetadataBuilder().schema2(v2).object(s.objectName == null ? null : s.objectName.trim(),
			s.objectId).method(s.annotationMethod, s.methodType).authors(AuthorList.parse(s.authors)).software(s.software)
			.version(s.version).depositionId(s.depositionId).groundTruth(s.groundTruth).objectCount(count).ingestId(t
				.ingestId()).alignmentMetadataPath(v2 ? t.alignmentMetadataPath() : null);
	}

	private static Result write(final ExportSettings s, final ExportTarget target, final AnnotationMetadata md,
		final FileGroup group, final List<Path> data) throws IOException
	{
		final Path meta = target.metadataFile();
		final JsonObject json = md.json();
		final List<Problem> problems = MetadataValidator.validate(json, MetadataKind.ANNOTATION, s.schema).problems;
		if (!problems.isEmpty()) throw new InvalidMetadataException(meta.toString(), s.schema.label(), problems);
		final byte[] text = md.toJsonText().getBytes(StandardCharsets.UTF_8);
		group.add(meta, tmp -> Files.write(tmp, text));
		group.commit(s.overwrite);
		return new Result(target.id, meta, data, md);
	}
}

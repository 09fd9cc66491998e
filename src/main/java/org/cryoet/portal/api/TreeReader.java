package org.cryoet.portal.api;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the API's nested JSON into the model, continuing every nested list
 * the server cut at 100 by its cursor (one more request per 100 items, and
 * only where a list is that long).
 */
final class TreeReader {

	private final GraphQLHttp http;

	TreeReader(final GraphQLHttp http) {
		this.http = http;
	}

	/** All nodes of a connection, following {@code pageInfo} past the server's cap. */
	List<JsonObject> nodes(final JsonObject parent, final String field, final String root, final String pageFragment)
		throws PortalApiException
	{
		final List<JsonObject> out = new ArrayList<>();
		JsonObject conn = Json.object(parent, field);
		final int parentId = Json.integer(parent, "id", -1);
		while (conn != null) {
			for (final JsonElement e : Json.array(conn, "edges"))
				out.add(Json.object(e.getAsJsonObject(), "node"));
			final JsonObject page = Json.object(conn, "pageInfo");
			if (!Boolean.TRUE.equals(Json.bool(page, "hasNextPage"))) break;
			final String query = Queries.continuation(root, field, pageFragment);
			final JsonObject vars = new JsonObject();
			vars.addProperty("id", parentId);
			vars.addProperty("after", Json.string(page, "endCursor"));
			final JsonObject data = http.query(Queries.operationName(query), query, vars);
			final com.google.gson.JsonArray rows = Json.array(data, root);
			conn = rows.size() == 0 ? null : Json.object(rows.get(0).getAsJsonObject(), field);
		}
		return out;
	}

	PortalDataset dataset(final JsonObject d, final List<PortalRun> runs) {
		final int runCount = d.has("runsAggregate") ? Json.count(d, "runsAggregate") : runs.size();
		return new PortalDataset(Json.integer(d, "id", -1), Json.string(d, "title"), Json.string(d, "organismName"),
			runCount, Json.string(d, "keyPhotoThumbnailUrl"), RemoteLocation.of(Json.string(d, "s3Prefix"), Json.string(d,
				"httpsPrefix")), runs);
	}

	/** A run with its whole tree (RunTreeFields). */
	PortalRun runTree(final JsonObject r) throws PortalApiException {
		final List<PortalAnnotation> annotations = new ArrayList<>();
		for (final JsonObject a : nodes(r, "annotations", "runs", "AnnotationPage"))
			annotations.add(annotation(a));
		final List<PortalVoxelSpacing> spacings = new ArrayList<>();
		final List<JsonObject> vsNodes = nodes(r, "tomogramVoxelSpacings", "runs", "VoxelSpacingPage");
		for (final JsonObject v : vsNodes) {
			final int id = Json.integer(v, "id", -1);
			final List<PortalTomogram> tomograms = new ArrayList<>();
			for (final JsonObject t : nodes(v, "tomograms", "tomogramVoxelSpacings", "TomogramPage"))
				tomograms.add(tomogram(t));
			final List<PortalAnnotation> here = new ArrayList<>();
			for (final PortalAnnotation a : annotations)
				if (Integer.valueOf(id).equals(a.voxelSpacingId()) || a.voxelSpacingId() == null && vsNodes.size() == 1)
					here.add(a);
			here.sort(Comparator.comparing(a -> String.valueOf(a.metadata == null ? null : a.metadata.preferred())));
			tomograms.sort(Comparator.comparing(t -> String.valueOf(t.folder() == null ? null : t.folder().name())));
			spacings.add(new PortalVoxelSpacing(id, Json.number(v, "voxelSpacing"), RemoteLocation.of(Json.string(v,
				"s3Prefix"), Json.string(v, "httpsPrefix")), tomograms, here));
		}
		spacings.sort(Comparator.comparing(v -> v.location == null ? String.valueOf(v.value) : v.location.name()));
		placeUnplaced(annotations, spacings);
		final List<PortalTiltSeries> ts = new ArrayList<>();
		for (final JsonObject t : nodes(r, "tiltseries", "runs", "TiltSeriesPage"))
			ts.add(new PortalTiltSeries(Json.integer(t, "id", -1), Json.number(t, "pixelSpacing"), RemoteLocation.of(Json
				.string(t, "s3OmezarrDir"), Json.string(t, "httpsOmezarrDir")), RemoteLocation.of(Json.string(t,
					"s3MrcFile"), Json.string(t, "httpsMrcFile")), RemoteLocation.of(Json.string(t, "s3AngleList"), Json
						.string(t, "httpsAngleList"))));
		ts.sort(Comparator.comparing(t -> String.valueOf(t.folder() == null ? null : t.folder().name())));
		final List<PortalAlignment> al = new ArrayList<>();
		for (final JsonObject a : nodes(r, "alignments", "runs", "AlignmentPage"))
			al.add(new PortalAlignment(Json.integer(a, "id", -1), RemoteLocation.of(Json.string(a, "s3AlignmentMetadata"),
				Json.string(a, "httpsAlignmentMetadata"))));
		al.sort(Comparator.comparing(a -> String.valueOf(a.metadata == null ? null : a.metadata.parent().name())));
		return new PortalRun(Json.integer(r, "id", -1), Json.string(r, "name"), Json.integer(r, "datasetId", -1),
			RemoteLocation.of(Json.string(r, "s3Prefix"), Json.string(r, "httpsPrefix")), spacings, ts, al,
			annotations.size());
	}

	/**
	 * An annotation whose files name no voxel spacing of the run (or that has no
	 * files) still belongs to the run: it goes to the first voxel spacing, not away.
	 */
	private static void placeUnplaced(final List<PortalAnnotation> annotations, final List<PortalVoxelSpacing> spacings) {
		if (spacings.isEmpty()) return;
		final List<PortalAnnotation> lost = new ArrayList<>();
		for (final PortalAnnotation a : annotations)
			if (spacings.stream().noneMatch(v -> v.annotations.contains(a))) lost.add(a);
		if (lost.isEmpty()) return;
		final PortalVoxelSpacing first = spacings.get(0);
		final List<PortalAnnotation> all = new ArrayList<>(first.annotations);
		all.addAll(lost);
		spacings.set(0, new PortalVoxelSpacing(first.id, first.value, first.location, first.tomograms, all));
	}

	/** A run of a listing: tomograms grouped by voxel spacing, the annotation count. */
	PortalRun runListing(final JsonObject r) throws PortalApiException {
		final Map<Integer, List<PortalTomogram>> byVs = new LinkedHashMap<>();
		final Map<Integer, Double> values = new LinkedHashMap<>();
		for (final JsonObject t : nodes(r, "tomograms", "runs", "TomogramPage")) {
			final PortalTomogram tomo = tomogram(t);
			final int vs = tomo.voxelSpacingId == null ? -1 : tomo.voxelSpacingId;
			byVs.computeIfAbsent(vs, k -> new ArrayList<>()).add(tomo);
			values.putIfAbsent(vs, tomo.voxelSpacing);
		}
		final List<PortalVoxelSpacing> spacings = new ArrayList<>();
		for (final Map.Entry<Integer, List<PortalTomogram>> e : byVs.entrySet())
			spacings.add(new PortalVoxelSpacing(e.getKey(), values.get(e.getKey()), null, e.getValue(), new ArrayList<>()));
		spacings.sort(Comparator.comparingDouble(v -> v.value));
		return new PortalRun(Json.integer(r, "id", -1), Json.string(r, "name"), Json.integer(r, "datasetId", -1),
			RemoteLocation.of(Json.string(r, "s3Prefix"), Json.string(r, "httpsPrefix")), spacings, new ArrayList<>(),
			new ArrayList<>(), Json.count(r, "annotationsAggregate"));
	}

	static PortalTomogram tomogram(final JsonObject t) {
		final Integer x = Json.integer(t, "sizeX"), y = Json.integer(t, "sizeY"), z = Json.integer(t, "sizeZ");
		return new PortalTomogram(Json.integer(t, "id", -1), Json.string(t, "name"), Json.number(t, "voxelSpacing"), Json
			.integer(t, "tomogramVoxelSpacingId"), Json.integer(t, "alignmentId"), Json.string(t, "processing"), Boolean.TRUE
				.equals(Json.bool(t, "isVisualizationDefault")), x == null || y == null || z == null ? null : new int[] { x,
					y, z }, RemoteLocation.of(Json.string(t, "s3OmezarrDir"), Json.string(t, "httpsOmezarrDir")), RemoteLocation
						.of(Json.string(t, "s3MrcFile"), Json.string(t, "httpsMrcFile")), Json.string(t,
							"keyPhotoThumbnailUrl"));
	}

	private PortalAnnotation annotation(final JsonObject a) throws PortalApiException {
		final List<PortalAnnotationFile> files = new ArrayList<>();
		for (final JsonObject s : nodes(a, "annotationShapes", "annotations", "ShapePage")) {
			final String shape = Json.string(s, "shapeType");
			for (final JsonObject f : nodes(s, "annotationFiles", "annotationShapes", "FilePage"))
				files.add(new PortalAnnotationFile(Json.integer(f, "id", -1), shape, Json.string(f, "format"), RemoteLocation
					.of(Json.string(f, "s3Path"), Json.string(f, "httpsPath")), Json.integer(f, "tomogramVoxelSpacingId"), Json
						.integer(f, "alignmentId"), Boolean.TRUE.equals(Json.bool(f, "isVisualizationDefault"))));
		}
		files.sort(Comparator.comparing(f -> String.valueOf(f.location == null ? null : f.location.preferred())));
		return new PortalAnnotation(Json.integer(a, "id", -1), Json.string(a, "objectName"), Json.string(a, "objectId"),
			Json.string(a, "methodType"), Json.bool(a, "groundTruthStatus"), RemoteLocation.of(Json.string(a,
				"s3MetadataPath"), Json.string(a, "httpsMetadataPath")), files);
	}
}

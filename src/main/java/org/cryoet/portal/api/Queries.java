package org.cryoet.portal.api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GraphQL documents the client sends. Nested lists always ask for
 * {@code first: 100} (the server's cap) in id order with their
 * {@code pageInfo}, so that a longer list is continued by cursor; root lists
 * always page with {@code limitOffset} and {@code orderBy} (the server has no
 * default order). {@code neuroglancerConfig} (kilobytes per tomogram) is never
 * asked for.
 */
final class Queries {

	private Queries() {}

	/** The server's cap on a nested list. */
	static final int NESTED_PAGE = 100;

	private static final String PAGE_INFO = "pageInfo { hasNextPage endCursor }";
	private static final String NESTED = "(first: 100, orderBy: [{id: asc}])";

	private static final Map<String, String> FRAGMENTS = new LinkedHashMap<>();

	static {
		fragment("DatasetCard on Dataset", "id title organismName keyPhotoThumbnailUrl s3Prefix httpsPrefix " +
			"runsAggregate { aggregate { count } }");
		fragment("TomogramFields on Tomogram", "id name runId tomogramVoxelSpacingId alignmentId voxelSpacing " +
			"sizeX sizeY sizeZ processing isVisualizationDefault s3OmezarrDir httpsOmezarrDir s3MrcFile httpsMrcFile " +
			"keyPhotoThumbnailUrl");
		fragment("TomogramPage on TomogramConnection", PAGE_INFO + " edges { node { ...TomogramFields } }");
		fragment("VoxelSpacingFields on TomogramVoxelSpacing", "id voxelSpacing s3Prefix httpsPrefix tomograms" +
			NESTED + " { ...TomogramPage }");
		fragment("VoxelSpacingPage on TomogramVoxelSpacingConnection", PAGE_INFO +
			" edges { node { ...VoxelSpacingFields } }");
		fragment("FileFields on AnnotationFile", "id format s3Path httpsPath isVisualizationDefault alignmentId " +
			"tomogramVoxelSpacingId");
		fragment("FilePage on AnnotationFileConnection", PAGE_INFO + " edges { node { ...FileFields } }");
		fragment("ShapeFields on AnnotationShape", "id shapeType annotationFiles" + NESTED + " { ...FilePage }");
		fragment("ShapePage on AnnotationShapeConnection", PAGE_INFO + " edges { node { ...ShapeFields } }");
		fragment("AnnotationFields on Annotation", "id objectName objectId methodType groundTruthStatus " +
			"s3MetadataPath httpsMetadataPath annotationShapes" + NESTED + " { ...ShapePage }");
		fragment("AnnotationPage on AnnotationConnection", PAGE_INFO + " edges { node { ...AnnotationFields } }");
		fragment("TiltSeriesFields on Tiltseries", "id pixelSpacing s3OmezarrDir httpsOmezarrDir s3MrcFile " +
			"httpsMrcFile s3AngleList httpsAngleList");
		fragment("TiltSeriesPage on TiltseriesConnection", PAGE_INFO + " edges { node { ...TiltSeriesFields } }");
		fragment("AlignmentFields on Alignment", "id s3AlignmentMetadata httpsAlignmentMetadata");
		fragment("AlignmentPage on AlignmentConnection", PAGE_INFO + " edges { node { ...AlignmentFields } }");
		fragment("RunTreeFields on Run", "id name datasetId s3Prefix httpsPrefix " +
			"tomogramVoxelSpacings" + NESTED + " { ...VoxelSpacingPage } " +
			"annotations" + NESTED + " { ...AnnotationPage } " +
			"tiltseries" + NESTED + " { ...TiltSeriesPage } " +
			"alignments" + NESTED + " { ...AlignmentPage }");
		fragment("DatasetFields on Dataset", "id title organismName s3Prefix httpsPrefix");
	}

	private static void fragment(final String head, final String body) {
		FRAGMENTS.put(head.substring(0, head.indexOf(' ')), "fragment " + head + " { " + body + " }");
	}

	/** A document with the fragments it uses (and only those: GraphQL refuses unused ones). */
	static String document(final String operation) {
		final Set<String> used = new LinkedHashSet<>();
		collect(operation, used);
		final StringBuilder sb = new StringBuilder(operation);
		for (final String f : used)
			sb.append('\n').append(FRAGMENTS.get(f));
		return sb.toString();
	}

	private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.(\\w+)");

	private static void collect(final String text, final Set<String> used) {
		final Matcher m = SPREAD.matcher(text);
		while (m.find())
			if (FRAGMENTS.containsKey(m.group(1)) && used.add(m.group(1))) collect(FRAGMENTS.get(m.group(1)), used);
	}

	/** One run's whole tree in one round trip, with its dataset. */
	static final String RUN_TREE = document("query RunTree($id: Int!) { runs(where: {id: {_eq: $id}}) { " +
		"...RunTreeFields dataset { ...DatasetFields } } }");

	/** A dataset alone (its fields, no runs). */
	static final String DATASET = document("query Dataset($id: Int!) { datasets(where: {id: {_eq: $id}}) { " +
		"...DatasetFields } }");

	/** A page of a dataset's runs, each with its whole tree (Browse). */
	static final String DATASET_TREE = document("query DatasetTree($id: Int!, $limit: Int!, $offset: Int!) { " +
		"datasets(where: {id: {_eq: $id}}) { ...DatasetFields } " +
		"runs(where: {datasetId: {_eq: $id}}, orderBy: [{name: asc}, {id: asc}], " +
		"limitOffset: {limit: $limit, offset: $offset}) { ...RunTreeFields } " +
		"runsAggregate(where: {datasetId: {_eq: $id}}) { aggregate { count } } }");

	/** A page of a dataset's runs with their tomograms (the browser's run list). */
	static final String DATASET_RUNS = document("query DatasetRuns($id: Int!, $limit: Int!, $offset: Int!) { " +
		"runs(where: {datasetId: {_eq: $id}}, orderBy: [{name: asc}, {id: asc}], " +
		"limitOffset: {limit: $limit, offset: $offset}) { id name datasetId s3Prefix httpsPrefix " +
		"tomograms" + NESTED + " { ...TomogramPage } annotationsAggregate { aggregate { count } } } " +
		"runsAggregate(where: {datasetId: {_eq: $id}}) { aggregate { count } } }");

	/** The values of the browser's organism and object filters, with their counts. */
	static final String FACETS = "query Facets { " +
		"organisms: datasetsAggregate { aggregate { count groupBy { organismName } } } " +
		"objects: annotationsAggregate { aggregate { count groupBy { objectName } } } }";

	/** One page of a nested list past the first 100: {@code root(id) { field(after) { ...page } }}. */
	static String continuation(final String root, final String field, final String pageFragment) {
		final String op = "More_" + root + "_" + field;
		return document("query " + op + "($id: Int!, $after: String) { " + root + "(where: {id: {_eq: $id}}) { " +
			field + "(first: 100, after: $after, orderBy: [{id: asc}]) { ..." + pageFragment + " } } }");
	}

	static String operationName(final String document) {
		final Matcher m = Pattern.compile("^query (\\w+)").matcher(document);
		return m.find() ? m.group(1) : "query";
	}

	/** Search: one aliased root list per field, the caller's where clauses as variables. */
	static String search(final Iterable<String> aliases) {
		final StringBuilder vars = new StringBuilder(), body = new StringBuilder();
		for (final String a : aliases) {
			vars.append(vars.length() == 0 ? "" : ", ").append("$").append(a).append(": DatasetWhereClause");
			body.append(a).append(": datasets(where: $").append(a).append(
				", orderBy: [{id: desc}], limitOffset: {limit: $limit, offset: 0}) { ...DatasetCard } ");
		}
		return document("query SearchDatasets(" + vars + ", $limit: Int!) { " + body + "}");
	}
}

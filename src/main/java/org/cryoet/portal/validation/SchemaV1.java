package org.cryoet.portal.validation;

import org.cryoet.portal.metadata.AnnotationFormat;
import org.cryoet.portal.metadata.AnnotationShape;

import static org.cryoet.portal.validation.Rules.anything;
import static org.cryoet.portal.validation.Rules.bool;
import static org.cryoet.portal.validation.Rules.containedPath;
import static org.cryoet.portal.validation.Rules.enumOrTemplate;
import static org.cryoet.portal.validation.Rules.floatOrTemplate;
import static org.cryoet.portal.validation.Rules.intOrTemplate;
import static org.cryoet.portal.validation.Rules.integer;
import static org.cryoet.portal.validation.Rules.listOf;
import static org.cryoet.portal.validation.Rules.nullable;
import static org.cryoet.portal.validation.Rules.number;
import static org.cryoet.portal.validation.Rules.oneOf;
import static org.cryoet.portal.validation.Rules.pattern;
import static org.cryoet.portal.validation.Rules.string;


/**
 * The portal's metadata schema 1.1.0 (LinkML; classes closed to unknown
 * fields, as its generated models are), plus the keys the ingestion of that
 * era wrote into the sidecar files: {@code deposition_id} and
 * {@code last_updated_at} everywhere, the output {@code files} of
 * annotations, and the file and size keys of tomograms and tilt series.
 * Schema 1.1.0 has no run or alignment class: run metadata is
 * {@code run_name} plus those two keys, and alignment metadata is refused.
 */
final class SchemaV1 implements Schema {

	static final SchemaV1 INSTANCE = new SchemaV1();

	private SchemaV1() {}

	private static final String DOI = "(doi:)?10\\.[0-9]{4,9}/[-._;()/:a-zA-Z0-9]+";
	private static final String PUBLICATION = "(EMPIAR-[0-9]{5}|EMD-[0-9]{4,5}|" + DOI + "|pdb[0-9a-zA-Z]{4,8})";
	private static final String ENTRY = "(EMPIAR-[0-9]{5}|EMD-[0-9]{4,5}|pdb[0-9a-zA-Z]{4,8})";

	static Rule author() {
		return new ObjectRule("Author").req("name", string()).optNull("ORCID", pattern(SchemaV2.ORCID, "an ORCID " +
			"(0000-0000-0000-000X)")).optNull("email", string()).optNull("affiliation_name", string()).optNull(
				"affiliation_address", string()).optNull("affiliation_identifier", string()).optNull(
					"corresponding_author_status", bool()).optNull("primary_author_status", bool());
	}

	private static Rule size() {
		final double inf = Double.POSITIVE_INFINITY;
		return new ObjectRule("TomogramSize").req("x", integer(0, inf)).req("y", integer(0, inf)).req("z", integer(0, inf));
	}

	private static ObjectRule sidecar(final String name) {
		return new ObjectRule(name).opt("deposition_id", integer()).opt("last_updated_at", number());
	}

	@Override
	public ObjectRule annotation() {
		final Rule object = new ObjectRule("AnnotationObject").req("id", pattern("^GO:[0-9]{7}$", "a GO id (GO:0000000)"))
			.req("name", string()).optNull("description", string()).optNull("state", string());
		final Rule confidence = new ObjectRule("AnnotationConfidence").optNull("precision", number(0, 100)).optNull(
			"recall", number(0, 100)).optNull("ground_truth_used", string());
		final Rule outputFile = new ObjectRule("AnnotationFile").req("format", string()).req("path", containedPath()).req("shape",
			oneOf(AnnotationShape.names(AnnotationShape.SegmentationMask, AnnotationShape.OrientedPoint,
				AnnotationShape.Point, AnnotationShape.InstanceSegmentation, AnnotationShape.InstanceSegmentationMask,
				AnnotationShape.TriangularMesh))).optNull("is_visualization_default", bool());
		final Rule link = new ObjectRule("AnnotationMethodLinks").req("link", string()).req("link_type", oneOf(
			"documentation", "models_weights", "other", "source_code", "website")).optNull("name", string()).optNull(
				"custom_name", string());
		return sidecar("Annotation").req("annotation_method", string()).req("annotation_object", object).req("method_type",
			oneOf("manual", "automated", "hybrid")).req("dates", Schema.dates()).req("authors", listOf(author())).optNull(
				"annotation_publications", pattern("^" + PUBLICATION + "(\\s*,\\s*" + PUBLICATION + ")*$",
					"a comma-separated list of EMPIAR-, EMD-, DOI or pdb references")).optNull("annotation_software",
						string()).optNull("confidence", confidence).optNull("files", listOf(outputFile)).optNull(
							"ground_truth_status", bool()).optNull("is_curator_recommended", bool()).optNull("object_count",
								integer()).optNull("version", number(0, Double.POSITIVE_INFINITY)).optNull("method_links", listOf(
									link));
	}

	@Override
	public ObjectRule tomogram() {
		final double inf = Double.POSITIVE_INFINITY;
		return sidecar("Tomogram").opt("voxel_spacing", nullable(floatOrTemplate(0.001, inf))).opt(
			"fiducial_alignment_status", nullable(enumOrTemplate("FIDUCIAL", "NON_FIDUCIAL"))).optNull("ctf_corrected",
				bool()).optNull("align_software", string()).opt("reconstruction_method", nullable(enumOrTemplate("SART",
					"Fourier Space", "SIRT", "WBP", "Unknown"))).req("reconstruction_software", string()).req("processing",
						oneOf("denoised", "filtered", "raw")).optNull("processing_software", string()).req("tomogram_version",
							number(0, inf)).optNull("affine_transformation_matrix", listOf(anything())).optNull("size", size()).req(
								"offset", new ObjectRule("TomogramOffset").req("x", integer()).req("y", integer()).req("z", integer()))
			.req("authors", listOf(author()))
			// written by the ingestion
			.optNull("omezarr_dir", string()).optNull("mrc_files", listOf(string())).optNull("run_name", string()).optNull(
				"scales", listOf(size())).optNull("key_photo", SchemaV2.picturePath()).optNull("neuroglancer_config_path",
					string()).optNull("is_visualization_default", bool()).optNull("dates", Schema.dates());
	}

	@Override
	public ObjectRule tiltSeries() {
		final double inf = Double.POSITIVE_INFINITY;
		final Rule camera = new ObjectRule("CameraDetails").req("manufacturer", string()).req("model", string()).opt(
			"acquire_mode", nullable(enumOrTemplate("counting", "superresolution", "linear", "cds")));
		final Rule microscope = new ObjectRule("MicroscopeDetails").opt("manufacturer", nullable(enumOrTemplate("FEI",
			"TFS", "JEOL"))).req("model", string()).optNull("additional_info", string());
		final Rule optics = new ObjectRule("MicroscopeOpticalSetup").req("energy_filter", string()).optNull("phase_plate",
			string()).optNull("image_corrector", string());
		final Rule range = new ObjectRule("TiltRange").opt("min", nullable(floatOrTemplate(-90, 90))).opt("max", nullable(
			floatOrTemplate(-90, 90)));
		return sidecar("TiltSeries").req("acceleration_voltage", number(20000, inf)).opt("aligned_tiltseries_binning",
			nullable(floatOrTemplate(0, inf))).opt("binning_from_frames", nullable(floatOrTemplate(0, inf))).req("camera",
				camera).req("data_acquisition_software", string()).optNull("frames_count", integer()).req("is_aligned", bool())
			.req("microscope", microscope).req("microscope_optical_setup", optics).optNull("related_empiar_entry", pattern(
				"^EMPIAR-[0-9]+$", "an EMPIAR id")).opt("spherical_aberration_constant", nullable(floatOrTemplate(0, inf)))
			.optNull("tilt_alignment_software", string()).opt("tilt_axis", nullable(floatOrTemplate(-360, 360))).req(
				"tilt_range", range).opt("tilt_series_quality", nullable(intOrTemplate(1, 5))).opt("tilt_step", nullable(
					floatOrTemplate(0, 90))).req("tilting_scheme", string()).opt("total_flux", nullable(floatOrTemplate(0, inf)))
			.opt("pixel_spacing", nullable(floatOrTemplate(0.001, inf)))
			// written by the ingestion
			.optNull("omezarr_dir", string()).optNull("mrc_files", listOf(string())).optNull("run_name", string()).optNull(
				"scales", listOf(size())).optNull("size", size());
	}

	@Override
	public ObjectRule dataset() {
		final Rule organism = new ObjectRule("OrganismDetails").req("name", string()).optNull("taxonomy_id", integer(1,
			Double.POSITIVE_INFINITY));
		final Rule tissue = new ObjectRule("TissueDetails").req("name", string()).optNull("id", pattern("^BTO:[0-9]{7}$",
			"a BTO id"));
		final Rule cellType = new ObjectRule("CellType").req("name", string()).optNull("id", pattern("^CL:[0-9]{7}$",
			"a CL id"));
		final Rule strain = new ObjectRule("CellStrain").req("name", string()).optNull("id", pattern(
			"(WBStrain[0-9]{8}$)|(^[a-zA-Z]+:[0-9]+$)", "a WBStrain or ontology id"));
		final Rule component = new ObjectRule("CellComponent").req("name", string()).optNull("id", pattern("^GO:[0-9]{7}$",
			"a GO id"));
		final Rule funding = new ObjectRule("FundingDetails").optNull("funding_agency_name", string()).optNull("grant_id",
			string());
		final Rule refs = new ObjectRule("CrossReferences").optNull("publications", pattern("^" + DOI + "(\\s*,\\s*" + DOI +
			")*$", "a comma-separated list of DOIs")).optNull("related_database_entries", pattern("^" + ENTRY +
				"(\\s*,\\s*" + ENTRY + ")*$", "a comma-separated list of EMPIAR-, EMD- or pdb ids")).optNull(
					"related_database_links", string()).optNull("dataset_citations", string());
		return sidecar("Dataset").req("dataset_identifier", integer()).req("dataset_title", string()).req(
			"dataset_description", string()).req("dates", Schema.dates()).req("authors", listOf(author())).optNull("funding",
				listOf(funding)).optNull("cross_references", refs).req("sample_type", oneOf("cell", "tissue", "organism",
					"organelle", "virus", "in_vitro", "in_silico", "other")).optNull("sample_preparation", string()).optNull(
						"grid_preparation", string()).optNull("other_setup", string()).optNull("organism", organism).optNull(
							"tissue", tissue).optNull("cell_type", cellType).optNull("cell_strain", strain).optNull(
								"cell_component", component)
			// written by the ingestion
			.optNull("key_photos", SchemaV2.picturePath());
	}

	@Override
	public ObjectRule run() {
		return sidecar("run metadata").optNull("run_name", string());
	}

	@Override
	public ObjectRule alignment() {
		return null;
	}
}

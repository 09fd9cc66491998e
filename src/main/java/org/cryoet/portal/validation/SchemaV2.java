package org.cryoet.portal.validation;

import org.cryoet.portal.metadata.AnnotationFormat;
import org.cryoet.portal.metadata.AnnotationShape;

import static org.cryoet.portal.validation.Rules.anyOf;
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
 * The portal's metadata schema 2.0.0 for the JSON sidecar files, as its JSON
 * Schema ({@code metadata_files.schema.json}) states it, with one deliberate
 * difference: what the portal's own ingestion writes is accepted
 * ({@code "format": "ndjson"} and {@code "saber"}, the shapes
 * {@code InstanceSegmentationMask} and {@code TriangularMesh}, and
 * {@code deposition_id}/{@code last_updated_at} in run metadata).
 */
final class SchemaV2 implements Schema {

	static final SchemaV2 INSTANCE = new SchemaV2();

	private SchemaV2() {}

	static final String OBJECT_ID = "(^GO:[0-9]{7}$)|(^UniProtKB:(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})$)" +
		"|(^UBERON:[0-9]{7}$)|(^CHEBI:[0-9]+$)|(^CDPO:[0-9]{7}$)|(^CL:[0-9]{7}$)|(^PDB-[0-9a-zA-Z]{4,8}$)";
	static final String OBJECT_ID_WHAT = "a GO, UniProtKB, UBERON, CHEBI, CDPO, CL or PDB- identifier";
	static final String ORCID = "[0-9]{4}-[0-9]{4}-[0-9]{4}-[0-9]{3}[0-9X]$";
	private static final String DOI = "(doi:)?10\\.[0-9]{4,9}/[-._;()/:a-zA-Z0-9]+";
	private static final String PUBLICATION = "(EMPIAR-[0-9]{5}|EMD-[0-9]{4,5}|" + DOI + "|PDB-[0-9a-zA-Z]{4,8})";
	private static final String ENTRY = "(EMPIAR-[0-9]{5}|EMD-[0-9]{4,5}|PDB-[0-9a-zA-Z]{4,8})";

	static Rule author() {
		return new ObjectRule("Author").req("name", string()).optNull("ORCID", pattern(ORCID, "an ORCID " +
			"(0000-0000-0000-000X)")).optNull("affiliation_address", string()).optNull("affiliation_identifier", string())
			.optNull("affiliation_name", string()).optNull("corresponding_author_status", bool()).optNull("email", string())
			.optNull("kaggle_id", string()).optNull("primary_author_status", bool());
	}

	static Rule size(final String name) {
		return new ObjectRule(name).req("x", integer(0, Double.POSITIVE_INFINITY)).req("y", integer(0,
			Double.POSITIVE_INFINITY)).req("z", integer(0, Double.POSITIVE_INFINITY));
	}

	static Rule crossReferences() {
		return new ObjectRule("CrossReferences").optNull("dataset_citations", string()).optNull("publications", pattern(
			"^" + DOI + "(\\s*,\\s*" + DOI + ")*$", "a comma-separated list of DOIs")).optNull("related_database_entries",
				pattern("^" + ENTRY + "(\\s*,\\s*" + ENTRY + ")*$", "a comma-separated list of EMPIAR-, EMD- or PDB- ids"))
			.optNull("related_database_links", string());
	}

	static Rule picturePath() {
		return new ObjectRule("MetadataPicturePath").optNull("snapshot", string()).optNull("thumbnail", string());
	}

	/** Every sidecar carries these two, added by the ingestion. */
	private static ObjectRule sidecar(final String name) {
		return new ObjectRule(name).req("deposition_id", integer()).req("last_updated_at", number());
	}

	@Override
	public ObjectRule annotation() {
		final Rule file = new ObjectRule("AnnotationFileMetadata").req("format", oneOf(AnnotationFormat.jsonNames(
			AnnotationFormat.values()))).req("path", containedPath()).req("shape", oneOf(
				AnnotationShape.names(AnnotationShape.values()))).req("is_visualization_default", bool());
		final Rule object = new ObjectRule("AnnotationObject").req("id", pattern(OBJECT_ID, OBJECT_ID_WHAT)).req("name",
			string()).optNull("description", string()).optNull("state", string());
		final Rule confidence = new ObjectRule("AnnotationConfidence").optNull("ground_truth_used", string()).optNull(
			"precision", number(0, 100)).optNull("recall", number(0, 100));
		final Rule link = new ObjectRule("AnnotationMethodLinks").req("link", string()).req("link_type", oneOf(
			"documentation", "models_weights", "other", "source_code", "website")).optNull("custom_name", string());
		return sidecar("AnnotationMetadata").req("annotation_ingest_id", string()).req("annotation_method", string()).req(
			"annotation_object", object).req("method_type", oneOf("manual", "automated", "hybrid", "simulated")).req("dates",
				Schema.dates()).req("authors", listOf(author(), 1)).optNull("alignment_metadata_path", string()).optNull(
					"annotation_publications", pattern("^" + PUBLICATION + "(\\s*,\\s*" + PUBLICATION + ")*$",
						"a comma-separated list of EMPIAR-, EMD-, DOI or PDB- references")).optNull("annotation_software",
							string()).optNull("confidence", confidence).optNull("files", listOf(file)).optNull(
								"ground_truth_status", bool()).optNull("is_curator_recommended", bool()).optNull("method_links",
									listOf(link)).optNull("object_count", integer()).optNull("version", number(0,
										Double.POSITIVE_INFINITY));
	}

	@Override
	public ObjectRule tomogram() {
		return sidecar("TomogramMetadata").req("voxel_spacing", floatOrTemplate(0.001, Double.POSITIVE_INFINITY)).req(
			"fiducial_alignment_status", enumOrTemplate("FIDUCIAL", "NON_FIDUCIAL")).req("reconstruction_method",
				enumOrTemplate("SART", "Fourier Space", "SIRT", "WBP", "Unknown")).req("reconstruction_software", string())
			.req("processing", oneOf("denoised", "filtered", "raw")).req("tomogram_version", number(0,
				Double.POSITIVE_INFINITY)).req("offset", new ObjectRule("TomogramOffset").req("x", integer()).req("y",
					integer()).req("z", integer())).req("is_visualization_default", bool()).req("dates", Schema.dates()).req("authors",
						listOf(author(), 1)).optNull("affine_transformation_matrix", listOf(anything())).optNull("align_software",
							string()).optNull("alignment_metadata_path", string()).optNull("cross_references", crossReferences())
			.optNull("ctf_corrected", bool()).optNull("key_photo", picturePath()).optNull("mrc_file", string()).optNull(
				"neuroglancer_config_path", string()).optNull("omezarr_dir", string()).optNull("processing_software",
					string()).optNull("run_name", string()).optNull("scales", listOf(size("TomogramSize"))).optNull("size",
						size("TomogramSize"));
	}

	@Override
	public ObjectRule tiltSeries() {
		final Rule camera = new ObjectRule("CameraDetails").req("manufacturer", oneOf("Gatan", "FEI", "TFS", "simulated"))
			.req("model", enumOrTemplate("FALCON IV", "FALCON 4i", "K2", "K2 SUMMIT", "K3", "K3 BIOQUANTUM", "UltraCam",
				"UltraScan", "simulated")).optNull("acquire_mode", enumOrTemplate("counting", "superresolution", "linear",
					"cds"));
		final Rule microscope = new ObjectRule("MicroscopeDetails").req("manufacturer", enumOrTemplate("FEI", "TFS", "JEOL",
			"SIMULATED")).req("model", string()).optNull("additional_info", string());
		final Rule optics = new ObjectRule("MicroscopeOpticalSetup").req("energy_filter", string()).optNull(
			"image_corrector", string()).optNull("phase_plate", string());
		final Rule range = new ObjectRule("TiltRange").req("min", floatOrTemplate(-90, 90)).req("max", floatOrTemplate(-90,
			90));
		final Rule section = new ObjectRule("PerSectionParameter").req("z_index", integer(0, Double.POSITIVE_INFINITY)).req(
			"frame_acquisition_order", integer()).optNull("astigmatic_angle", number(-180, 180)).optNull(
				"cross_correlation", number()).optNull("major_defocus", number()).optNull("max_resolution", number()).optNull(
					"minor_defocus", number()).optNull("phase_shift", number()).optNull("raw_angle", number(-90, 90));
		final double inf = Double.POSITIVE_INFINITY;
		return sidecar("TiltSeriesMetadata").req("size", size("TiltSeriesSize")).req("acceleration_voltage", number(20000,
			inf)).req("camera", camera).req("data_acquisition_software", string()).req("is_aligned", bool()).req(
				"microscope", microscope).req("microscope_optical_setup", optics).req("spherical_aberration_constant",
					floatOrTemplate(0, inf)).req("tilt_axis", floatOrTemplate(-360, 360)).req("tilt_range", range).req(
						"tilt_series_quality", intOrTemplate(1, 5)).req("tilt_step", floatOrTemplate(0, 90)).req("tilting_scheme",
							string()).req("total_flux", floatOrTemplate(0, inf)).req("pixel_spacing", floatOrTemplate(0.001, inf))
			.opt("aligned_tiltseries_binning", nullable(floatOrTemplate(0, inf))).opt("binning_from_frames", nullable(
				floatOrTemplate(0, inf))).optNull("ctf_path", string()).optNull("frames_count", integer()).optNull("mrc_file",
					string()).optNull("omezarr_dir", string()).optNull("per_section_parameter", listOf(section)).optNull(
						"raw_tlt_path", string()).optNull("related_empiar_entry", pattern("^EMPIAR-[0-9]+$", "an EMPIAR id"))
			.optNull("run_name", string()).optNull("scales", listOf(size("TiltSeriesSize"))).optNull(
				"tilt_alignment_software", string());
	}

	@Override
	public ObjectRule dataset() {
		final Rule assay = new ObjectRule("Assay").req("name", string()).optNull("id", pattern("^EFO:[0-9]{7}$",
			"an EFO id"));
		final Rule stage = new ObjectRule("DevelopmentStageDetails").optNull("name", string()).optNull("id", pattern(
			"(^unknown$)|(WBls:[0-9]{7}$)|(^UBERON:[0-9]{7}$)|(HsapDv:[0-9]{7}$)|(MmusDv:[0-9]{7}$)|(ZFS:[0-9]{7}$)" +
				"|(FBdv:[0-9]{8}$)", "\"unknown\" or a WBls, UBERON, HsapDv, MmusDv, ZFS or FBdv id"));
		final Rule disease = new ObjectRule("Disease").optNull("name", string()).optNull("id", pattern(
			"(^MONDO:[0-9]{7}$)|(^PATO:[0-9]{7}$)", "a MONDO or PATO id"));
		final Rule component = new ObjectRule("CellComponent").req("name", string()).optNull("id", pattern("^GO:[0-9]{7}$",
			"a GO id"));
		final Rule strain = new ObjectRule("CellStrain").req("name", string()).optNull("id", pattern(
			"(WBStrain[0-9]{8}$)|(^NCBITaxon:[0-9]+$)|(^CVCL_[A-Z0-9]{4,}$)|(^CC-[0-9]{4}$)",
			"a WBStrain, NCBITaxon, CVCL_ or CC- id"));
		final Rule cellType = new ObjectRule("CellType").req("name", string()).optNull("id", pattern(
			"(^CL:[0-9]{7}$)|(WBbt:[0-9]{7}$)|(ZFA:[0-9]{7}$)|(FBbt:[0-9]{8}$)|(^UBERON:[0-9]{7}$)",
			"a CL, WBbt, ZFA, FBbt or UBERON id"));
		final Rule tissue = new ObjectRule("TissueDetails").req("name", string()).optNull("id", pattern(
			"(^BTO:[0-9]{7}$)|(^CL:[0-9]{7}$)|(WBbt:[0-9]{7}$)|(ZFA:[0-9]{7}$)|(FBbt:[0-9]{8}$)|(^UBERON:[0-9]{7}$)",
			"a BTO, CL, WBbt, ZFA, FBbt or UBERON id"));
		final Rule organism = new ObjectRule("OrganismDetails").req("name", string()).optNull("taxonomy_id", integer(1,
			Double.POSITIVE_INFINITY));
		final Rule funding = new ObjectRule("FundingDetails").optNull("funding_agency_name", string()).optNull("grant_id",
			string());
		return sidecar("DatasetMetadata").req("key_photos", picturePath()).req("dataset_identifier", integer()).req(
			"dataset_title", string()).req("dataset_description", string()).req("dates", Schema.dates()).req("authors", listOf(
				author(), 1)).req("sample_type", oneOf("cell_line", "in_silico", "in_vitro", "organelle", "organism",
					"organoid", "other", "primary_cell_culture", "tissue", "virus")).req("assay", assay).req("development_stage",
						stage).req("disease", disease).optNull("cell_component", component).optNull("cell_strain", strain)
			.optNull("cell_type", cellType).optNull("cross_references", crossReferences()).optNull("funding", listOf(
				funding)).optNull("grid_preparation", string()).optNull("organism", organism).optNull("other_setup", string())
			.optNull("sample_preparation", string()).optNull("tissue", tissue);
	}

	@Override
	public ObjectRule run() {
		final Rule object = new ObjectRule("IdentifiedObject").req("object_id", pattern(OBJECT_ID, OBJECT_ID_WHAT)).req(
			"object_name", string()).optNull("object_description", string()).optNull("object_state", string());
		return new ObjectRule("RunMetadata").optNull("run_name", string()).optNull("identified_objects", listOf(object))
			// written by the ingestion although the schema forbids them
			.opt("deposition_id", integer()).opt("last_updated_at", number());
	}

	@Override
	public ObjectRule alignment() {
		final Rule xyz = anyOf(number(), pattern(Rules.FLOAT_TEMPLATE, "a \"float {name}\" template"));
		final Rule section = new ObjectRule("PerSectionAlignmentParameters").req("z_index", integer(0,
			Double.POSITIVE_INFINITY)).optNull("beam_tilt", number()).optNull("in_plane_rotation", listOf(anything()))
			.optNull("tilt_angle", number()).optNull("volume_x_rotation", number()).optNull("x_offset", number()).optNull(
				"y_offset", number());
		return sidecar("AlignmentMetadata").optNull("affine_transformation_matrix", listOf(anything())).optNull(
			"alignment_path", string()).opt("alignment_type", oneOf("LOCAL", "GLOBAL")).optNull("files", listOf(anything()))
			.opt("format", oneOf("IMOD", "ARETOMO3")).optNull("is_portal_standard", bool()).opt("method_type", oneOf(
				"fiducial_based", "patch_tracking", "projection_matching", "simulated", "undefined")).optNull(
					"per_section_alignment_parameters", listOf(section)).optNull("tilt_offset", number()).optNull("tilt_path",
						string()).optNull("tiltseries_path", string()).optNull("tiltx_path", string()).optNull(
							"volume_dimension", new ObjectRule("AlignmentSize").req("x", xyz).req("y", xyz).req("z", xyz)).optNull(
								"volume_offset", new ObjectRule("AlignmentOffset").req("x", xyz).req("y", xyz).req("z", xyz)).opt(
									"x_rotation_offset", nullable(intOrTemplate(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)));
	}
}

package org.cryoet.command;

import java.io.File;

import org.cryoet.portal.annotation.ExportSettings;
import org.cryoet.portal.layout.PortalLayout;
import org.cryoet.portal.validation.SchemaVersion;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

/** The parameters every annotation export shares: where, which layout and schema, and the metadata fields. */
public abstract class AnnotationParameters extends CryoetCommand {

	@Parameter(persist = false, label = "Output (run folder, VoxelSpacing folder or any folder)", style = FileWidget.DIRECTORY_STYLE)
	protected File output;

	@Parameter(persist = false, label = "Layout", choices = { "current", "seed" }, required = false)
	protected String layout = "current";

	@Parameter(persist = false, label = "Metadata schema", choices = { "2.0.0", "1.1.0" }, required = false)
	protected String schema = "2.0.0";

	@Parameter(persist = false, label = "Object name (e.g. cytosolic ribosome)", required = false)
	protected String object_name = "";

	@Parameter(persist = false, label = "Object id (GO, UniProtKB, CL, ... id)", required = false)
	protected String object_id = "";

	@Parameter(persist = false, label = "Annotation method (how the annotation was made)")
	protected String annotation_method;

	@Parameter(persist = false, label = "Method type", choices = { "manual", "automated", "hybrid", "simulated" }, required = false)
	protected String method_type = "manual";

	@Parameter(persist = false, label = "Authors (Name; Name <ORCID>)")
	protected String authors;

	@Parameter(persist = false, label = "Version", required = false)
	protected double version = 1.0;

	@Parameter(persist = false, label = "Voxel spacing, Å (0: from the image or the ROIs)", required = false)
	protected double voxel_spacing;

	@Parameter(persist = false, label = "Deposition id (optional)", required = false)
	protected Integer deposition_id;

	@Parameter(persist = false, label = "Ground truth", required = false)
	protected boolean ground_truth;

	@Parameter(persist = false, label = "Replace an existing annotation", required = false)
	protected boolean overwrite;

	protected ExportSettings settings() {
		final ExportSettings s = new ExportSettings();
		s.output = output.toPath();
		s.layout = PortalLayout.ofLabel(layout == null ? "current" : layout);
		s.schema = SchemaVersion.of(schema == null ? "2.0.0" : schema);
		s.objectName = object_name == null || object_name.isEmpty() ? null : object_name;
		s.objectId = object_id == null || object_id.isEmpty() ? null : object_id;
		s.annotationMethod = annotation_method;
		s.methodType = method_type == null ? "manual" : method_type;
		s.authors = authors;
		s.version = version;
		s.voxelSpacing = voxel_spacing;
		s.depositionId = deposition_id;
		s.groundTruth = ground_truth;
		s.overwrite = overwrite;
		return s;
	}
}

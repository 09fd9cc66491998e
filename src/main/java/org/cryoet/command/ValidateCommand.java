package org.cryoet.command;

import java.io.File;

import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalPageInputs;
import org.cryoet.portal.api.PortalPageUrl;
import org.cryoet.portal.metadata.MetadataFiles;
import org.cryoet.portal.metadata.MetadataKind;
import org.cryoet.portal.validation.MetadataValidator;
import org.cryoet.portal.validation.Problem;
import org.cryoet.portal.validation.SchemaVersion;
import org.cryoet.store.StorePath;
import org.cryoet.store.Stores;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import com.google.gson.JsonObject;

/**
 * Checks a metadata JSON file against the portal's schema 1.1.0 or 2.0.0.
 * Valid: one summary line. Invalid: one line per problem ({@code path: message})
 * as the result, and the command fails with a summary.
 */
@Plugin(type = Command.class, label = "Validate CryoET Metadata", menuPath =
	"Plugins>CryoET>Validate CryoET Metadata", headless = true)
public class ValidateCommand extends CryoetCommand {

	@Parameter(persist = false, label = "Metadata JSON file", style = FileWidget.OPEN_STYLE)
	private File input;

	@Parameter(persist = false, label = "Schema", choices = { "auto", "1.1.0", "2.0.0" }, required = false)
	private String schema = "auto";

	@Parameter(persist = false, label = "Kind (auto: from the file name)", choices = { "auto", "annotation", "tomogram", "tilt_series",
		"dataset", "run", "alignment" }, required = false)
	private String kind = "auto";

	@Parameter(type = ItemIO.OUTPUT, label = "Validation")
	private String result;

	@Override
	protected void execute() throws Exception {
		final String typed = PortalPageUrl.recoverUrl(input);
		// a portal page stands for its metadata file
		final String in = PortalPageUrl.looksLikePortalPage(typed) ? PortalPageInputs.metadata(PortalClient.configured(),
			typed) : typed;
		final StorePath remote = Stores.isRemote(in) ? Stores.open(in) : null;
		final String name = remote != null ? remote.name() : input.getName();
		final MetadataValidator.Result r;
		try {
			final JsonObject json = remote != null ? MetadataFiles.read(remote) : MetadataFiles.read(input.toPath());
			final MetadataKind k = kind == null || kind.equals("auto") ? MetadataKind.ofFileName(name)
				: MetadataKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
			if (k == null) throw new IllegalArgumentException(in + ": not a metadata JSON file (expected a .json name)");
			r = schema == null || schema.equals("auto") ? remote != null ? MetadataValidator.validateAuto(json, k, remote)
				: MetadataValidator.validateAuto(json, k, input.toPath()) : MetadataValidator.validate(json, k, SchemaVersion
					.of(schema));
		}
		finally {
			if (remote != null) remote.store.close();
		}
		final MetadataKind k = r.kind;
		final String what = k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " metadata under schema " + r
			.version.label() + (r.reason.isEmpty() ? "" : " (chosen because " + r.reason + ")");
		if (r.valid()) {
			result = in + ": valid " + what;
			return;
		}
		final StringBuilder sb = new StringBuilder();
		for (final Problem p : r.problems)
			sb.append(sb.length() == 0 ? "" : "\n").append(p);
		result = sb.toString();
		// Fiji shows no outputs of a failed command: the problems go to the log there.
		if (!launcherReports()) for (final Problem p : r.problems)
			log.warn(name + ": " + p);
		throw new IllegalArgumentException(in + ": " + r.problems.size() + " problem" + (r.problems.size() == 1 ? ""
			: "s") + " as " + what);
	}
}

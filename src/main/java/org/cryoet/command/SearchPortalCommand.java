package org.cryoet.command;

import java.util.List;

import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.SearchHit;
import org.cryoet.portal.api.SearchRequest;
import org.cryoet.portal.api.SearchResultWriter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Finds portal datasets by free text, organism and annotated object, in one request to the portal's API. */
@Plugin(type = Command.class, label = "Search CryoET Portal", menuPath = "Plugins>CryoET>Search CryoET Portal",
	headless = true)
public class SearchPortalCommand extends CryoetCommand {

	@Parameter(persist = false, label = "Search (title, description, organism, cell, tissue, object, run name, author)",
		required = false)
	private String query = "";

	@Parameter(persist = false, label = "Organism (optional)", required = false)
	private String organism = "";

	@Parameter(persist = false, label = "Annotated object (optional)", required = false)
	private String object = "";

	@Parameter(persist = false, label = "Most datasets to list", min = "1", required = false)
	private int limit = 20;

	@Parameter(persist = false, label = "Format", choices = { "text", "json" }, required = false)
	private String format = "text";

	@Parameter(type = ItemIO.OUTPUT, label = "Datasets")
	private String result;

	@Override
	protected void execute() throws Exception {
		if (limit < 1) throw new IllegalArgumentException("limit: expected at least 1, found " + limit);
		final SearchRequest req = new SearchRequest(query, organism, object, limit);
		final List<SearchHit> hits = PortalClient.configured().search(req);
		result = "json".equals(format) ? SearchResultWriter.json(req, hits) : SearchResultWriter.text(req, hits);
	}
}

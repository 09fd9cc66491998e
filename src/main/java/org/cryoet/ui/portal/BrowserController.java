package org.cryoet.ui.portal;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.cryoet.portal.api.Facets;
import org.cryoet.portal.api.PortalClient;
import org.cryoet.portal.api.PortalDataset;
import org.cryoet.portal.api.PortalRun;
import org.cryoet.portal.api.SearchHit;
import org.cryoet.portal.api.SearchRequest;

/**
 * The portal browser without its widgets: searches, lists a dataset's runs,
 * fetches a run's tree and runs the open commands, all through {@link Async}
 * (never on the event thread), and tells its {@link View} what to show. An
 * answer that arrives after a newer request of the same kind is dropped, so a
 * slow search never overwrites a fast later one. Failures become one line in
 * the view's status.
 */
public final class BrowserController {

	public static final String OPEN_TOMOGRAM = "Open CryoET Tomogram";
	public static final String OPEN_MASK = "Open CryoET Segmentation Mask";
	public static final String IMPORT_POINTS = "Import CryoET Points";

	public static final int SEARCH_LIMIT = 200;

	/** What the window shows; called on the thread {@link Async} hands results back on. */
	public interface View {

		void showFacets(Facets facets);

		void showDatasets(List<SearchHit> hits);

		void showRuns(PortalDataset dataset, List<PortalRun> runs);

		void showRun(PortalRun run);

		/** A line for the status bar; {@code error} when something failed. */
		void status(String message, boolean error);
	}

	private final PortalClient client;
	private final Async async;
	private final CommandLauncher launcher;
	private final View view;
	private final AtomicInteger searches = new AtomicInteger(), listings = new AtomicInteger(), trees =
		new AtomicInteger();
	private volatile PortalRun run;

	public BrowserController(final PortalClient client, final Async async, final CommandLauncher launcher,
		final View view)
	{
		this.client = client;
		this.async = async;
		this.launcher = launcher;
		this.view = view;
	}

	/** The run whose tree is shown, or null. */
	public PortalRun currentRun() {
		return run;
	}

	public void loadFacets() {
		async.run(client::facets, view::showFacets, e -> view.status("filters unavailable: " + oneLine(e), true));
	}

	public void search(final String text, final String organism, final String object) {
		final int n = searches.incrementAndGet();
		// A run's tree still on its way belongs to the last search: drop it.
		trees.incrementAndGet();
		run = null;
		final SearchRequest req = new SearchRequest(text, organism, object, SEARCH_LIMIT);
		view.status("searching...", false);
		async.run(() -> client.search(req), hits -> {
			if (n != searches.get()) return;
			view.showDatasets(hits);
			view.status(hits.size() + (hits.size() == 1 ? " dataset" : " datasets") + (hits.size() == SEARCH_LIMIT
				? " (the first " + SEARCH_LIMIT + ")" : ""), false);
		}, e -> {
			if (n == searches.get()) view.status(oneLine(e), true);
		});
	}

	public void selectDataset(final PortalDataset d) {
		final int n = listings.incrementAndGet();
		trees.incrementAndGet();
		run = null;
		view.status("listing the runs of dataset " + d.id + "...", false);
		async.run(() -> client.listRuns(d.id, PortalClient.DEFAULT_PAGE), runs -> {
			if (n != listings.get()) return;
			view.showRuns(d, runs);
			view.status("dataset " + d.id + ": " + runs.size() + (runs.size() == 1 ? " run" : " runs"), false);
		}, e -> {
			if (n == listings.get()) view.status(oneLine(e), true);
		});
	}

	public void selectRun(final PortalRun listed) {
		final int n = trees.incrementAndGet();
		view.status("reading run " + listed.name + "...", false);
		async.run(() -> client.runTree(listed.id).runs.get(0), tree -> {
			if (n != trees.get()) return;
			run = tree;
			view.showRun(tree);
			view.status("run " + tree.name + ": " + count(tree.tomograms().size(), "tomogram") + ", " +
				count(tree.annotations().size(), "annotation"), false);
		}, e -> {
			if (n == trees.get()) view.status(oneLine(e), true);
		});
	}

	public void openTomogram(final Object selection) {
		launch(OPEN_TOMOGRAM, () -> List.of(OpenActions.tomogram(run, selection)));
	}

	public void openMasks(final Object selection) {
		launch(OPEN_MASK, () -> OpenActions.masks(run, selection));
	}

	public void importPoints(final Object selection) {
		launch(IMPORT_POINTS, () -> OpenActions.points(run, selection));
	}

	private void launch(final String label, final java.util.concurrent.Callable<List<String>> inputs) {
		final List<String> urls;
		try {
			urls = inputs.call();
		}
		catch (final Exception e) {
			view.status(label + ": " + oneLine(e), true);
			return;
		}
		view.status(label + ": " + urls.get(0) + (urls.size() > 1 ? " and " + (urls.size() - 1) + " more" : ""), false);
		async.run(() -> {
			for (final String u : urls)
				launcher.run(label, u);
			return urls.size();
		}, count -> view.status(label + ": done (" + count + ")", false), e -> view.status(label + ": " + oneLine(e),
			true));
	}

	static String count(final int n, final String noun) {
		return n + " " + noun + (n == 1 ? "" : "s");
	}

	static String oneLine(final Throwable e) {
		Throwable t = e;
		while (t.getMessage() == null && t.getCause() != null)
			t = t.getCause();
		return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().replace('\n', ' ');
	}
}

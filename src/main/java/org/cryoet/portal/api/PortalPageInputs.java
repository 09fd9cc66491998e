package org.cryoet.portal.api;

/**
 * For the open commands (to be wired by their owners): what a portal page URL
 * given as a command's {@code input} stands for. A run page opens the run's
 * default tomogram (the curators' visualization default, else the finest
 * voxel spacing's), as its OME-Zarr URL, else its MRC URL. One request.
 */
public final class PortalPageInputs {

	private PortalPageInputs() {}

	/**
	 * @return the URL of the default tomogram of the run page, or null when the input is no portal page URL
	 * @throws PortalApiException for a dataset page, a run without tomograms, or an API failure
	 */
	public static String defaultTomogram(final PortalClient client, final String input) throws PortalApiException {
		final PortalPageUrl page = PortalPageUrl.parse(input);
		if (page == null) return null;
		if (page.kind != PortalPageUrl.Kind.RUN) throw new PortalApiException(input +
			": a dataset page holds many tomograms; give a run page (/runs/<id>) or a tomogram's URL");
		final PortalRun run = client.runTree(page.id).runs.get(0);
		final PortalTomogram t = run.defaultTomogram();
		if (t == null) throw new PortalApiException(input + ": run " + run.name + " has no tomogram");
		return (t.omezarr != null ? t.omezarr : t.mrc).preferred();
	}
}

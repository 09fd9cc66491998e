package bdv.util;

import bdv.cache.CacheControl;
import bdv.viewer.ViewerPanel;

/** Test double; see {@link Recorder}. */
public abstract class BdvHandle implements Bdv {

	public final ViewerPanel panel = new ViewerPanel();
	public final CacheControl.CacheControls controls = new CacheControl.CacheControls();

	@Override
	public BdvHandle getBdvHandle() {
		return this;
	}

	public ViewerPanel getViewerPanel() {
		return panel;
	}

	public CacheControl.CacheControls getCacheControls() {
		return controls;
	}
}

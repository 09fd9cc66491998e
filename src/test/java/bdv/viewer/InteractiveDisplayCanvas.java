package bdv.viewer;

import java.util.ArrayList;
import java.util.List;

/** Test double of BigDataViewer's InteractiveDisplayCanvas. */
public class InteractiveDisplayCanvas {

	public final List<OverlayRenderer> renderers = new ArrayList<>();

	public void addOverlayRenderer(final OverlayRenderer r) {
		renderers.add(r);
	}
}

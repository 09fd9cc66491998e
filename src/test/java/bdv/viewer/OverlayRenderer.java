package bdv.viewer;

import java.awt.Graphics;

/** Test double of BigDataViewer's OverlayRenderer (the same two methods). */
public interface OverlayRenderer {

	void drawOverlays(Graphics g);

	default void setCanvasSize(final int width, final int height) {}
}

package bdv.viewer;

import javax.swing.JPanel;

import net.imglib2.realtransform.AffineTransform3D;

/** Test double of BigDataViewer's ViewerPanel. */
public class ViewerPanel extends JPanel {

	private static final long serialVersionUID = 1L;

	public final InteractiveDisplayCanvas display = new InteractiveDisplayCanvas();
	/** World→screen; the tests set it. */
	public final AffineTransform3D viewerTransform = new AffineTransform3D();

	public InteractiveDisplayCanvas getDisplay() {
		return display;
	}

	public ViewerState state() {
		return t -> t.set(viewerTransform.values());
	}

	public void requestRepaint() {}
}

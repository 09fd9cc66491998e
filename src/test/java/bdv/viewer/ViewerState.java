package bdv.viewer;

import net.imglib2.realtransform.AffineTransform3D;

/** Test double of BigDataViewer's ViewerState. */
public interface ViewerState {

	void getViewerTransform(AffineTransform3D t);
}

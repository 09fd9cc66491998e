package bdv.cache;

import java.util.ArrayList;
import java.util.List;

/** Test double of BigDataViewer's CacheControl. */
public interface CacheControl {

	void prepareNextFrame();

	class CacheControls implements CacheControl {

		public final List<CacheControl> controls = new ArrayList<>();

		public synchronized void addCacheControl(final CacheControl c) {
			controls.add(c);
		}

		@Override
		public void prepareNextFrame() {
			for (final CacheControl c : controls)
				c.prepareNextFrame();
		}
	}
}

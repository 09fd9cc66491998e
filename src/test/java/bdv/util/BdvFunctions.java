package bdv.util;

import java.util.List;

import bdv.viewer.Source;

/** Test double; see {@link Recorder}. */
public class BdvFunctions {

	public static <T> BdvStackSource<T> show(final Source<T> source, final BdvOptions options) {
		Recorder.CALLS.add("show " + source.getName() + (options.addTo != null ? " addTo" : " new window " +
			options.title));
		Recorder.SOURCES.add(source);
		final BdvHandle handle = options.addTo != null ? options.addTo.getBdvHandle() : new BdvHandle() {};
		return new BdvStackSource<T>(handle, source) {};
	}

	public static BdvPointsSource showPoints(final List<?> points, final String name, final BdvOptions options) {
		Recorder.CALLS.add("showPoints " + name + " " + points.size());
		return null;
	}

	/** Only its name is used. */
	public static class BdvPointsSource {}
}

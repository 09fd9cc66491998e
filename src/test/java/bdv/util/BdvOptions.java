package bdv.util;

/** Test double; see {@link Recorder}. */
public class BdvOptions {

	public String title = "BigDataViewer";
	public Bdv addTo;
	public double[] calibration;

	public static BdvOptions options() {
		return new BdvOptions();
	}

	public BdvOptions frameTitle(final String t) {
		title = t;
		return this;
	}

	public BdvOptions addTo(final Bdv bdv) {
		addTo = bdv;
		return this;
	}

	public BdvOptions sourceTransform(final double... c) {
		calibration = c;
		return this;
	}
}

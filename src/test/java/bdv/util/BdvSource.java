package bdv.util;

import net.imglib2.type.numeric.ARGBType;

/** Test double; see {@link Recorder}. */
public abstract class BdvSource implements Bdv {

	private final BdvHandle handle;
	public double min = Double.NaN, max = Double.NaN;
	public ARGBType color;

	protected BdvSource(final BdvHandle handle) {
		this.handle = handle;
	}

	public void setDisplayRange(final double min, final double max) {
		this.min = min;
		this.max = max;
		Recorder.CALLS.add("setDisplayRange " + min + " " + max);
	}

	public void setDisplayRangeBounds(final double min, final double max) {
		Recorder.CALLS.add("setDisplayRangeBounds " + min + " " + max);
	}

	public void setColor(final ARGBType color) {
		this.color = color;
		Recorder.CALLS.add("setColor " + Integer.toHexString(color.get()));
	}

	@Override
	public BdvHandle getBdvHandle() {
		return handle;
	}
}

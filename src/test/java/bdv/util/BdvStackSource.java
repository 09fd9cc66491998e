package bdv.util;

/** Test double; see {@link Recorder}. */
public class BdvStackSource<T> extends BdvSource {

	public final Object source;

	protected BdvStackSource(final BdvHandle handle, final Object source) {
		super(handle);
		this.source = source;
	}
}

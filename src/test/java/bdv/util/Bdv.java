package bdv.util;

/** Test double; see {@link Recorder}. */
public interface Bdv {

	BdvHandle getBdvHandle();
}

package bdv.viewer;

/** Test double of BigDataViewer's Source (only what the double needs). */
public interface Source<T> {

	String getName();
}

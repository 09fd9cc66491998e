package org.cryoet.image;

/** Where long work reports how far it got; the core never talks to a UI directly. */
public interface Progress {

	Progress NONE = (message, fraction) -> {};

	/** @param fraction 0..1 */
	void report(String message, double fraction);

	/** Cancellation is checked between chunks; a cancelled job throws and leaves no output. */
	default boolean isCancelled() {
		return false;
	}
}

package bdv.util;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Test double of BigDataViewer (not BigDataViewer's code): classes with the
 * names and signatures that BDV-API.md documents for bigdataviewer-core
 * 10.6.11 / vistools beta-34, recording what the suite's reflective bridge
 * does with them. BigDataViewer itself is not on Maven Central.
 */
public final class Recorder {

	public static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());
	public static final List<Object> SOURCES = Collections.synchronizedList(new ArrayList<>());

	private Recorder() {}

	public static void reset() {
		CALLS.clear();
		SOURCES.clear();
	}
}

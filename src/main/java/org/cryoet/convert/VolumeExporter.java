package org.cryoet.convert;

import java.io.IOException;
import java.nio.file.Path;

import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;

/** Writes one level of a volume to a file or folder at {@code target} (a temporary path the caller moves into place). */
public interface VolumeExporter {

	/** @return one line describing what was written */
	String export(MultiscaleVolume input, int level, Path target, Progress progress) throws IOException;

	/** What this exporter writes, for messages: "an MRC file". */
	String writes();

	/** Whether {@code existing} is of the kind this exporter writes, so that overwrite=true may replace it. */
	boolean canReplace(Path existing) throws IOException;
}

package org.cryoet.convert;

import java.io.IOException;
import java.nio.file.Path;

import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;

/** Writes one level of a volume to a file or folder at {@code target} (a temporary path the caller moves into place). */
public interface VolumeExporter {

	/** @return one line describing what was written */
	String export(MultiscaleVolume input, int level, Path target, Progress progress) throws IOException;
}

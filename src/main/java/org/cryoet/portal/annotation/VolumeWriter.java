package org.cryoet.portal.annotation;

import java.io.IOException;
import java.nio.file.Path;

import org.cryoet.image.MultiscaleVolume;

/** Writes level 0 of a volume to a file or folder (OME-Zarr, MRC): supplied by the layer that owns the writers. */
public interface VolumeWriter {

	/** @return one line describing what was written */
	String write(MultiscaleVolume volume, Path target) throws IOException;
}

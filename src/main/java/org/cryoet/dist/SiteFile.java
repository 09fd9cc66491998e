package org.cryoet.dist;

import java.nio.file.Path;

/** A file to publish: where it goes in Fiji.app ({@code plugins/x.jar}) and where it is now. */
public final class SiteFile {

	public final String fijiPath;
	public final Path source;
	public final String description;

	public SiteFile(final String fijiPath, final Path source, final String description) {
		if (fijiPath.startsWith("/") || fijiPath.contains("\\") || fijiPath.contains(".."))
			throw new IllegalArgumentException(fijiPath + ": not a relative path inside Fiji.app");
		this.fijiPath = fijiPath;
		this.source = source;
		this.description = description;
	}
}

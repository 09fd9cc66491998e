package org.cryoet.dist;

import java.util.ArrayList;
import java.util.List;

/** One file's entry in an update site's {@code db.xml.gz}: its current version and the ones it replaced. */
public final class SiteRecord {

	/** A version of the file: checksum and timestamp (and, for the current one, its size). */
	public static final class Version {

		public final String checksum;
		public final long timestamp;
		public final long filesize;
		/** when a newer version replaced it (previous versions only), else 0 */
		public final long obsoleteSince;
		/** the file name it had, when that differs from the record's (a versioned jar) */
		public final String filename;

		public Version(final String checksum, final long timestamp, final long filesize, final long obsoleteSince,
			final String filename)
		{
			this.checksum = checksum;
			this.timestamp = timestamp;
			this.filesize = filesize;
			this.obsoleteSince = obsoleteSince;
			this.filename = filename;
		}
	}

	public final String filename;
	public final Version current;
	public final String description;
	public final List<Version> previous = new ArrayList<>();

	public SiteRecord(final String filename, final Version current, final String description) {
		this.filename = filename;
		this.current = current;
		this.description = description;
	}
}

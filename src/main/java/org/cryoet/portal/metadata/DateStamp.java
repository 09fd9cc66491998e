package org.cryoet.portal.metadata;

import java.time.LocalDate;

/** The deposition, release and last-modified dates every entity carries (null where unparsable). */
public final class DateStamp {

	public final LocalDate deposition;
	public final LocalDate release;
	public final LocalDate lastModified;

	public DateStamp(final LocalDate deposition, final LocalDate release, final LocalDate lastModified) {
		this.deposition = deposition;
		this.release = release;
		this.lastModified = lastModified;
	}
}

package org.cryoet.dist;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cryoet.store.AtomicOutput;

/**
 * Builds or updates an ImageJ update site in a folder: each file is stored as
 * {@code <path in Fiji.app>-<timestamp>} and listed in {@code db.xml.gz} with
 * the checksum, timestamp and size the updater verifies. An existing site
 * keeps its files; a file whose content changed gets a new version and its
 * old one is kept as a previous version, so installed copies still update.
 */
public final class UpdateSiteBuilder {

	private final Path site;
	private final long now;

	/** @param now the time stamped on new versions and on versions they make obsolete (epoch ms) */
	public UpdateSiteBuilder(final Path site, final long now) {
		this.site = site;
		this.now = now;
	}

	/** @return one line per file saying what happened to it */
	public List<String> publish(final List<SiteFile> files) throws IOException {
		Files.createDirectories(site);
		final Path db = site.resolve(SiteDatabase.FILE_NAME);
		final Map<String, SiteRecord> records = new LinkedHashMap<>();
		if (Files.exists(db)) try (InputStream in = Files.newInputStream(db)) {
			for (final SiteRecord r : SiteDatabase.read(in, db.toString()))
				records.put(SiteDatabase.unversioned(r.filename), r);
		}
		final List<String> report = new ArrayList<>();
		for (final SiteFile f : files) {
			if (!Files.isRegularFile(f.source)) throw new IOException(f.source + ": not found (build it first)");
			final String checksum = UpdaterChecksum.of(f.fijiPath, f.source);
			final String key = SiteDatabase.unversioned(f.fijiPath);
			final SiteRecord old = records.get(key);
			if (old != null && old.current != null && old.current.checksum.equals(checksum) && old.filename.equals(
				f.fijiPath))
			{
				report.add("unchanged " + f.fijiPath);
				continue;
			}
			final long timestamp = UpdaterTimestamp.of(Math.min(now, Files.getLastModifiedTime(f.source).toMillis()));
			final long stamp = old != null && old.current != null && timestamp <= old.current.timestamp
				? UpdaterTimestamp.of(now) : timestamp;
			final SiteRecord r = new SiteRecord(f.fijiPath, new SiteRecord.Version(checksum, stamp, Files.size(f.source),
				0, null), f.description);
			if (old != null) {
				if (old.current != null) r.previous.add(new SiteRecord.Version(old.current.checksum, old.current.timestamp,
					0, UpdaterTimestamp.of(now), old.filename.equals(f.fijiPath) ? null : old.filename));
				r.previous.addAll(old.previous);
			}
			final Path stored = site.resolve(f.fijiPath + "-" + stamp);
			Files.createDirectories(stored.getParent());
			AtomicOutput.write(stored, true, tmp -> Files.copy(f.source, tmp, StandardCopyOption.COPY_ATTRIBUTES));
			records.put(key, r);
			report.add((old == null ? "added " : "updated ") + f.fijiPath + " (" + stamp + ", sha1 " + checksum + ")");
		}
		AtomicOutput.write(db, true, tmp -> {
			try (OutputStream out = Files.newOutputStream(tmp)) {
				SiteDatabase.write(new ArrayList<>(records.values()), out);
			}
		});
		return report;
	}
}

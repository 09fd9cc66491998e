package org.cryoet.dist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code MakeUpdateSite SITE PATH_IN_FIJI=FILE ...}: adds the files to the
 * update site folder SITE (created when missing), as {@code scripts/make-update-site}
 * and the build call it. Exit 1 with one line on a bad file or site.
 */
public final class MakeUpdateSite {

	private MakeUpdateSite() {}

	public static void main(final String[] args) {
		if (args.length < 2) {
			System.err.println("usage: MakeUpdateSite SITE_FOLDER plugins/x.jar=target/x.jar [scripts/...=file ...]");
			System.exit(2);
		}
		try {
			final List<SiteFile> files = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				final int eq = args[i].indexOf('=');
				if (eq <= 0) throw new IllegalArgumentException(args[i] + ": expected PATH_IN_FIJI=FILE");
				files.add(new SiteFile(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)), null));
			}
			for (final String line : new UpdateSiteBuilder(Path.of(args[0]), System.currentTimeMillis()).publish(files))
				System.out.println(line);
		}
		catch (final Exception e) {
			System.err.println("make-update-site: " + e.getMessage());
			System.exit(1);
		}
	}
}

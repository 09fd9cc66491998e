package org.cryoet.portal.annotation;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import org.cryoet.store.AtomicOutput;

/**
 * The files of one annotation, written so that they appear together or not
 * at all: every file is first written under a hidden temporary name beside
 * its target, and only when all are complete are they moved into place.
 * Folders this creates are removed again when anything fails.
 */
public final class FileGroup {

	private final List<Path> targets = new ArrayList<>();
	private final List<AtomicOutput.Writer> writers = new ArrayList<>();

	public FileGroup add(final Path target, final AtomicOutput.Writer writer) {
		targets.add(target.toAbsolutePath().normalize());
		writers.add(writer);
		return this;
	}

	public List<Path> targets() {
		return new ArrayList<>(targets);
	}

	public void commit(final boolean overwrite) throws IOException {
		if (!overwrite) for (final Path t : targets)
			if (Files.exists(t)) throw new IOException(t + ": already exists (set overwrite=true to replace it)");
		final List<Path> createdDirs = new ArrayList<>();
		final List<Path> temporaries = new ArrayList<>();
		boolean done = false;
		try {
			for (final Path t : targets)
				createDirectories(t.getParent(), createdDirs);
			for (int i = 0; i < targets.size(); i++) {
				final Path t = targets.get(i);
				final Path tmp = t.getParent().resolve("." + t.getFileName() + ".tmp-" + Long.toHexString(System.nanoTime()));
				temporaries.add(tmp);
				writers.get(i).write(tmp);
			}
			for (int i = 0; i < targets.size(); i++) {
				final Path t = targets.get(i);
				if (Files.isDirectory(t)) AtomicOutput.deleteTree(t);
				try {
					Files.move(temporaries.get(i), t, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (final AtomicMoveNotSupportedException e) {
					Files.move(temporaries.get(i), t, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			done = true;
		}
		finally {
			for (final Path tmp : temporaries)
				if (Files.exists(tmp)) AtomicOutput.deleteTree(tmp);
			if (!done) for (int i = createdDirs.size() - 1; i >= 0; i--)
				AtomicOutput.deleteTree(createdDirs.get(i));
		}
	}

	/** Creates the missing folders of {@code dir}, recording each (outermost first). */
	private static void createDirectories(final Path dir, final List<Path> created) throws IOException {
		final List<Path> missing = new ArrayList<>();
		for (Path p = dir; p != null && !Files.exists(p); p = p.getParent())
			missing.add(0, p);
		for (final Path p : missing) {
			Files.createDirectory(p);
			created.add(p);
		}
	}
}

package org.cryoet.ui.roi;

import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.io.RoiEncoder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.cryoet.format.FormatException;
import org.cryoet.store.AtomicOutput;

/** RoiSet {@code .zip} files as ImageJ's ROI Manager writes and reads them, through RoiEncoder and RoiDecoder. */
public final class RoiSetFiles {

	private RoiSetFiles() {}

	public static void write(final List<Roi> rois, final Path zip, final boolean overwrite) throws IOException {
		AtomicOutput.write(zip, overwrite, tmp -> {
			try (OutputStream f = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(f)) {
				final Set<String> names = new HashSet<>();
				int i = 0;
				for (final Roi r : rois) {
					String name = String.format("%04d-%s.roi", ++i, r.getName() == null ? "roi" : r.getName().replaceAll(
						"[^A-Za-z0-9._-]", "_"));
					while (!names.add(name))
						name = "x" + name;
					z.putNextEntry(new ZipEntry(name));
					z.write(RoiEncoder.saveAsByteArray(r));
					z.closeEntry();
				}
			}
		});
	}

	public static List<Roi> read(final Path zip) throws IOException {
		final List<Roi> out = new ArrayList<>();
		try (InputStream f = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(f)) {
			for (ZipEntry e; (e = z.getNextEntry()) != null;) {
				if (!e.getName().endsWith(".roi")) continue;
				final ByteArrayOutputStream b = new ByteArrayOutputStream();
				z.transferTo(b);
				final Roi r = RoiDecoder.openFromByteArray(b.toByteArray());
				if (r == null) throw new FormatException(zip + ": " + e.getName() + " is not an ImageJ ROI");
				out.add(r);
			}
		}
		catch (final NoSuchFileException e) {
			throw new FormatException(zip + ": not found");
		}
		catch (final java.util.zip.ZipException e) {
			throw new FormatException(zip + ": not a RoiSet zip (" + e.getMessage() + ")");
		}
		return out;
	}
}

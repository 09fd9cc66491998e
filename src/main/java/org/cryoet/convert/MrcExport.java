package org.cryoet.convert;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;
import org.cryoet.format.mrc.MrcMode;
import org.cryoet.format.mrc.MrcWriter;
import org.cryoet.image.MultiscaleVolume;
import org.cryoet.image.Progress;
import org.cryoet.image.Volume;

/**
 * MRC2014 out. The mode follows the input type (int8 0, int16 1, float32 2,
 * uint16 6, float16 12); other types take the smallest mode that holds every
 * value exactly (uint8: 0 when all values are below 128, else 1; int32/uint32:
 * 1, 6 or 2; float64: 2), and are refused when none does.
 */
public final class MrcExport implements VolumeExporter {

	private final int threads;

	public MrcExport(final int threads) {
		this.threads = threads;
	}

	@Override
	public String export(final MultiscaleVolume input, final int level, final Path target, final Progress progress)
		throws IOException
	{
		final Volume v = input.level(level);
		if (v.shape().length != 3) throw new FormatException(v.describe() + ": only 3D volumes can be written as MRC");
		final DataType out = modeType(v, progress);
		final double[] s = VoxelSizes.snap(input.scales.get(level));
		final double[] voxelXyz = { s[2], s[1], s[0] };
		try (MrcWriter w = new MrcWriter(target, out, v.shape(), voxelXyz, "Written by CryoET Fiji tools")) {
			if (input.imageStack) {
				// An image stack (tilt series), as MRC2014 and the portal mark one: space group 0, one section per image.
				w.header().ispg = 0;
				w.header().mz = 1;
				w.header().cella[2] = (float) voxelXyz[2];
			}
			Slabs.forEach(v, threads, progress, "writing MRC", (slab, z0, depth) -> {
				final int n = DataType.length(slab);
				if (out == v.type()) w.write(slab, n);
				else {
					final Object conv = out.allocate(n);
					for (int i = 0; i < n; i++)
						out.set(conv, i, v.type().get(slab, i));
					w.write(conv, n);
				}
			});
			w.finish();
			final long[] sh = v.shape();
			return "MRC mode " + MrcMode.of(out) + ", " + Describe.size(sh) + ", " + Describe.voxel(s);
		}
	}

	@Override
	public String writes() {
		return "an MRC file";
	}

	/** A file with the MRC2014 stamp "MAP " (bytes 208-211), as we write. */
	@Override
	public boolean canReplace(final Path existing) throws IOException {
		return FileSignature.startsWith(existing, 208, new byte[] { 'M', 'A', 'P', ' ' });
	}

	private DataType modeType(final Volume v, final Progress progress) throws IOException {
		final DataType t = v.type();
		if (MrcMode.of(t) >= 0) return t;
		final ValueRange r = ValueRange.of(v, threads, progress);
		switch (t) {
			case UINT8:
				return r.max <= 127 ? DataType.INT8 : DataType.INT16;
			case INT32:
			case UINT32:
				if (r.min >= Short.MIN_VALUE && r.max <= Short.MAX_VALUE) return DataType.INT16;
				if (r.min >= 0 && r.max <= 65535) return DataType.UINT16;
				if (Math.abs(r.min) <= (1 << 24) && Math.abs(r.max) <= (1 << 24)) return DataType.FLOAT32;
				break;
			case FLOAT64:
				if (r.float32Exact) return DataType.FLOAT32;
				break;
			default:
		}
		throw new FormatException(v.describe() + ": " + t.name().toLowerCase(Locale.ROOT) + " values from " + r.min +
			" to " + r.max + " fit no MRC mode exactly");
	}
}

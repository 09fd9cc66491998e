package org.cryoet.bench;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

import org.cryoet.format.DataType;
import org.cryoet.format.codec.BloscCodec;
import org.cryoet.format.zarr.ZarrArray;
import org.cryoet.format.zarr.ZarrArrayMetadata;
import org.cryoet.format.zarr.ZarrDtype;
import org.cryoet.store.FileStore;

/**
 * A float32 Zarr array as the portal stores tomograms (Blosc lz4 clevel 5,
 * byte shuffle), written chunk by chunk so that it may be larger than the
 * heap: a gradient plus noise, which compresses about as badly as real data.
 */
final class ViewerData {

	private ViewerData() {}

	/** @param shape z, y, x */
	static ZarrArray write(final Path dir, final long[] shape, final int chunk) throws IOException {
		final ZarrArrayMetadata meta = new ZarrArrayMetadata(shape, new int[] { chunk, chunk, chunk }, new ZarrDtype(
			DataType.FLOAT32, ByteOrder.LITTLE_ENDIAN), false, 0, new BloscCodec(BloscCodec.Cname.LZ4, 5, 1), "/");
		final ZarrArray a = ZarrArray.create(new FileStore(dir), "0", meta);
		final long[] grid = meta.gridShape();
		final float[] data = new float[chunk * chunk * chunk];
		long seed = 0x9E3779B97F4A7C15L;
		for (long cz = 0; cz < grid[0]; cz++)
			for (long cy = 0; cy < grid[1]; cy++)
				for (long cx = 0; cx < grid[2]; cx++) {
					int i = 0;
					for (int z = 0; z < chunk; z++)
						for (int y = 0; y < chunk; y++)
							for (int x = 0; x < chunk; x++, i++) {
								seed ^= seed << 13;
								seed ^= seed >>> 7;
								seed ^= seed << 17;
								final double noise = ((seed >>> 40) & 0xffff) / 65536.0 - 0.5;
								data[i] = (float) ((cx * chunk + x + 2 * (cy * chunk + y) - (cz * chunk + z)) / 256.0 + noise);
							}
					a.writeChunk(new long[] { cz, cy, cx }, data);
				}
		return a;
	}
}

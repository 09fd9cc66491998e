package org.cryoet.fuzz;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;

import org.cryoet.format.DataType;
import org.cryoet.format.codec.BloscCodec;
import org.cryoet.format.codec.Codec;
import org.cryoet.format.codec.GzipCodec;
import org.cryoet.format.codec.RawCodec;
import org.cryoet.format.codec.ZlibCodec;
import org.cryoet.format.codec.ZstdCodec;
import org.cryoet.format.ngff.Multiscales;
import org.cryoet.format.zarr.ZarrArrayMetadata;
import org.cryoet.format.zarr.ZarrDtype;

/**
 * Writes the seed corpora under {@code src/test/resources/fuzz/} with our own
 * writers, plus hand-made hostile inputs. Run once by hand when a format
 * changes ({@code java -cp ... org.cryoet.fuzz.SeedCorpus src/test/resources/fuzz});
 * the files are committed, and regression inputs found by campaigns sit beside them.
 */
public final class SeedCorpus {

	private final Path root;

	private SeedCorpus(final Path root) {
		this.root = root;
	}

	public static void main(final String[] args) throws IOException {
		final SeedCorpus c = new SeedCorpus(Paths.get(args.length > 0 ? args[0] : "src/test/resources/fuzz"));
		c.zarrMetadata();
		c.chunkCodec();
		c.mrc();
		c.ndjson();
		c.portalTree();
		c.argumentString();
		c.storeResponse();
	}

	private void write(final String target, final String name, final byte[] bytes) throws IOException {
		final Path dir = root.resolve(target);
		Files.createDirectories(dir);
		Files.write(dir.resolve(name), bytes);
	}

	private void write(final String target, final String name, final String text) throws IOException {
		write(target, name, text.getBytes(StandardCharsets.UTF_8));
	}

	private static String nested(final int depth) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < depth; i++)
			sb.append('[');
		for (int i = 0; i < depth; i++)
			sb.append(']');
		return sb.toString();
	}

	private void zarrMetadata() throws IOException {
		final String t = "ZarrMetadata";
		final Codec[] codecs = { new BloscCodec(BloscCodec.Cname.LZ4, 5, 1), new BloscCodec(BloscCodec.Cname.ZSTD, 3, 2),
			new ZlibCodec(1), new GzipCodec(5), new ZstdCodec(3), new RawCodec() };
		final DataType[] types = { DataType.FLOAT32, DataType.INT8, DataType.UINT16, DataType.FLOAT16 };
		for (int i = 0; i < codecs.length; i++) {
			final DataType type = types[i % types.length];
			write(t, "zarray-" + i + ".json", new ZarrArrayMetadata(new long[] { 72, 128, 112 }, new int[] { 32, 64, 64 },
				new ZarrDtype(type, i % 2 == 0 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN), i == 3, i == 2 ? Double.NaN
					: 0, codecs[i], i % 2 == 0 ? "/" : ".").toJson());
		}
		write(t, "zattrs-portal.json", Multiscales.portalZattrs(Arrays.asList(new double[] { 13.48, 13.48, 13.48 },
			new double[] { 26.96, 26.96, 26.96 }, new double[] { 53.92, 53.92, 53.92 }), false, new int[0]));
		write(t, "zattrs-label.json", Multiscales.portalZattrs(Arrays.asList(new double[] { 10, 10, 10 }), true,
			new int[] { 1, 2 }));
		// Hostile, by hand: the three, and their neighbours.
		write(t, "hostile-dataset-path-dotdot.json", "{\"multiscales\": [{\"version\": \"0.4\", \"axes\": [\"z\", \"y\", \"x\"]," +
			" \"datasets\": [{\"path\": \"../elsewhere.zarr\"}]}]}");
		write(t, "hostile-dataset-path-absolute.json", "{\"multiscales\": [{\"datasets\": [{\"path\": \"/etc\"}]}]}");
		write(t, "hostile-scale-nan.json", "{\"multiscales\": [{\"version\": \"0.4\", \"axes\": [{\"name\": \"z\", \"type\":" +
			" \"space\", \"unit\": \"angstrom\"}, {\"name\": \"y\", \"type\": \"space\", \"unit\": \"angstrom\"}, {\"name\": \"x\", " +
			"\"type\": \"space\", \"unit\": \"angstrom\"}], \"datasets\": [{\"path\": \"0\", \"coordinateTransformations\": " +
			"[{\"type\": \"scale\", \"scale\": [-10, NaN, 0]}]}]}]}");
		write(t, "hostile-nested.json", nested(3000));
		write(t, "hostile-nested-object.json", "{\"multiscales\": " + nested(3000) + "}");
		write(t, "hostile-chunks-overflow.json", "{\"zarr_format\": 2, \"shape\": [1, 1, 1], \"chunks\": [2147483647, " +
			"2147483647, 2147483647], \"dtype\": \"<f4\", \"compressor\": null, \"order\": \"C\", \"fill_value\": 0}");
		write(t, "hostile-shape-huge.json", "{\"zarr_format\": 2, \"shape\": [9223372036854775807, 9223372036854775807], " +
			"\"chunks\": [1, 1], \"dtype\": \"|u1\", \"compressor\": null, \"order\": \"C\", \"fill_value\": 0}");
	}

	private void chunkCodec() throws IOException {
		final String t = "ChunkCodec";
		final Random r = new Random(11);
		final int n = 4096;
		final byte[] smooth = new byte[n];
		final ByteBuffer b = ByteBuffer.wrap(smooth).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < n / 4; i++)
			b.putFloat((float) Math.sin(i / 40.0) * 100 + r.nextInt(3));
		int k = 0;
		for (final BloscCodec.Cname cname : BloscCodec.Cname.values())
			for (final int shuffle : new int[] { 0, 1, 2 }) {
				final byte[] frame = new BloscCodec(cname, 5, shuffle, 1024, 1).encode(smooth, 4);
				write(t, "blosc-" + cname.id() + "-" + shuffle, seed(0, n, frame));
				write(t, "blosc-range-" + cname.id() + "-" + shuffle, seed(4 | (k++ % 8) << 3, n, frame));
			}
		write(t, "blosc-memcpy", seed(0, n, new BloscCodec(BloscCodec.Cname.LZ4, 0, 0).encode(smooth, 4)));
		write(t, "blosc-threads", seed(5, n, new BloscCodec(BloscCodec.Cname.BLOSCLZ, 9, 1, 512, 1).encode(smooth, 4)));
		write(t, "zlib", seed(1, n, new ZlibCodec(5).encode(smooth, 4)));
		write(t, "gzip", seed(2, n, new GzipCodec(5).encode(smooth, 4)));
		write(t, "zstd", seed(3, n, new ZstdCodec(3).encode(smooth, 4)));
		// A stream that inflates far past what the chunk needs: must stop at expected + 1.
		final byte[] zeros = new byte[1 << 20];
		write(t, "hostile-zlib-bomb", seed(1, 16, new ZlibCodec(9).encode(zeros, 1)));
		write(t, "hostile-gzip-bomb", seed(2, 16, new GzipCodec(9).encode(zeros, 1)));
		write(t, "hostile-zstd-bomb", seed(3, 16, new ZstdCodec(3).encode(zeros, 1)));
		// Blosc headers that claim what the frame does not hold.
		final byte[] h = new BloscCodec(BloscCodec.Cname.LZ4, 5, 1, 1024, 1).encode(smooth, 4);
		final byte[] huge = h.clone();
		ByteBuffer.wrap(huge).order(ByteOrder.LITTLE_ENDIAN).putInt(4, Integer.MAX_VALUE);
		write(t, "hostile-blosc-nbytes", seed(0, n, huge));
		final byte[] block = h.clone();
		ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN).putInt(8, 0);
		write(t, "hostile-blosc-blocksize", seed(0, n, block));
		final byte[] type = h.clone();
		type[3] = (byte) 255;
		write(t, "hostile-blosc-typesize", seed(0, n, type));
		final byte[] starts = h.clone();
		ByteBuffer.wrap(starts).order(ByteOrder.LITTLE_ENDIAN).putInt(16, -7);
		write(t, "hostile-blosc-block-start", seed(4, n, starts));
	}

	private void mrc() throws IOException {
		final String t = "Mrc";
		final Path tmp = Files.createTempFile("seed", ".mrc");
		try {
			final DataType[] types = { DataType.INT8, DataType.INT16, DataType.FLOAT32, DataType.UINT16, DataType.FLOAT16 };
			for (final DataType type : types) {
				final long[] shape = { 3, 5, 7 };
				try (org.cryoet.format.mrc.MrcWriter w = new org.cryoet.format.mrc.MrcWriter(tmp, type, shape, new double[] {
					13.48, 13.48, 13.48 }, "seed " + type))
				{
					final Object data = type.allocate(3 * 5 * 7);
					for (int i = 0; i < 105; i++)
						type.set(data, i, i % 50);
					w.write(data, 105);
					w.finish();
				}
				write(t, "mode-" + type.name().toLowerCase(), Files.readAllBytes(tmp));
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
		final byte[] base = Files.readAllBytes(root.resolve(t).resolve("mode-float32"));
		write(t, "hostile-extended-header-huge", with(base, 92, Integer.MAX_VALUE));
		write(t, "hostile-extended-header-negative", with(base, 92, -1024));
		write(t, "hostile-nz-huge", with(base, 8, 1 << 20));
		write(t, "hostile-dims-zero", with(base, 0, 0));
		write(t, "hostile-mapc", with(base, 64, 3));
		write(t, "hostile-cella-nan", with(base, 40, Float.floatToIntBits(Float.NaN)));
		write(t, "hostile-cella-infinite", with(base, 44, Float.floatToIntBits(Float.POSITIVE_INFINITY)));
		write(t, "hostile-cella-negative", with(base, 48, Float.floatToIntBits(-10f)));
		write(t, "hostile-mode-complex", with(base, 12, 4));
		write(t, "hostile-truncated", Arrays.copyOf(base, base.length - 9));
		final byte[] big = base.clone();
		big[212] = 0x11;
		big[213] = 0x11;
		write(t, "hostile-big-endian-stamp", big);
		final byte[] ext = new byte[base.length + 92];
		System.arraycopy(base, 0, ext, 0, 1024);
		System.arraycopy(base, 1024, ext, 1024 + 92, base.length - 1024);
		write(t, "extended-header", with(ext, 92, 92));
	}

	private void ndjson() throws IOException {
		final String t = "Ndjson";
		final org.cryoet.portal.annotation.PointTable p = new org.cryoet.portal.annotation.PointTable();
		final double c = Math.cos(0.3), s = Math.sin(0.3);
		p.add(org.cryoet.portal.annotation.PointKind.POINT, 44, 14.5, 30, null, 0);
		p.add(org.cryoet.portal.annotation.PointKind.ORIENTED_POINT, 10, 50, 30, new double[] { c, -s, 0, s, c, 0, 0, 0, 1 },
			0, "\"score\": 0.5", 0);
		p.add(org.cryoet.portal.annotation.PointKind.INSTANCE_POINT, 1e-3, 2.5e6, 0, null, 17);
		p.add(org.cryoet.portal.annotation.PointKind.POINT, 1, 2, 3, null, 0, null, 7);
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		org.cryoet.portal.annotation.NdjsonPointWriter.write(p, out);
		write(t, "written", out.toByteArray());
		final String ok = "{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}}";
		write(t, "bom-crlf", "\ufeff" + ok + "\r\n\r\n" + ok + "\r\n");
		write(t, "hostile-instance-negative", "{\"type\": \"instancePoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, " +
			"\"instance_id\": -4}\n" + ok);
		write(t, "hostile-matrix-scaled", "{\"type\": \"orientedPoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, " +
			"\"xyz_rotation_matrix\": [[2, 0, 0], [0, 2, 0], [0, 0, 2]]}");
		write(t, "hostile-matrix-mirror", "{\"type\": \"orientedPoint\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, " +
			"\"xyz_rotation_matrix\": [[-1, 0, 0], [0, 1, 0], [0, 0, 1]]}");
		write(t, "hostile-number-range", "{\"type\": \"point\", \"location\": {\"x\": 1e400, \"y\": NaN, \"z\": 3}}");
		write(t, "hostile-nested-extra", "{\"type\": \"point\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}, \"e\": " +
			nested(500) + "}");
		final StringBuilder lng = new StringBuilder("{\"type\": \"point\", \"note\": \"");
		for (int i = 0; i < 3000; i++)
			lng.append('x');
		write(t, "hostile-long-line", ok + "\n" + lng + "\", \"location\": {\"x\": 1, \"y\": 2, \"z\": 3}}\n" + ok);
	}

	/** Metadata and Discovery seeds from the sample portal run our own writers make, in both layouts. */
	private void portalTree() throws IOException {
		final Path tmp = Files.createTempDirectory("seed-tree");
		try {
			for (final boolean seedLayout : new boolean[] { false, true }) {
				final Path root = tmp.resolve(seedLayout ? "seed" : "current");
				org.cryoet.sample.SamplePortalRun.write(root, seedLayout);
				final java.io.ByteArrayOutputStream tree = new java.io.ByteArrayOutputStream();
				try (java.util.stream.Stream<Path> files = Files.walk(root)) {
					for (final Path f : (Iterable<Path>) files.sorted()::iterator) {
						if (!Files.isRegularFile(f)) continue;
						final String rel = root.relativize(f).toString().replace('\\', '/');
						final String name = f.getFileName().toString();
						final boolean json = name.endsWith(".json") || name.startsWith(".z");
						if (name.endsWith(".json")) {
							final org.cryoet.portal.metadata.MetadataKind k = org.cryoet.portal.metadata.MetadataKind.ofFileName(name);
							final byte[] text = Files.readAllBytes(f);
							final byte[] seed = new byte[text.length + 1];
							seed[0] = (byte) k.ordinal();
							System.arraycopy(text, 0, seed, 1, text.length);
							write("Metadata", (seedLayout ? "seed-" : "current-") + name, seed);
						}
						// Discovery: path NUL content NUL ...; volumes' bytes left out, metadata kept.
						// A volume's chunks add nothing to discovery but time: keep a .zarr's top metadata only.
						final int zarr = rel.indexOf(".zarr/");
						if (zarr >= 0 && rel.substring(zarr + 6).contains("/")) continue;
						tree.write(rel.getBytes(StandardCharsets.UTF_8));
						tree.write(0);
						if (json && Files.size(f) < 4096) tree.write(Files.readAllBytes(f));
						tree.write(0);
					}
				}
				write("Discovery", seedLayout ? "sample-seed-layout" : "sample-current-layout", tree.toByteArray());
			}
		}
		finally {
			try (java.util.stream.Stream<Path> files = Files.walk(tmp)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
			}
		}
		final String t = "Metadata";
		write(t, "hostile-annotation-path-escapes", "\0{\"annotation_object\": {\"id\": \"GO:0022626\", \"name\": " +
			"\"ribosome\"}, \"files\": [{\"format\": \"ndjson\", \"path\": \"../../../etc/passwd\", \"shape\": " +
			"\"Point\", \"is_visualization_default\": true}]}");
		write(t, "hostile-voxel-spacing", "\1{\"voxel_spacing\": -10, \"fiducial_alignment_status\": \"FIDUCIAL\"}");
		write(t, "hostile-nested", "\0{\"annotation_object\": " + nested(3000) + "}");
		write(t, "hostile-nested-list", "\3" + nested(3000));
		write("Discovery", "hostile-annotation-path-escapes", "10000/TS_1/Reconstructions/VoxelSpacing10.000/Annotations/100/" +
			"ribosome-1.0.json\0{\"annotation_object\": {\"id\": \"GO:0022626\", \"name\": \"ribosome\"}, \"files\": " +
			"[{\"format\": \"ndjson\", \"path\": \"../../../../../../../x_point.ndjson\", \"shape\": \"Point\"}]}\0" +
			"x_point.ndjson\0\0");
		write("Discovery", "hostile-nested", "10000/TS_1/run_metadata.json\0{\"run_name\": " + nested(3000) + "}\0");
	}

	private void argumentString() throws IOException {
		final String t = "ArgumentString";
		write(t, "convert", "input='TS_026.zarr',level=2,output='TS_026_bin4.mrc'");
		write(t, "macro-form", "input=[/data/my run/TS_026.zarr] level=2 viewer=none masks");
		write(t, "export", "output='/tmp/out',layout=current,schema=2.0.0,format=ndjson,object_name=ribosome," +
			"authors=\"Jane Doe; John Roe <0000-0002-1825-0097>\",overwrite");
		write(t, "hostile-empty-key", "=x,\n=y");
		write(t, "hostile-unclosed", "input='a,b");
		write(t, "hostile-twice", "a=1,a=2");
	}

	private void storeResponse() throws IOException {
		final String t = "StoreResponse";
		final String listing = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ListBucketResult xmlns=\"http://s3.amazonaws.com/" +
			"doc/2006-03-01/\"><Name>bucket</Name><Prefix>10000/</Prefix><KeyCount>2</KeyCount><MaxKeys>1000</MaxKeys>" +
			"<Delimiter>/</Delimiter><IsTruncated>true</IsTruncated><NextContinuationToken>abc==</NextContinuationToken>" +
			"<Contents><Key>10000/dataset_metadata.json</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified>" +
			"<Size>969</Size></Contents><CommonPrefixes><Prefix>10000/TS_026/</Prefix></CommonPrefixes></ListBucketResult>";
		write(t, "listing", "\0" + listing);
		write(t, "hostile-listing-size", "\0" + listing.replace("<Size>969</Size>", "<Size>99999999999999999999999</Size>"));
		write(t, "hostile-listing-doctype", "\0<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><ListBucketResult>" +
			"&a;</ListBucketResult>");
		final StringBuilder deep = new StringBuilder("\0<ListBucketResult>");
		for (int i = 0; i < 2000; i++)
			deep.append("<Contents>");
		write(t, "hostile-listing-deep", deep.toString());
		write(t, "range", bytes(1, new byte[] { 0, 10, 5 }, "bytes 10-14/100", "hello"));
		write(t, "range-at-end", bytes(1, new byte[] { 0, 10, 8 }, "bytes 10-14/15", "hello"));
		write(t, "hostile-range-digits", bytes(1, new byte[] { 0, 10, 5 }, "bytes 10-99999999999999999999999/100", "hello"));
		write(t, "hostile-range-short", bytes(1, new byte[] { 0, 10, 5 }, "", "hel"));
		write(t, "body", bytes(2, new byte[] { 12, 0, 0, (byte) 0xff, 0 }, "hello", "world!!"));
		write(t, "body-range-ignored", bytes(2, new byte[] { 12, 0, 3, 4, 0 }, "hello", "world!!"));
		write(t, "hostile-body-short", bytes(2, new byte[] { 40, 0, 0, (byte) 0xff, 0 }, "hello"));
		write(t, "hostile-body-huge-length", bytes(2, new byte[] { (byte) 0xfe, (byte) 0xff, 0, (byte) 0xff, 0 }, "hello"));
	}

	private static byte[] bytes(final int selector, final byte[] head, final String... parts) {
		final java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
		b.write(selector);
		b.write(head, 0, head.length);
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) b.write(0);
			final byte[] p = parts[i].getBytes(StandardCharsets.ISO_8859_1);
			b.write(p, 0, p.length);
		}
		return b.toByteArray();
	}

	private static byte[] with(final byte[] b, final int off, final int v) {
		final byte[] c = b.clone();
		ByteBuffer.wrap(c).order(ByteOrder.LITTLE_ENDIAN).putInt(off, v);
		return c;
	}

	/** selector, expected size (little-endian 16 bits, shifted by the selector's top two bits), stored bytes */
	private static byte[] seed(final int selector, final int expected, final byte[] stored) {
		final byte[] s = new byte[3 + stored.length];
		s[0] = (byte) selector;
		s[1] = (byte) expected;
		s[2] = (byte) (expected >> 8);
		System.arraycopy(stored, 0, s, 3, stored.length);
		return s;
	}
}

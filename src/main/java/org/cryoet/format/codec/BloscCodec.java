package org.cryoet.format.codec;

import io.airlift.compress.MalformedInputException;
import io.airlift.compress.lz4.Lz4Decompressor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


import org.cryoet.format.ScratchPool;

/**
 * numcodecs {@code blosc}: the Blosc 1 frame format, in pure Java. Decoding
 * honours the frame's own header (compressor, shuffle, type size, block size,
 * split flag, memcpyed frames), whatever the Zarr metadata says.
 */
public final class BloscCodec implements Codec {

	public enum Cname {
		BLOSCLZ("blosclz", 0), LZ4("lz4", 1), LZ4HC("lz4hc", 1), ZLIB("zlib", 3), ZSTD("zstd", 4);

		final String id;
		final int code;

		Cname(final String id, final int code) {
			this.id = id;
			this.code = code;
		}

		public static Cname of(final String id) {
			for (final Cname c : values())
				if (c.id.equals(id)) return c;
			throw new IllegalArgumentException("unsupported Blosc cname '" + id +
				"' (supported: blosclz, lz4, lz4hc, zlib, zstd)");
		}

		public String id() {
			return id;
		}
	}

	public static final int NOSHUFFLE = 0, SHUFFLE = 1, BITSHUFFLE = 2;

	private static final int MIN_BUFFERSIZE = 128;
	private static final int MAX_SPLITS = 16;
	private static final int L1 = 32 * 1024;

	private final Cname cname;
	private final int clevel;
	private final int shuffle;
	private final int blockSize;
	private final int threads;
	/** Scratch frames for encoding: a few shared by all threads, so a long-running Fiji keeps a bounded amount. */
	private static final ScratchPool ENCODE_BUFFERS = new ScratchPool(Math.max(2, Runtime.getRuntime()
		.availableProcessors()), 256 << 20);
	private final ThreadLocal<Lz4BlockCompressor> lz4 = ThreadLocal.withInitial(Lz4BlockCompressor::new);

	/**
	 * @param blockSize 0 picks one as c-blosc does
	 * @param threads blocks of one frame decoded at once; 1 when chunks are already decoded in parallel
	 */
	public BloscCodec(final Cname cname, final int clevel, final int shuffle, final int blockSize, final int threads) {
		if (clevel < 0 || clevel > 9) throw new IllegalArgumentException("Blosc clevel must be 0..9, got " + clevel);
		if (shuffle < -1 || shuffle > 2) throw new IllegalArgumentException("Blosc shuffle must be 0, 1 or 2, got " + shuffle);
		this.cname = cname;
		this.clevel = clevel;
		this.shuffle = shuffle;
		this.blockSize = blockSize;
		this.threads = Math.max(1, threads);
	}

	public BloscCodec(final Cname cname, final int clevel, final int shuffle) {
		this(cname, clevel, shuffle, 0, 1);
	}

	@Override
	public String toJson() {
		return "{\"blocksize\": " + blockSize + ", \"clevel\": " + clevel + ", \"cname\": \"" + cname.id +
			"\", \"id\": \"blosc\", \"shuffle\": " + shuffle + "}";
	}

	// ---- decoding ----

	@Override
	public byte[] decode(final byte[] frame, final int expectedSize) throws CorruptDataException {
		final BloscHeader h = BloscHeader.read(frame, frame.length);
		if (h.nbytes != expectedSize)
			throw new CorruptDataException("Blosc frame decodes to " + h.nbytes + " bytes, expected " + expectedSize);
		final byte[] out = new byte[h.nbytes];
		decodeInto(frame, h, out, threads);
		return out;
	}

	@Override
	public void decode(final byte[] frame, final byte[] out) throws CorruptDataException {
		decode(frame, frame.length, out, threads);
	}

	@Override
	public void decode(final byte[] frame, final int length, final byte[] out) throws CorruptDataException {
		decode(frame, length, out, threads);
	}

	/** Decodes {@code frame} into {@code out}, which must have the frame's decoded size. */
	public static void decode(final byte[] frame, final byte[] out, final int threads) throws CorruptDataException {
		decode(frame, frame.length, out, threads);
	}

	/** Decodes the frame held in the first {@code length} bytes of {@code frame}. */
	public static void decode(final byte[] frame, final int length, final byte[] out, final int threads)
		throws CorruptDataException
	{
		final BloscHeader h = BloscHeader.read(frame, length);
		if (h.nbytes != out.length)
			throw new CorruptDataException("Blosc frame decodes to " + h.nbytes + " bytes, expected " + out.length);
		decodeInto(frame, h, out, threads);
	}

	private static void decodeInto(final byte[] frame, final BloscHeader h, final byte[] out, final int threads)
		throws CorruptDataException
	{
		if (h.memcpyed()) {
			h.checkMemcpyed();
			System.arraycopy(frame, BloscHeader.SIZE, out, 0, h.nbytes);
			return;
		}
		final int nblocks = h.checkedBlockCount();
		inParallel(Math.min(threads, nblocks), (first, step) -> decodeShare(frame, h, out, first, step));
	}

	/** One thread's share of a frame's blocks: the {@code first}-th, then every {@code step}-th. */
	private interface Share {

		void decode(int first, int step) throws CorruptDataException;
	}

	/**
	 * Runs {@code tasks} shares at once, the calling thread taking one too (as
	 * c-blosc's does); the first failure is thrown once all have ended.
	 */
	private static void inParallel(final int tasks, final Share share) throws CorruptDataException {
		if (tasks <= 1) {
			share.decode(0, 1);
			return;
		}
		final List<Future<?>> futures = new ArrayList<>(tasks - 1);
		for (int t = 1; t < tasks; t++) {
			final int first = t;
			futures.add(DECODERS.submit(() -> {
				share.decode(first, tasks);
				return null;
			}));
		}
		// the calling thread's failure too waits for the helpers: none may still write into the caller's buffers
		Throwable failure = null;
		try {
			share.decode(0, tasks);
		}
		catch (final CorruptDataException | RuntimeException | Error e) {
			failure = e;
		}
		// An interrupt does not stop the wait: the helpers decode one frame, briefly, into the caller's buffers.
		// The frame is then whole; the interrupt is kept for the caller's next blocking call to see.
		boolean interrupted = false;
		for (final Future<?> f : futures)
			while (true) {
				try {
					f.get();
					break;
				}
				catch (final InterruptedException e) {
					interrupted = true;
				}
				catch (final ExecutionException e) {
					if (failure == null) failure = e.getCause();
					break;
				}
			}
		if (interrupted) Thread.currentThread().interrupt();
		if (failure == null) return;
		if (failure instanceof CorruptDataException) throw (CorruptDataException) failure;
		if (failure instanceof BlockReadFailure) throw (BlockReadFailure) failure;
		if (failure instanceof Error) throw (Error) failure;
		throw new CorruptDataException("Blosc decoding failed: " + failure, failure);
	}

	/** A read of a block's stored bytes failed (an I/O error, not bad data): carried out of a {@link Share}. */
	private static final class BlockReadFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BlockReadFailure(final java.io.IOException e) {
			super(e);
		}
	}

	/** Receives decoded bytes of a frame as they come out of the decoder, a block at a time. */
	public interface BlockSink {

		/**
		 * Bytes {@code [start, start + length)} of the decoded data, held in
		 * {@code data} from {@code offset}; valid only during the call. Called
		 * from several threads at once when the frame is decoded by several.
		 */
		void accept(byte[] data, int offset, int start, int length) throws CorruptDataException;
	}

	/**
	 * Decodes a frame block by block into a small buffer per thread and hands
	 * each block to {@code sink}, so a reader converting into its own array
	 * never writes (and reads back) a chunk-sized buffer: for a 64 MiB chunk
	 * that is 128 MiB of memory traffic saved. Each block handed over starts
	 * at a multiple of {@code align} and spans a multiple of it (a frame whose
	 * block size is not one is handed over whole). Only the blocks holding
	 * decoded bytes {@code [from, to)} are decoded, as {@link #decodeRange}
	 * does for a frame read by parts.
	 */
	public void decodeBlocks(final byte[] frame, final int length, final int expectedSize, final int align,
		final int from, final int to, final BlockSink sink) throws CorruptDataException
	{
		if (from < 0 || to > expectedSize || from > to)
			throw new IllegalArgumentException("bytes " + from + ".." + to + " of " + expectedSize);
		final BloscHeader h = BloscHeader.read(frame, length);
		if (h.nbytes != expectedSize)
			throw new CorruptDataException("Blosc frame decodes to " + h.nbytes + " bytes, expected " + expectedSize);
		if (h.memcpyed()) {
			h.checkMemcpyed();
			if (h.nbytes > 0) sink.accept(frame, BloscHeader.SIZE, 0, h.nbytes);
			return;
		}
		final int nblocks = h.checkedBlockCount();
		if (align > 1 && h.blockSize % align != 0) {
			final byte[] whole = new byte[h.nbytes];
			decodeInto(frame, h, whole, threads);
			sink.accept(whole, 0, 0, whole.length);
			return;
		}
		if (from == to) return;
		final int firstBlock = from / h.blockSize, blocks = (to - 1) / h.blockSize - firstBlock + 1;
		inParallel(Math.min(threads, blocks), (first, step) -> sinkBlocks(frame, h, firstBlock, blocks, first, step,
			sink));
	}

	/**
	 * {@link #decodeBlocks(byte[], int, int, int, int, int, BlockSink)} for a
	 * frame read by parts (a local file): each block's stored bytes are read
	 * into a small buffer per thread and decoded from there, so the frame is
	 * not held whole (except a frame stored uncompressed or whose blocks split
	 * elements) and no pooled chunk-sized buffer (56 MB for a portal chunk)
	 * is filled and kept. A block's data run to the next block's start, as in
	 * {@link #decodeRange}, so a corrupt frame whose block runs into
	 * another's is refused here.
	 */
	public void decodeBlocks(final FrameRanges frame, final int expectedSize, final int align, final int from,
		final int to, final BlockSink sink) throws java.io.IOException
	{
		if (from < 0 || to > expectedSize || from > to)
			throw new IllegalArgumentException("bytes " + from + ".." + to + " of " + expectedSize);
		final BloscHeader h = readHeader(frame, expectedSize);
		if (h.memcpyed() || align > 1 && h.blockSize % align != 0) {
			// stored uncompressed, or blocks that would split elements: read whole
			final byte[] all = frame.read(0, (int) frame.size());
			decodeBlocks(all, all.length, expectedSize, align, from, to, sink);
			return;
		}
		streamBlocks(frame, h, from, to, threads, sink);
	}

	/** The header of a frame read by parts, which must decode to {@code expectedSize} bytes. */
	private static BloscHeader readHeader(final FrameRanges frame, final int expectedSize) throws java.io.IOException {
		final long size = frame.size();
		if (size > Integer.MAX_VALUE) throw new CorruptDataException("Blosc frame larger than 2 GiB");
		final BloscHeader h = BloscHeader.read(frame.read(0, (int) Math.min(size, BloscHeader.SIZE)), (int) size);
		if (h.nbytes != expectedSize)
			throw new CorruptDataException("Blosc frame decodes to " + h.nbytes + " bytes, expected " + expectedSize);
		return h;
	}

	/**
	 * The blocks holding decoded bytes {@code [from, to)} of a compressed
	 * frame read by parts, each read into a reused buffer and decoded on one
	 * of {@code threads}.
	 */
	private static void streamBlocks(final FrameRanges frame, final BloscHeader h, final int from, final int to,
		final int threads, final BlockSink sink) throws java.io.IOException
	{
		final int nblocks = h.checkedBlockCount();
		if (from == to) return;
		final byte[] starts = frame.read(BloscHeader.SIZE, 4 * nblocks);
		final int[] ends = blockEnds(starts, nblocks, h);
		final int firstBlock = from / h.blockSize, blocks = (to - 1) / h.blockSize - firstBlock + 1;
		try {
			inParallel(Math.min(threads, blocks), (first, step) -> {
				final Scratch s = new Scratch(h.blockSize);
				final byte[] block = BLOCKS.get().take(h.blockSize);
				final BlockBuffer stored = STORED_BLOCKS.get();
				for (int b = firstBlock + first; b < firstBlock + blocks; b += step) {
					final int start = BloscHeader.readInt(starts, 4 * b), end = ends[b];
					if (start < BloscHeader.SIZE + 4 * nblocks || start >= end)
						throw new CorruptDataException("Blosc block " + b + " starts outside the frame");
					final byte[] window = stored.atLeast(end - start);
					try {
						frame.read(start, window, end - start);
					}
					catch (final CorruptDataException e) {
						throw e;
					}
					catch (final java.io.IOException e) {
						throw new BlockReadFailure(e);
					}
					decodeBlock(window, start, end - start, h, b, start, block, 0, s);
					final int blockStart = b * h.blockSize;
					sink.accept(block, 0, blockStart, Math.min(h.blockSize, h.nbytes - blockStart));
				}
			});
		}
		catch (final BlockReadFailure e) {
			throw (java.io.IOException) e.getCause();
		}
	}

	/**
	 * Where each block's stored data end: at the next block's start (c-blosc
	 * writes a frame's blocks one after another, in any order when it
	 * compresses on several threads), the last one at the frame's end, and
	 * never more than {@link #maxStoredBlock} after its start: a hostile frame
	 * whose blocks share one start would otherwise have each block read the
	 * rest of the file.
	 */
	private static int[] blockEnds(final byte[] starts, final int nblocks, final BloscHeader h) {
		final int cbytes = h.cbytes;
		final long most = maxStoredBlock(h);
		final long[] byStart = new long[nblocks];
		for (int b = 0; b < nblocks; b++)
			byStart[b] = (long) BloscHeader.readInt(starts, 4 * b) << 32 | b;
		java.util.Arrays.sort(byStart);
		final int[] ends = new int[nblocks];
		int next = cbytes;
		for (int i = nblocks - 1; i >= 0; i--) {
			final int start = (int) (byStart[i] >> 32);
			// blocks sharing a start end where the next larger start begins
			if (i < nblocks - 1 && (int) (byStart[i + 1] >> 32) > start) next = Math.min(cbytes, (int) (byStart[i +
				1] >> 32));
			ends[(int) byStart[i]] = (int) Math.min(next, Math.max(start, 0) + most);
		}
		return ends;
	}

	/**
	 * The most stored bytes a block can take: each split is stored as is when
	 * it would not shrink (4-byte length included); doubled, so no real frame
	 * comes near it while a hostile one reads at most twice its decoded size.
	 */
	private static long maxStoredBlock(final BloscHeader h) {
		return 2L * h.blockSize + 4L * MAX_SPLITS;
	}

	/** Blocks {@code firstBlock + first}, then every {@code step}-th, of the {@code blocks} wanted. */
	private static void sinkBlocks(final byte[] frame, final BloscHeader h, final int firstBlock, final int blocks,
		final int first, final int step, final BlockSink sink) throws CorruptDataException
	{
		final Scratch s = new Scratch(h.blockSize);
		final byte[] block = BLOCKS.get().take(h.blockSize);
		for (int b = firstBlock + first; b < firstBlock + blocks; b += step) {
			decodeBlock(frame, 0, frame.length, h, b, BloscHeader.readInt(frame, BloscHeader.SIZE + 4 * b), block, 0, s);
			final int start = b * h.blockSize;
			sink.accept(block, 0, start, Math.min(h.blockSize, h.nbytes - start));
		}
	}

	/**
	 * A block-sized buffer per thread, kept while blocks stay the same size
	 * (256 KiB for the portal's chunks); one above 4 MiB is not kept, so Fiji's
	 * threads hold little between reads.
	 */
	private static final ThreadLocal<BlockBuffer> BLOCKS = ThreadLocal.withInitial(BlockBuffer::new);

	/** A buffer per thread for a block's stored bytes, read by parts (see {@link BlockBuffer}). */
	private static final ThreadLocal<BlockBuffer> STORED_BLOCKS = ThreadLocal.withInitial(BlockBuffer::new);

	private static final class BlockBuffer {

		private byte[] bytes = new byte[0];

		byte[] take(final int size) {
			if (size > 4 << 20) return new byte[size];
			if (bytes.length != size) bytes = new byte[size];
			return bytes;
		}

		/** A buffer of at least {@code size} bytes, kept when it is at most 4 MiB. */
		byte[] atLeast(final int size) {
			if (size > 4 << 20) return new byte[size];
			if (bytes.length < size) bytes = new byte[Math.max(size, Math.min(4 << 20, bytes.length * 2))];
			return bytes;
		}
	}

	/** Byte ranges of a stored frame: a file read by position, an HTTP range request. */
	public interface FrameRanges {

		/** The frame's length in bytes (the stored chunk's size). */
		long size() throws java.io.IOException;

		/** Exactly {@code length} bytes from {@code offset}. */
		byte[] read(long offset, int length) throws java.io.IOException;

		/** Exactly {@code length} bytes from {@code offset} into the start of {@code dst}, a reused buffer. */
		default void read(final long offset, final byte[] dst, final int length) throws java.io.IOException {
			System.arraycopy(read(offset, length), 0, dst, 0, length);
		}
	}

	/**
	 * Decodes the decoded bytes {@code [from, to)} of a frame (which must
	 * decode to {@code expectedSize} bytes) into {@code out}
	 * at {@code outOff}, reading only its header, its block offsets and the
	 * blocks that hold those bytes: one z-plane of a 256³ float chunk is one
	 * 256 KiB block of 256, so a slice costs a 256th of the chunk.
	 */
	public static void decodeRange(final FrameRanges frame, final int expectedSize, final int from, final int to,
		final byte[] out, final int outOff) throws java.io.IOException
	{
		final BloscHeader h = readHeader(frame, expectedSize);
		if (from < 0 || to > h.nbytes || from > to)
			throw new CorruptDataException("bytes " + from + ".." + to + " are outside the frame's " + h.nbytes);
		if (from == to) return;
		if (h.memcpyed()) {
			h.checkMemcpyed();
			System.arraycopy(frame.read(BloscHeader.SIZE + (long) from, to - from), 0, out, outOff, to - from);
			return;
		}
		streamBlocks(frame, h, from, to, 1, (block, offset, blockStart, length) -> {
			final int lo = Math.max(from, blockStart), hi = Math.min(to, blockStart + length);
			System.arraycopy(block, offset + lo - blockStart, out, outOff + lo - from, hi - lo);
		});
	}

	/** Helpers for decoding the blocks of one large frame at once; daemon threads, so they never keep a JVM alive. */
	private static final ExecutorService DECODERS = Executors.newCachedThreadPool(r -> {
		final Thread t = new Thread(r, "cryoet-blosc");
		t.setDaemon(true);
		return t;
	});

	private static void decodeShare(final byte[] frame, final BloscHeader h, final byte[] out, final int first,
		final int step) throws CorruptDataException
	{
		final Scratch s = new Scratch(h.blockSize);
		for (int b = first; b < h.blockCount(); b += step)
			decodeBlock(frame, h, b, out, s);
	}

	/** Per-thread buffer for a block before unshuffling. */
	private static final class Scratch {

		final byte[] tmp;
		/** Where each byte stream of a 4-byte split block lies: in the frame or in {@link #tmp}. */
		final byte[][] streams = new byte[4][];
		final int[] streamOffsets = new int[4];

		Scratch(final int blockSize) {
			tmp = new byte[blockSize];
		}
	}

	private static void decodeBlock(final byte[] frame, final BloscHeader h, final int b, final byte[] out,
		final Scratch s) throws CorruptDataException
	{
		decodeBlock(frame, 0, frame.length, h, b, BloscHeader.readInt(frame, BloscHeader.SIZE + 4 * b), out, b *
			h.blockSize, s);
	}

	/**
	 * Decodes block {@code b}, whose compressed data start at frame byte
	 * {@code start}, into {@code out} at {@code dstOff}. The first
	 * {@code window} bytes of {@code frame} hold the frame's bytes from
	 * {@code base} on (all of it, or a window read by range).
	 */
	private static void decodeBlock(final byte[] frame, final int base, final int window, final BloscHeader h,
		final int b, final int start, final byte[] out, final int dstOff, final Scratch s) throws CorruptDataException
	{
		final int end = Math.min(h.cbytes, base + window);
		final int blockStart = b * h.blockSize;
		final boolean leftover = b == h.blockCount() - 1 && h.nbytes % h.blockSize != 0;
		final int bsize = leftover ? h.nbytes - blockStart : h.blockSize;
		final boolean doShuffle = h.byteShuffle() && h.typeSize > 1;
		final boolean doBitShuffle = h.bitShuffle() && bsize >= h.typeSize;
		final byte[] target = doShuffle || doBitShuffle ? s.tmp : out;
		final int targetOff = target == out ? dstOff : 0;

		final int nsplits = !h.dontSplit() && h.typeSize <= MAX_SPLITS && bsize / h.typeSize >= MIN_BUFFERSIZE &&
			!leftover ? h.typeSize : 1;
		final int neblock = bsize / nsplits;
		// float32 split in 4 byte streams: a stream stored as is (noisy mantissa bytes) is unshuffled from the frame itself
		final boolean streams = doShuffle && h.typeSize == 4 && nsplits == 4;
		int src = start;
		int t = targetOff;
		for (int j = 0; j < nsplits; j++) {
			if (src < Math.max(BloscHeader.SIZE, base) || src > end - 4)
				throw new CorruptDataException("Blosc block " + b + " starts outside the frame");
			final int cbytes = BloscHeader.readInt(frame, src - base);
			src += 4;
			if (cbytes < 0 || cbytes > end - src)
				throw new CorruptDataException("Blosc block " + b + " claims " + cbytes + " bytes past the end of the frame");
			final int n;
			if (cbytes == neblock && streams) {
				s.streams[j] = frame;
				s.streamOffsets[j] = src - base;
				n = neblock;
			}
			else if (cbytes == neblock) {
				System.arraycopy(frame, src - base, target, t, neblock);
				n = neblock;
			}
			else {
				n = decompress(h.compressorCode(), frame, src - base, cbytes, target, t, neblock);
				if (streams) {
					s.streams[j] = target;
					s.streamOffsets[j] = t;
				}
			}
			if (n != neblock)
				throw new CorruptDataException("Blosc block " + b + " decodes to " + n + " bytes, expected " + neblock);
			src += cbytes;
			t += neblock;
		}
		if (streams) Shuffle.unshuffle4(neblock, s.streams, s.streamOffsets, out, dstOff);
		else if (doShuffle) Shuffle.byteUnshuffle(h.typeSize, bsize, s.tmp, 0, out, dstOff);
		else if (doBitShuffle) Shuffle.bitUnshuffle(h.typeSize, bsize, s.tmp, 0, out, dstOff);
	}

	private static int decompress(final int code, final byte[] in, final int off, final int len, final byte[] out,
		final int outOff, final int maxOut) throws CorruptDataException
	{
		switch (code) {
			case 0:
				return BloscLz.decompress(in, off, len, out, outOff, maxOut);
			case 1:
				// A corrupt block's match at offset 0 (which the LZ4 format forbids) is copied by aircompressor from
				// the output position itself: zeroed first, such a block decodes the same wherever it is decoded
				// (by range or whole, into fresh or reused buffers), never to bytes left by another block.
				// Zeroing costs a few percent; scanning the block for such offsets cost 18 % of a level read.
				java.util.Arrays.fill(out, outOff, outOff + maxOut, (byte) 0);
				try {
					return new Lz4Decompressor().decompress(in, off, len, out, outOff, maxOut);
				}
				catch (final MalformedInputException | IllegalArgumentException | IndexOutOfBoundsException e) {
					throw new CorruptDataException("invalid LZ4 block in Blosc frame: " + e.getMessage(), e);
				}
			case 3: {
				final byte[] inflated = ZlibCodec.inflate(in, off, len, maxOut, false);
				System.arraycopy(inflated, 0, out, outOff, maxOut);
				return maxOut;
			}
			case 4:
				return ZstdCodec.decompress(in, off, len, out, outOff, maxOut);
			case 2:
				throw new CorruptDataException("Blosc frame uses snappy, which this reader does not support");
			default:
				throw new CorruptDataException("Blosc frame names unknown compressor code " + code);
		}
	}

	// ---- encoding ----

	@Override
	public byte[] encode(final byte[] raw, final int typeSize) throws CorruptDataException {
		final int ts = Math.min(Math.max(typeSize, 1), 255);
		final int nbytes = raw.length;
		final int bs = blockSize(ts, nbytes);
		final int nblocks = nbytes == 0 ? 0 : (nbytes + bs - 1) / bs;
		// c-blosc's default (forward-compatible) split rule
		final boolean split = cname.code != Cname.ZSTD.code && ts <= MAX_SPLITS && bs / ts >= MIN_BUFFERSIZE;
		int flags = cname.code << 5;
		if (shuffle == SHUFFLE) flags |= BloscHeader.DOSHUFFLE;
		if (shuffle == BITSHUFFLE) flags |= BloscHeader.DOBITSHUFFLE;
		if (!split) flags |= BloscHeader.DONT_SPLIT;

		final int cap = BloscHeader.SIZE + 4 * nblocks + nbytes + 4 * nblocks * MAX_SPLITS + 64;
		// A reused scratch frame: only the exact-size copy returned at the end is allocated per call.
		final byte[] out = ENCODE_BUFFERS.take(cap, false);
		try {
			return encodeInto(raw, ts, bs, nbytes, nblocks, flags, split, out);
		}
		finally {
			ENCODE_BUFFERS.give(out);
		}
	}

	private byte[] encodeInto(final byte[] raw, final int ts, final int bs, final int nbytes, final int nblocks,
		final int flags, final boolean split, final byte[] out) throws CorruptDataException
	{
		int op = BloscHeader.SIZE + 4 * nblocks;
		final byte[] shuffled = new byte[bs];
		final byte[] work = new byte[maxCompressed(bs)];
		for (int b = 0; b < nblocks; b++) {
			final int off = b * bs;
			final boolean leftover = b == nblocks - 1 && nbytes % bs != 0;
			final int bsize = leftover ? nbytes - off : bs;
			BloscHeader.writeInt(out, BloscHeader.SIZE + 4 * b, op);
			final byte[] src;
			int srcOff;
			if (shuffle == SHUFFLE && ts > 1) {
				Shuffle.byteShuffle(ts, bsize, raw, off, shuffled, 0);
				src = shuffled;
				srcOff = 0;
			}
			else if (shuffle == BITSHUFFLE && bsize >= ts) {
				Shuffle.bitShuffle(ts, bsize, raw, off, shuffled, 0);
				src = shuffled;
				srcOff = 0;
			}
			else {
				src = raw;
				srcOff = off;
			}
			final int nsplits = split && !leftover ? ts : 1;
			final int neblock = bsize / nsplits;
			for (int j = 0; j < nsplits; j++, srcOff += neblock) {
				int cbytes = clevel == 0 ? -1 : compress(src, srcOff, neblock, work);
				if (cbytes < 0 || cbytes >= neblock) cbytes = neblock; // stored as is
				BloscHeader.writeInt(out, op, cbytes);
				op += 4;
				System.arraycopy(cbytes == neblock ? src : work, cbytes == neblock ? srcOff : 0, out, op, cbytes);
				op += cbytes;
			}
		}
		if (op >= nbytes + BloscHeader.SIZE) return memcpyed(raw, ts, bs, flags);
		out[0] = 2;
		out[1] = 1; // every codec's format version in c-blosc 1.x
		out[2] = (byte) flags;
		out[3] = (byte) ts;
		BloscHeader.writeInt(out, 4, nbytes);
		BloscHeader.writeInt(out, 8, bs);
		BloscHeader.writeInt(out, 12, op);
		return java.util.Arrays.copyOf(out, op);
	}

	private static byte[] memcpyed(final byte[] raw, final int ts, final int bs, final int flags) {
		final byte[] out = new byte[BloscHeader.SIZE + raw.length];
		out[0] = 2;
		out[1] = 1;
		out[2] = (byte) ((flags & 0xe0) | BloscHeader.MEMCPYED | BloscHeader.DONT_SPLIT);
		out[3] = (byte) ts;
		BloscHeader.writeInt(out, 4, raw.length);
		BloscHeader.writeInt(out, 8, bs);
		BloscHeader.writeInt(out, 12, out.length);
		System.arraycopy(raw, 0, out, BloscHeader.SIZE, raw.length);
		return out;
	}

	private int maxCompressed(final int n) {
		return n + n / 255 + 64 + (cname == Cname.ZSTD ? n / 8 + 512 : 0) + (cname == Cname.ZLIB ? n / 100 + 64 : 0);
	}

	/** @return compressed length, or -1 when it does not fit */
	private int compress(final byte[] src, final int off, final int len, final byte[] work) {
		switch (cname) {
			case BLOSCLZ:
				return BloscLz.compress(src, off, len, work, 0, work.length);
			case LZ4: // c-blosc's acceleration for lz4
				return lz4.get().compress(src, off, len, work, 0, work.length, 10 - clevel);
			case LZ4HC: // plain LZ4 output is a valid LZ4HC stream: the decoder is the same
				return lz4.get().compress(src, off, len, work, 0, work.length, 1);
			case ZLIB: {
				final byte[] z = ZlibCodec.deflate(src, off, len, clevel, false);
				if (z.length > work.length) return -1;
				System.arraycopy(z, 0, work, 0, z.length);
				return z.length;
			}
			case ZSTD: {
				final byte[] z = ZstdCodec.compress(src, off, len);
				if (z.length > work.length) return -1;
				System.arraycopy(z, 0, work, 0, z.length);
				return z.length;
			}
			default:
				throw new IllegalStateException(cname.toString());
		}
	}

	/** The block size c-blosc 1.x would choose, unless one was forced. */
	private int blockSize(final int ts, final int nbytes) {
		if (nbytes < ts) return Math.max(nbytes, 1);
		int bs = nbytes;
		if (blockSize > 0) {
			bs = Math.max(blockSize, MIN_BUFFERSIZE);
		}
		else if (nbytes >= L1) {
			bs = L1;
			if (cname.code == 3 || cname.code == 4 || cname == Cname.LZ4HC) bs *= 2;
			final int[] factor = { -4, -2, 1, 2, 4, 4, 8, 8, 8, 8 };
			bs = factor[clevel] < 0 ? bs / -factor[clevel] : bs * factor[clevel];
			if (clevel == 9 && (cname.code == 3 || cname.code == 4 || cname == Cname.LZ4HC)) bs *= 2;
		}
		final boolean split = cname.code != Cname.ZSTD.code && ts <= MAX_SPLITS && bs / ts >= MIN_BUFFERSIZE;
		if (clevel > 0 && split && blockSize == 0) {
			bs = Math.min(bs, 1 << 18) * ts;
			bs = Math.max(bs, 1 << 16);
			bs = Math.min(bs, 1 << 20);
		}
		if (bs > nbytes) bs = nbytes;
		if (bs > ts) bs = bs / ts * ts;
		return bs;
	}
}

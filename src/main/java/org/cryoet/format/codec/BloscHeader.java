package org.cryoet.format.codec;

/** The 16-byte header that starts every Blosc 1 frame. */
final class BloscHeader {

	static final int SIZE = 16;
	static final int MAX_OVERHEAD = SIZE;

	static final int DOSHUFFLE = 0x1;
	static final int MEMCPYED = 0x2;
	static final int DOBITSHUFFLE = 0x4;
	static final int DONT_SPLIT = 0x10;

	final int version;
	final int flags;
	final int typeSize;
	final int nbytes;
	final int blockSize;
	final int cbytes;

	private BloscHeader(final byte[] b) {
		version = b[0] & 0xff;
		flags = b[2] & 0xff;
		typeSize = b[3] & 0xff;
		nbytes = readInt(b, 4);
		blockSize = readInt(b, 8);
		cbytes = readInt(b, 12);
	}

	/** Parses and checks the header against the frame it heads. */
	static BloscHeader read(final byte[] frame, final int length) throws CorruptDataException {
		if (length < SIZE)
			throw new CorruptDataException("Blosc frame of " + length + " bytes is shorter than its 16-byte header");
		final BloscHeader h = new BloscHeader(frame);
		if (h.version == 0 || h.version > 4)
			throw new CorruptDataException("not a Blosc 1 frame (format version " + h.version + ")");
		if (h.cbytes > length)
			throw new CorruptDataException("Blosc header claims " + h.cbytes + " compressed bytes but only " + length +
				" are present (truncated chunk?)");
		if (h.cbytes < SIZE || h.nbytes < 0 || h.typeSize == 0)
			throw new CorruptDataException("Blosc header is inconsistent (cbytes " + h.cbytes + ", nbytes " + h.nbytes +
				", typesize " + h.typeSize + ")");
		return h;
	}

	/**
	 * Before any block buffer is allocated: c-blosc never writes a block
	 * larger than the frame's data (an empty frame has a block size of 0 or 1).
	 */
	void checkBlockSize() throws CorruptDataException {
		if (memcpyed()) return;
		if (nbytes > 0 ? blockSize <= 0 || blockSize > nbytes : blockSize < 0 || blockSize > 1)
			throw new CorruptDataException("Blosc header has an invalid block size " + blockSize + " for " + nbytes +
				" bytes");
	}

	/** A frame stored uncompressed must hold all its bytes. */
	void checkMemcpyed() throws CorruptDataException {
		if (cbytes < SIZE + nbytes)
			throw new CorruptDataException("memcpyed Blosc frame holds " + (cbytes - SIZE) + " bytes, header claims " +
				nbytes);
	}

	/** The number of blocks, once the block size is valid and the block offsets fit in the frame. */
	int checkedBlockCount() throws CorruptDataException {
		checkBlockSize();
		final int n = blockCount();
		if (SIZE + 4L * n > cbytes) throw new CorruptDataException("Blosc frame too short for its " + n + " block offsets");
		return n;
	}

	boolean memcpyed() {
		return (flags & MEMCPYED) != 0;
	}

	boolean byteShuffle() {
		return (flags & DOSHUFFLE) != 0;
	}

	boolean bitShuffle() {
		return (flags & DOBITSHUFFLE) != 0;
	}

	boolean dontSplit() {
		return (flags & DONT_SPLIT) != 0;
	}

	/** 0 blosclz, 1 lz4 and lz4hc, 2 snappy, 3 zlib, 4 zstd. */
	int compressorCode() {
		return (flags >> 5) & 0x7;
	}

	int blockCount() {
		return nbytes == 0 ? 0 : (nbytes + blockSize - 1) / blockSize;
	}

	static int readInt(final byte[] b, final int off) {
		return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
	}

	static void writeInt(final byte[] b, final int off, final int v) {
		b[off] = (byte) v;
		b[off + 1] = (byte) (v >>> 8);
		b[off + 2] = (byte) (v >>> 16);
		b[off + 3] = (byte) (v >>> 24);
	}
}

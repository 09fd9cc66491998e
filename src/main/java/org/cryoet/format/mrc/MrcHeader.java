package org.cryoet.format.mrc;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;

/** The 1024-byte MRC2014 main header. Fields keep the file's names. */
public final class MrcHeader {

	public static final int SIZE = 1024;

	public int nx, ny, nz, mode;
	public int nxstart, nystart, nzstart;
	public int mx, my, mz;
	public float[] cella = new float[3];
	public float[] cellb = { 90, 90, 90 };
	public int mapc = 1, mapr = 2, maps = 3;
	public float dmin, dmax, dmean;
	public int ispg = 1;
	public int nsymbt;
	public byte[] extra = new byte[100];
	public String exttyp = "MRCO";
	public int nversion = 20140;
	public float[] origin = new float[3];
	public byte[] machst = { 0x44, 0x44, 0, 0 };
	public float rms;
	public String[] labels = new String[0];
	public ByteOrder order = ByteOrder.LITTLE_ENDIAN;
	/** Whether the file carries MRC2014's "MAP " stamp (older files may lack it). */
	public boolean hasMapStamp = true;

	/** Modes any MRC writer has used (supported or not): a header with another mode is not an MRC header. */
	private static final java.util.Set<Integer> KNOWN_MODES = java.util.Set.of(0, 1, 2, 3, 4, 6, 12, 16, 101);
	/** No axis of a real map comes near this; text read as a header does. */
	private static final int MAX_PLAUSIBLE_SIZE = 1 << 20;

	/** @param where the file, for messages */
	public static MrcHeader read(final byte[] b, final String where) throws FormatException {
		if (b.length < SIZE) throw new FormatException(where + ": " + b.length + " bytes, shorter than an MRC header");
		final MrcHeader h = new MrcHeader();
		h.order = byteOrder(b);
		final ByteBuffer bb = ByteBuffer.wrap(b, 0, SIZE).order(h.order);
		h.nx = bb.getInt(0);
		h.ny = bb.getInt(4);
		h.nz = bb.getInt(8);
		h.mode = bb.getInt(12);
		h.nxstart = bb.getInt(16);
		h.nystart = bb.getInt(20);
		h.nzstart = bb.getInt(24);
		h.mx = bb.getInt(28);
		h.my = bb.getInt(32);
		h.mz = bb.getInt(36);
		for (int i = 0; i < 3; i++) {
			h.cella[i] = bb.getFloat(40 + 4 * i);
			h.cellb[i] = bb.getFloat(52 + 4 * i);
		}
		h.mapc = bb.getInt(64);
		h.mapr = bb.getInt(68);
		h.maps = bb.getInt(72);
		h.dmin = bb.getFloat(76);
		h.dmax = bb.getFloat(80);
		h.dmean = bb.getFloat(84);
		h.ispg = bb.getInt(88);
		h.nsymbt = bb.getInt(92);
		System.arraycopy(b, 96, h.extra, 0, 100);
		h.exttyp = new String(b, 104, 4, StandardCharsets.ISO_8859_1);
		h.nversion = bb.getInt(108);
		for (int i = 0; i < 3; i++)
			h.origin[i] = bb.getFloat(196 + 4 * i);
		h.machst = new byte[] { b[212], b[213], b[214], b[215] };
		h.rms = bb.getFloat(216);
		final int nlabl = Math.max(0, Math.min(10, bb.getInt(220)));
		h.labels = new String[nlabl];
		for (int i = 0; i < nlabl; i++)
			h.labels[i] = new String(b, 224 + 80 * i, 80, StandardCharsets.ISO_8859_1).trim();
		h.hasMapStamp = b[208] == 'M' && b[209] == 'A' && b[210] == 'P';
		h.check(where);
		return h;
	}

	/** The machine stamp decides; a missing stamp (old files) is resolved by which order gives a sane mode. */
	private static ByteOrder byteOrder(final byte[] b) {
		final int s = b[212] & 0xff;
		if (s == 0x44 || s == 0x41) return ByteOrder.LITTLE_ENDIAN;
		if (s == 0x11) return ByteOrder.BIG_ENDIAN;
		final int le = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt(12);
		return le >= 0 && le < 1000 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
	}

	private void check(final String where) throws FormatException {
		final boolean plausible = KNOWN_MODES.contains(mode) && nx > 0 && ny > 0 && nz > 0 && nx <= MAX_PLAUSIBLE_SIZE &&
			ny <= MAX_PLAUSIBLE_SIZE && nz <= MAX_PLAUSIBLE_SIZE;
		if (!plausible) throw new FormatException(where + ": not an MRC file (" + (hasMapStamp ? ""
			: "no \"MAP \" stamp at byte 208 and ") + "an implausible header: mode " + mode + ", size " + nx + " x " + ny +
			" x " + nz + "); expected an MRC2014 map, image stack or tomogram");
		if (nsymbt < 0) throw new FormatException(where + ": negative extended header size " + nsymbt);
		MrcMode.dataType(mode, where); // rejects unsupported modes
		final int[] m = { mapc, mapr, maps };
		final boolean perm = m[0] != m[1] && m[1] != m[2] && m[0] != m[2] && inAxes(m[0]) && inAxes(m[1]) && inAxes(m[2]);
		if (!perm) throw new FormatException(where + ": mapc/mapr/maps " + mapc + "," + mapr + "," + maps +
			" is not a permutation of 1,2,3");
	}

	private static boolean inAxes(final int a) {
		return a >= 1 && a <= 3;
	}

	public long dataOffset() {
		return SIZE + (long) nsymbt;
	}

	public DataType dataType() {
		try {
			return MrcMode.dataType(mode, "");
		}
		catch (final FormatException e) {
			throw new IllegalStateException(e);
		}
	}

	public long dataBytes() {
		return (long) nx * ny * nz * dataType().bytes();
	}

	/** Voxel size in Å along X, Y, Z ({@code cella / m}); NaN where undefined (cella or m not finite and positive). */
	public double[] voxelSize() {
		final int[] m = { mx, my, mz };
		final double[] v = new double[3];
		for (int i = 0; i < 3; i++)
			v[i] = m[i] > 0 && cella[i] > 0 && Float.isFinite(cella[i]) ? cella[i] / (double) m[i] : Double.NaN;
		return v;
	}

	public byte[] toBytes() {
		final byte[] b = new byte[SIZE];
		final ByteBuffer bb = ByteBuffer.wrap(b).order(order);
		bb.putInt(0, nx).putInt(4, ny).putInt(8, nz).putInt(12, mode);
		bb.putInt(16, nxstart).putInt(20, nystart).putInt(24, nzstart);
		bb.putInt(28, mx).putInt(32, my).putInt(36, mz);
		for (int i = 0; i < 3; i++) {
			bb.putFloat(40 + 4 * i, cella[i]);
			bb.putFloat(52 + 4 * i, cellb[i]);
		}
		bb.putInt(64, mapc).putInt(68, mapr).putInt(72, maps);
		bb.putFloat(76, dmin).putFloat(80, dmax).putFloat(84, dmean);
		bb.putInt(88, ispg).putInt(92, nsymbt);
		System.arraycopy(extra, 0, b, 96, 100);
		final byte[] et = (exttyp + "    ").substring(0, 4).getBytes(StandardCharsets.ISO_8859_1);
		System.arraycopy(et, 0, b, 104, 4);
		bb.putInt(108, nversion);
		for (int i = 0; i < 3; i++)
			bb.putFloat(196 + 4 * i, origin[i]);
		b[208] = 'M';
		b[209] = 'A';
		b[210] = 'P';
		b[211] = ' ';
		final byte[] stamp = order == ByteOrder.BIG_ENDIAN ? new byte[] { 0x11, 0x11, 0, 0 } : new byte[] { 0x44, 0x44, 0,
			0 };
		System.arraycopy(stamp, 0, b, 212, 4);
		bb.putFloat(216, rms);
		bb.putInt(220, labels.length);
		for (int i = 0; i < labels.length && i < 10; i++) {
			final byte[] l = labels[i].getBytes(StandardCharsets.ISO_8859_1);
			System.arraycopy(l, 0, b, 224 + 80 * i, Math.min(80, l.length));
		}
		return b;
	}
}

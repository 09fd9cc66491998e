package org.cryoet.format.zarr;

import java.nio.ByteOrder;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;

/** A Zarr v2 {@code dtype} string such as {@code "<f4"}: element type and byte order. */
public final class ZarrDtype {

	public final DataType type;
	public final ByteOrder order;

	public ZarrDtype(final DataType type, final ByteOrder order) {
		this.type = type;
		this.order = order;
	}

	public static ZarrDtype parse(final String s) throws FormatException {
		if (s == null || s.length() < 3)
			throw new FormatException("dtype " + s + " is not a simple numeric Zarr dtype");
		final char endian = s.charAt(0);
		final String code = s.substring(1);
		final DataType t;
		switch (code) {
			case "i1": t = DataType.INT8; break;
			case "u1": t = DataType.UINT8; break;
			case "i2": t = DataType.INT16; break;
			case "u2": t = DataType.UINT16; break;
			case "i4": t = DataType.INT32; break;
			case "u4": t = DataType.UINT32; break;
			case "f2": t = DataType.FLOAT16; break;
			case "f4": t = DataType.FLOAT32; break;
			case "f8": t = DataType.FLOAT64; break;
			default:
				throw new FormatException("dtype \"" + s + "\" is not supported (supported: |i1 |u1 <i2 >i2 <u2 >u2 " +
					"<i4 >i4 <u4 >u4 <f2 >f2 <f4 >f4 <f8 >f8)");
		}
		final ByteOrder order;
		if (endian == '<') order = ByteOrder.LITTLE_ENDIAN;
		else if (endian == '>') order = ByteOrder.BIG_ENDIAN;
		else if (endian == '|' && t.bytes() == 1) order = ByteOrder.LITTLE_ENDIAN;
		else throw new FormatException("dtype \"" + s + "\" has an invalid byte-order mark '" + endian + "'");
		return new ZarrDtype(t, order);
	}

	/** The portal's spelling: little-endian, {@code |} for single bytes. */
	public static String format(final DataType t, final ByteOrder order) {
		final String code;
		switch (t) {
			case INT8: code = "i1"; break;
			case UINT8: code = "u1"; break;
			case INT16: code = "i2"; break;
			case UINT16: code = "u2"; break;
			case INT32: code = "i4"; break;
			case UINT32: code = "u4"; break;
			case FLOAT16: code = "f2"; break;
			case FLOAT32: code = "f4"; break;
			default: code = "f8";
		}
		if (t.bytes() == 1) return "|" + code;
		return (order == ByteOrder.BIG_ENDIAN ? ">" : "<") + code;
	}

	@Override
	public String toString() {
		return format(type, order);
	}
}

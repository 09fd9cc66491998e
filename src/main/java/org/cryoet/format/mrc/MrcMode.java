package org.cryoet.format.mrc;

import org.cryoet.format.DataType;
import org.cryoet.format.FormatException;

/** MRC2014 data modes and the element types they hold. */
public final class MrcMode {

	private MrcMode() {}

	public static DataType dataType(final int mode, final String where) throws FormatException {
		switch (mode) {
			case 0: return DataType.INT8;
			case 1: return DataType.INT16;
			case 2: return DataType.FLOAT32;
			case 6: return DataType.UINT16;
			case 12: return DataType.FLOAT16;
			case 3: case 4:
				throw new FormatException(where + ": MRC mode " + mode + " (complex) is not supported; modes 0, 1, 2, 6 and 12 are");
			default:
				throw new FormatException(where + ": MRC mode " + mode + " is not supported; modes 0, 1, 2, 6 and 12 are");
		}
	}

	/** The mode a type is written in, or -1 when the type has none and values decide. */
	public static int of(final DataType t) {
		switch (t) {
			case INT8: return 0;
			case INT16: return 1;
			case FLOAT32: return 2;
			case UINT16: return 6;
			case FLOAT16: return 12;
			default: return -1;
		}
	}
}

package org.cryoet.testutil;

import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.cryoet.format.DataType;

/** The manifest's {@code sha256_le_c_order}: sha256 of the array serialised little-endian in C order. */
public final class Checksums {

	private Checksums() {}

	public static String sha256LeC(final DataType type, final Object data) {
		final int n = java.lang.reflect.Array.getLength(data);
		final byte[] bytes = new byte[n * type.bytes()];
		type.toBytes(data, 0, n, ByteOrder.LITTLE_ENDIAN, bytes, 0);
		return sha256(bytes);
	}

	public static String sha256(final byte[] bytes) {
		final MessageDigest md = digest();
		return hex(md.digest(bytes));
	}

	public static MessageDigest digest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	public static String hex(final byte[] d) {
		final StringBuilder sb = new StringBuilder();
		for (final byte b : d)
			sb.append(String.format("%02x", b & 0xff));
		return sb.toString();
	}
}

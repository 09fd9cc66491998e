package org.cryoet.image;

/** How a pyramid level is made from the one above it. */
public enum Downsampling {
	/** Mean of the block, zero-padded at odd edges (skimage block_reduce, as the portal does). */
	MEAN,
	/** 1 when any voxel of the block is non-zero (the portal's binary masks). */
	ANY,
	/** The block's first voxel, {@code a[::2, ::2, ::2]} (the portal's label masks). */
	NEAREST
}

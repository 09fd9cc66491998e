package bdv.util;

import bdv.viewer.Source;
import mpicbg.spim.data.sequence.VoxelDimensions;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.realtransform.AffineTransform3D;
import net.imglib2.type.numeric.NumericType;

/** Test double; see {@link Recorder}. */
public class RandomAccessibleIntervalMipmapSource<T extends NumericType<T>> implements Source<T> {

	public final RandomAccessibleInterval<T>[] imgs;
	public final T type;
	public final AffineTransform3D[] transforms;
	public final VoxelDimensions voxelDimensions;
	public final String name;

	public RandomAccessibleIntervalMipmapSource(final RandomAccessibleInterval<T>[] imgs, final T type,
		final AffineTransform3D[] mipmapTransforms, final VoxelDimensions voxelDimensions, final String name,
		final boolean doBoundingBoxCulling)
	{
		this.imgs = imgs;
		this.type = type;
		this.transforms = mipmapTransforms;
		this.voxelDimensions = voxelDimensions;
		this.name = name;
	}

	@Override
	public String getName() {
		return name;
	}
}

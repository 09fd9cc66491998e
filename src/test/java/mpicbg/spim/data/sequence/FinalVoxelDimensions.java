package mpicbg.spim.data.sequence;

/** Test double of spim_data's FinalVoxelDimensions. */
public final class FinalVoxelDimensions implements VoxelDimensions {

	private final String unit;
	private final double[] d;

	public FinalVoxelDimensions(final String unit, final double... dimensions) {
		this.unit = unit;
		this.d = dimensions.clone();
	}

	@Override
	public String unit() {
		return unit;
	}

	@Override
	public double dimension(final int i) {
		return d[i];
	}
}

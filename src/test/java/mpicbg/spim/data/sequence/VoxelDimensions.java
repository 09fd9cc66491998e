package mpicbg.spim.data.sequence;

/** Test double of spim_data's VoxelDimensions. */
public interface VoxelDimensions {

	String unit();

	double dimension(int d);
}

package org.cryoet.ui.bdv;

import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Window;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.lang.reflect.Array;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.swing.SwingUtilities;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.converter.Converters;
import net.imglib2.type.numeric.ARGBType;
import net.imglib2.type.volatiles.VolatileARGBType;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.Volatile;

import org.cryoet.image.ChunkCache;
import org.cryoet.image.VolatileLevels;
import org.cryoet.image.VoxelTransform;
import org.cryoet.open.Opened;
import org.cryoet.open.TiltAngles;
import org.cryoet.ui.ij.ImageJDisplay;
import org.cryoet.ui.ij.LabelColors;

/**
 * Shows opened volumes in BigDataViewer: one multiscale source per volume
 * with every level and its voxel→Å transform, volatile so that drawing never
 * waits for data (a block still loading shows the next coarser level), and
 * masks added to their tomogram's window. Uses only {@link BdvBridge}.
 */
public final class BdvViewer {

	/** The window of each run-and-voxel-spacing's tomogram, so that its masks can join it. */
	private static final Map<String, Object> WINDOWS = new ConcurrentHashMap<>();

	private BdvViewer() {}

	/** The BigDataViewer window of a run and voxel spacing's tomogram, or null. */
	public static Object windowOf(final String group) {
		return group == null ? null : WINDOWS.get(group);
	}

	/** Why BigDataViewer cannot be used here, or null when it can. */
	public static String unavailable() {
		return BdvBridge.unavailable();
	}

	/**
	 * Shows the volume, joining the window of its group's tomogram when there
	 * is one (for masks). The window owns the volume: closing it closes the volume.
	 *
	 * @param log where a block that cannot be read is reported (once)
	 * @return the window's handle (a {@code BdvHandle}), for adding more to it through this package
	 */
	public static Object show(final Opened o, final Consumer<String> log) throws Exception {
		final VolatileLevels levels = new VolatileLevels(o.volume, ChunkCache.shared(), log);
		try {
			// Some older BigDataViewers fail on a frame where a pixel is invalid at every level.
			levels.loadCoarsest();
			final Object join = o.kind.isMask() && o.group != null ? WINDOWS.get(o.group) : null;
			final Object stackSource = showSource(o, levels, join);
			final Object handle = BdvBridge.call(BdvBridge.STACK_SOURCE, stackSource, "getBdvHandle", BdvBridge.types());
			if (o.kind == Opened.Kind.SEMANTIC_MASK) {
				BdvBridge.call(BdvBridge.STACK_SOURCE, stackSource, "setColor", BdvBridge.types(
					"net.imglib2.type.numeric.ARGBType"), new ARGBType(ImageJDisplay.MASK_COLOR.getRGB()));
				BdvBridge.call(BdvBridge.STACK_SOURCE, stackSource, "setDisplayRange", BdvBridge.types("double", "double"), 0.0,
					1.0);
			}
			else if (o.kind != Opened.Kind.INSTANCE_MASK) {
				// The brightness dialog's sliders span the data, not the pixel type's whole range.
				BdvBridge.call(BdvBridge.STACK_SOURCE, stackSource, "setDisplayRangeBounds", BdvBridge.types("double",
					"double"), o.range.dataMin, o.range.dataMax > o.range.dataMin ? o.range.dataMax : o.range.dataMin + 1);
				BdvBridge.call(BdvBridge.STACK_SOURCE, stackSource, "setDisplayRange", BdvBridge.types("double", "double"),
					o.range.min, o.range.max);
			}
			dropStaleLoads(handle, levels);
			// BigDataViewer drew a first frame at z = 0 while opening; nobody looks there now.
			levels.dropQueued();
			final Object panel = BdvBridge.call(BdvBridge.HANDLE, handle, "getViewerPanel", BdvBridge.types());
			if (o.tiltAngles != null) drawTiltAngles(panel, o);
			if (o.kind == Opened.Kind.TOMOGRAM && o.group != null) WINDOWS.put(o.group, handle);
			closeWithWindow(panel, levels, o);
			return handle;
		}
		catch (final Exception | Error e) {
			levels.close();
			throw e;
		}
	}

	private static Object showSource(final Opened o, final VolatileLevels levels, final Object join)
		throws ReflectiveOperationException
	{
		final int n = levels.numLevels();
		final Object type;
		final RandomAccessibleInterval<?>[] images = new RandomAccessibleInterval<?>[n];
		if (o.kind == Opened.Kind.INSTANCE_MASK) {
			for (int l = 0; l < n; l++)
				images[l] = labelColours(levels.level(l));
			type = new VolatileARGBType();
		}
		else {
			for (int l = 0; l < n; l++)
				images[l] = levels.level(l);
			type = levels.type();
		}
		final Object transforms = Array.newInstance(BdvBridge.type(BdvBridge.AFFINE), n);
		for (int l = 0; l < n; l++)
			Array.set(transforms, l, BdvBridge.affine(o.volume.transform(l).toXyzAffine()));
		final double[] s0 = o.volume.transform(0).scale();
		final Object voxels = BdvBridge.construct(BdvBridge.FINAL_VOXEL_DIMENSIONS, BdvBridge.types("java.lang.String",
			"[D"), "\u00c5", new double[] { s0[2], s0[1], s0[0] });
		final Object source = BdvBridge.construct(BdvBridge.MIPMAP_SOURCE, BdvBridge.types(
			"[Lnet.imglib2.RandomAccessibleInterval;", "net.imglib2.type.numeric.NumericType", "[L" + BdvBridge.AFFINE + ";",
			BdvBridge.VOXEL_DIMENSIONS, "java.lang.String", "boolean"), images, type, transforms, voxels, o.title, true);
		Object options = BdvBridge.call(BdvBridge.OPTIONS, null, "options", BdvBridge.types());
		options = BdvBridge.call(BdvBridge.OPTIONS, options, "frameTitle", BdvBridge.types("java.lang.String"), o.title);
		if (join != null) options = BdvBridge.call(BdvBridge.OPTIONS, options, "addTo", BdvBridge.types(BdvBridge.BDV),
			join);
		return BdvBridge.call(BdvBridge.FUNCTIONS, null, "show", BdvBridge.types(BdvBridge.SOURCE, BdvBridge.OPTIONS),
			source, options);
	}

	/** Instance labels as colours, validity passed through, so the viewer still never waits. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<VolatileARGBType> labelColours(final RandomAccessibleInterval<?> labels) {
		final int[] table = new int[256];
		for (int i = 1; i < 256; i++)
			table[i] = LabelColors.of(i).getRGB() & 0x00ffffff | 0xff000000;
		return Converters.convert((RandomAccessibleInterval) labels, (a, b) -> {
			final Volatile<? extends IntegerType<?>> v = (Volatile<? extends IntegerType<?>>) a;
			final VolatileARGBType out = (VolatileARGBType) b;
			final long label = v.get().getIntegerLong();
			out.get().set(label == 0 ? 0 : table[(int) (1 + (label - 1) % 255)]);
			out.setValid(v.isValid());
		}, new VolatileARGBType());
	}

	/** Before each frame, forget the loads queued for the last one: the viewer asks again for what it still shows. */
	private static void dropStaleLoads(final Object handle, final VolatileLevels levels) {
		try {
			final Object proxy = BdvBridge.proxy(BdvBridge.CACHE_CONTROL, "CryoET stale-load dropper", (m, args) -> {
				if (m.equals("prepareNextFrame")) levels.dropQueued();
				return null;
			});
			final Object controls = BdvBridge.call(BdvBridge.HANDLE, handle, "getCacheControls", BdvBridge.types());
			BdvBridge.call(BdvBridge.CACHE_CONTROLS, controls, "addCacheControl", BdvBridge.types(BdvBridge.CACHE_CONTROL),
				proxy);
		}
		catch (final ReflectiveOperationException | LinkageError e) {
			// Optional: without it, stale loads still finish, only later than they could.
		}
	}

	/** Draws over a window, knowing the view's world→screen matrix (row-major 3×4) and the canvas size. */
	private interface Painter {

		void paint(Graphics2D g, double[] worldToScreen, int width, int height);
	}

	private static void addOverlay(final Object panel, final String description, final Painter painter)
		throws ReflectiveOperationException
	{
		final int[] canvas = { 800, 600 };
		final Object affine = BdvBridge.construct(BdvBridge.AFFINE, BdvBridge.types());
		final Object proxy = BdvBridge.proxy(BdvBridge.OVERLAY_RENDERER, description, (m, args) -> {
			if (m.equals("setCanvasSize")) {
				canvas[0] = (Integer) args[0];
				canvas[1] = (Integer) args[1];
			}
			else if (m.equals("drawOverlays")) {
				final Object state = BdvBridge.call(BdvBridge.VIEWER_PANEL, panel, "state", BdvBridge.types());
				BdvBridge.call(BdvBridge.VIEWER_STATE, state, "getViewerTransform", BdvBridge.types(BdvBridge.AFFINE), affine);
				painter.paint((Graphics2D) args[0], BdvBridge.matrix(affine), canvas[0], canvas[1]);
			}
			return null;
		});
		final Object display = BdvBridge.call(BdvBridge.VIEWER_PANEL, panel, "getDisplay", BdvBridge.types());
		BdvBridge.call(BdvBridge.DISPLAY, display, "addOverlayRenderer", BdvBridge.types(BdvBridge.OVERLAY_RENDERER),
			proxy);
		BdvBridge.call(BdvBridge.VIEWER_PANEL, panel, "requestRepaint", BdvBridge.types());
	}

	/** The tilt angle of the image in view, drawn in the window's corner. */
	private static void drawTiltAngles(final Object panel, final Opened o) throws ReflectiveOperationException {
		final VoxelTransform t0 = o.volume.transform(0);
		addOverlay(panel, "CryoET tilt angle overlay", (g, v, width, height) -> {
			final double[] world = BdvBridge.applyInverse(v, new double[] { width / 2.0, height / 2.0, 0 });
			final int image = (int) Math.round(t0.toVoxel(new double[] { world[2], world[1], world[0] })[0]);
			if (image < 0 || image >= o.tiltAngles.length) return;
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
			g.setColor(Color.YELLOW);
			g.drawString("tilt " + (image + 1) + "/" + o.tiltAngles.length + ": " + TiltAngles.label(o.tiltAngles[image]),
				12, height - 14);
		});
	}

	private static void closeWithWindow(final Object panel, final VolatileLevels levels, final Opened o) {
		SwingUtilities.invokeLater(() -> {
			final Window w = SwingUtilities.getWindowAncestor((Component) panel);
			if (w == null) return;
			w.addWindowListener(new WindowAdapter() {

				@Override
				public void windowClosed(final WindowEvent e) {
					levels.close();
					WINDOWS.values().remove(panelOwner(panel));
					try {
						o.close();
					}
					catch (final java.io.IOException ex) {
						// closing: nothing left to tell
					}
				}
			});
		});
	}

	private static Object panelOwner(final Object panel) {
		for (final Map.Entry<String, Object> e : WINDOWS.entrySet())
			try {
				if (BdvBridge.call(BdvBridge.HANDLE, e.getValue(), "getViewerPanel", BdvBridge.types()) == panel) return e
					.getValue();
			}
			catch (final ReflectiveOperationException ex) {
				// not ours
			}
		return null;
	}

	/**
	 * Adds points (Å, x y z) to a window as a point source of BigDataViewer's
	 * own, which shows them near the plane in view.
	 *
	 * @param handle a window, as {@link #show} returned it
	 */
	public static void showPoints(final Object handle, final String name, final List<double[]> xyz, final Color color)
		throws ReflectiveOperationException
	{
		final List<net.imglib2.RealPoint> points = new java.util.ArrayList<>();
		for (final double[] p : xyz)
			points.add(new net.imglib2.RealPoint(p[0], p[1], p[2]));
		Object options = BdvBridge.call(BdvBridge.OPTIONS, null, "options", BdvBridge.types());
		options = BdvBridge.call(BdvBridge.OPTIONS, options, "addTo", BdvBridge.types(BdvBridge.BDV), handle);
		final Object source = BdvBridge.call(BdvBridge.FUNCTIONS, null, "showPoints", BdvBridge.types("java.util.List",
			"java.lang.String", BdvBridge.OPTIONS), points, name, options);
		if (source != null) BdvBridge.call(BdvBridge.STACK_SOURCE, source, "setColor", BdvBridge.types(
			"net.imglib2.type.numeric.ARGBType"), new ARGBType(color.getRGB()));
	}

	/**
	 * Draws line segments (Å, x y z: {@code from[i]} to {@code to[i]}) over a
	 * window, those within {@code nearAngstrom} of the plane in view, fading
	 * with distance: for example the axes of oriented particles.
	 */
	public static void showSegments(final Object handle, final List<double[]> from, final List<double[]> to,
		final List<Color> colors, final double nearAngstrom) throws ReflectiveOperationException
	{
		final Object panel = BdvBridge.call(BdvBridge.HANDLE, handle, "getViewerPanel", BdvBridge.types());
		addOverlay(panel, "CryoET segment overlay", (g, v, width, height) -> {
			// Screen z is in screen pixels: Å times the view's scale.
			final double near = nearAngstrom * Math.sqrt(v[0] * v[0] + v[4] * v[4] + v[8] * v[8]);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			for (int i = 0; i < from.size(); i++) {
				final double[] a = apply(v, from.get(i)), b = apply(v, to.get(i));
				final double depth = Math.abs(a[2] + b[2]) / 2;
				if (depth > near) continue;
				final Color c = colors.get(i);
				g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * (1 - 0.75 * depth / Math
					.max(near, 1e-9)))));
				g.drawLine((int) Math.round(a[0]), (int) Math.round(a[1]), (int) Math.round(b[0]), (int) Math.round(b[1]));
			}
		});
	}

	private static double[] apply(final double[] m, final double[] x) {
		return new double[] { m[0] * x[0] + m[1] * x[1] + m[2] * x[2] + m[3], m[4] * x[0] + m[5] * x[1] + m[6] * x[2] +
			m[7], m[8] * x[0] + m[9] * x[1] + m[10] * x[2] + m[11] };
	}

	/** For tests: the reflective API the bridge uses. */
	static List<String[]> api() {
		return java.util.Arrays.asList(BdvBridge.API);
	}
}

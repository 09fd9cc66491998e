package org.cryoet.ui.bdv;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * The only code that touches BigDataViewer, imglib2-realtransform and
 * spim_data, all by reflection: none of them is on Maven Central, so the
 * suite cannot compile against them and uses them when Fiji provides them.
 * Every class, method and parameter type used is listed in {@link #API}
 * and checked by a test against the signatures documented for
 * bigdataviewer-core 10.4 to 10.6 and vistools beta-34+.
 */
final class BdvBridge {

	static final String FUNCTIONS = "bdv.util.BdvFunctions", OPTIONS = "bdv.util.BdvOptions", BDV = "bdv.util.Bdv",
		SOURCE = "bdv.viewer.Source", STACK_SOURCE = "bdv.util.BdvSource", HANDLE = "bdv.util.BdvHandle",
		MIPMAP_SOURCE = "bdv.util.RandomAccessibleIntervalMipmapSource",
		AFFINE = "net.imglib2.realtransform.AffineTransform3D",
		VOXEL_DIMENSIONS = "mpicbg.spim.data.sequence.VoxelDimensions",
		FINAL_VOXEL_DIMENSIONS = "mpicbg.spim.data.sequence.FinalVoxelDimensions",
		VIEWER_PANEL = "bdv.viewer.ViewerPanel", VIEWER_STATE = "bdv.viewer.ViewerState",
		DISPLAY = "bdv.viewer.InteractiveDisplayCanvas", OVERLAY_RENDERER = "bdv.viewer.OverlayRenderer",
		CACHE_CONTROL = "bdv.cache.CacheControl", CACHE_CONTROLS = "bdv.cache.CacheControl$CacheControls";

	/**
	 * Every reflective call: declaring class, method ("<init>" for a
	 * constructor), parameter classes. The test checks each against BDV-API.md.
	 */
	static final String[][] API = { //
		{ OPTIONS, "options" }, //
		{ OPTIONS, "frameTitle", "java.lang.String" }, //
		{ OPTIONS, "addTo", BDV }, //
		{ OPTIONS, "sourceTransform", "[D" }, //
		{ FUNCTIONS, "show", SOURCE, OPTIONS }, //
		{ FUNCTIONS, "showPoints", "java.util.List", "java.lang.String", OPTIONS }, //
		{ STACK_SOURCE, "setDisplayRange", "double", "double" }, //
		{ STACK_SOURCE, "setDisplayRangeBounds", "double", "double" }, //
		{ STACK_SOURCE, "setColor", "net.imglib2.type.numeric.ARGBType" }, //
		{ STACK_SOURCE, "getBdvHandle" }, //
		{ HANDLE, "getViewerPanel" }, //
		{ HANDLE, "getCacheControls" }, //
		{ CACHE_CONTROLS, "addCacheControl", CACHE_CONTROL }, //
		{ VIEWER_PANEL, "getDisplay" }, //
		{ VIEWER_PANEL, "state" }, //
		{ VIEWER_PANEL, "requestRepaint" }, //
		{ VIEWER_STATE, "getViewerTransform", AFFINE }, //
		{ DISPLAY, "addOverlayRenderer", OVERLAY_RENDERER }, //
		{ MIPMAP_SOURCE, "<init>", "[Lnet.imglib2.RandomAccessibleInterval;", "net.imglib2.type.numeric.NumericType",
			"[L" + AFFINE + ";", VOXEL_DIMENSIONS, "java.lang.String", "boolean" }, //
		{ FINAL_VOXEL_DIMENSIONS, "<init>", "java.lang.String", "[D" }, //
		{ AFFINE, "<init>" }, //
		{ AFFINE, "set", "[D" }, //
		{ AFFINE, "get", "int", "int" }, //
	};

	private BdvBridge() {}

	/** Why BigDataViewer cannot be used here, or null when it can. */
	static String unavailable() {
		if (java.awt.GraphicsEnvironment.isHeadless()) return "there is no display";
		try {
			for (final String c : new String[] { FUNCTIONS, MIPMAP_SOURCE, AFFINE, FINAL_VOXEL_DIMENSIONS })
				type(c);
			return null;
		}
		catch (final ClassNotFoundException | LinkageError e) {
			return "BigDataViewer is not installed (" + e.getMessage() + ")";
		}
	}

	static Class<?> type(final String name) throws ClassNotFoundException {
		final ClassLoader context = Thread.currentThread().getContextClassLoader();
		try {
			return Class.forName(name, true, context != null ? context : BdvBridge.class.getClassLoader());
		}
		catch (final ClassNotFoundException e) {
			return Class.forName(name, true, BdvBridge.class.getClassLoader());
		}
	}

	/** A parameter class by the names {@link #API} uses ("double", "[D", "[Lx.Y;", "x.Y"). */
	static Class<?> parameter(final String name) throws ClassNotFoundException {
		switch (name) {
			case "double": return double.class;
			case "boolean": return boolean.class;
			case "int": return int.class;
			case "[D": return double[].class;
			default:
				if (name.startsWith("[L")) return Array.newInstance(type(name.substring(2, name.length() - 1)), 0).getClass();
				return type(name);
		}
	}

	/** Invokes a public method looked up on its declaring public class or interface (never on an implementation). */
	static Object call(final String declaring, final Object target, final String method, final String[] parameterTypes,
		final Object... args) throws ReflectiveOperationException
	{
		final Class<?>[] p = new Class<?>[parameterTypes.length];
		for (int i = 0; i < p.length; i++)
			p[i] = parameter(parameterTypes[i]);
		final Method m = type(declaring).getMethod(method, p);
		try {
			return m.invoke(target, args);
		}
		catch (final InvocationTargetException e) {
			throw unwrap(e);
		}
	}

	static Object construct(final String declaring, final String[] parameterTypes, final Object... args)
		throws ReflectiveOperationException
	{
		final Class<?>[] p = new Class<?>[parameterTypes.length];
		for (int i = 0; i < p.length; i++)
			p[i] = parameter(parameterTypes[i]);
		final Constructor<?> c = type(declaring).getConstructor(p);
		try {
			return c.newInstance(args);
		}
		catch (final InvocationTargetException e) {
			throw unwrap(e);
		}
	}

	private static ReflectiveOperationException unwrap(final InvocationTargetException e) {
		final Throwable c = e.getCause();
		if (c instanceof RuntimeException) throw (RuntimeException) c;
		if (c instanceof Error) throw (Error) c;
		return e;
	}

	static String[] types(final String... names) {
		return names;
	}

	/** The row-major 3×4 matrix of an AffineTransform3D. */
	static double[] matrix(final Object affine) throws ReflectiveOperationException {
		final double[] m = new double[12];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++)
				m[r * 4 + c] = (Double) call(AFFINE, affine, "get", types("int", "int"), r, c);
		return m;
	}

	/** x with m·x + t = y, for a row-major 3×4 affine m|t. */
	static double[] applyInverse(final double[] m, final double[] y) {
		final double a = m[0], b = m[1], c = m[2], d = m[4], e = m[5], f = m[6], g = m[8], h = m[9], i = m[10];
		final double det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
		final double u = y[0] - m[3], v = y[1] - m[7], w = y[2] - m[11];
		return new double[] { ((e * i - f * h) * u - (b * i - c * h) * v + (b * f - c * e) * w) / det, (-(d * i - f * g) *
			u + (a * i - c * g) * v - (a * f - c * d) * w) / det, ((d * h - e * g) * u - (a * h - b * g) * v + (a * e - b *
				d) * w) / det };
	}

	/** What a proxy does for one of its interface's methods (Object's own methods are answered for it). */
	interface Handler {

		Object invoke(String method, Object[] args) throws Exception;
	}

	/** An implementation of a BigDataViewer interface we cannot compile against. */
	static Object proxy(final String interfaceName, final String description, final Handler handler)
		throws ReflectiveOperationException
	{
		final Class<?> type = type(interfaceName);
		return java.lang.reflect.Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, m, args) -> {
			switch (m.getName()) {
				case "hashCode": return System.identityHashCode(p);
				case "equals": return p == args[0];
				case "toString": return description;
				default: return handler.invoke(m.getName(), args);
			}
		});
	}

	/** An AffineTransform3D from a row-major 3×4 matrix. */
	static Object affine(final double[] rowMajor3x4) throws ReflectiveOperationException {
		final Object t = construct(AFFINE, types());
		call(AFFINE, t, "set", types("[D"), (Object) rowMajor3x4);
		return t;
	}
}

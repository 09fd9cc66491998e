package org.cryoet.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.cryoet.command.CommandReportingService;
import org.cryoet.command.CryoetCommand;
import org.cryoet.image.CacheBudget;
import org.cryoet.sample.SampleData;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.event.EventService;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleService;

/**
 * Runs the suite's SciJava commands outside Fiji with Fiji's own syntax:
 * {@code --headless --run "Label" "key='value',key2=3"} and {@code --list}.
 * Exit 0 on success; 1 and one line on stderr when the input is bad; 2 for a
 * malformed command line.
 */
public final class CryoetLauncher {

	static final String PACKAGE = "org.cryoet.";

	private CryoetLauncher() {}

	public static void main(final String[] args) {
		// This JVM is ours alone: hand the cache its budget in plain bytes, so "2g" works whichever way the cache
		// reads the property. A bad value stays as it is and run() refuses it in one line.
		final String budget = System.getProperty(CacheBudget.PROPERTY);
		if (budget != null) try {
			System.setProperty(CacheBudget.PROPERTY, Long.toString(CacheBudget.parse(budget)));
		}
		catch (final IllegalArgumentException e) {
			// reported by run()
		}
		final int code = run(args, System.out, System.err);
		if (code == 0) waitForWindows();
		System.exit(code);
	}

	/** Without --headless a command may have opened windows (an image, BigDataViewer): stay until they are closed. */
	private static void waitForWindows() {
		if (java.awt.GraphicsEnvironment.isHeadless()) return;
		try {
			while (java.util.Arrays.stream(java.awt.Frame.getFrames()).anyMatch(java.awt.Frame::isShowing))
				Thread.sleep(250);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static int run(final String[] args, final PrintStream out, final PrintStream err) {
		boolean debug = false, list = false, headless = false;
		String label = null, arguments = "", sample = null;
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--debug": debug = true; break;
					case "--headless": headless = true; break;
					case "--list": list = true; break;
					case "--make-sample": sample = next(args, ++i, "--make-sample needs a folder"); break;
					case "--run":
						label = next(args, ++i, "--run needs a command label");
						if (i + 1 < args.length && !args[i + 1].startsWith("--")) arguments = args[++i];
						break;
					case "-h": case "--help":
						usage(out);
						return 0;
					default:
						throw new IllegalArgumentException("unknown option " + args[i] + " (see --help)");
				}
			}
			if (label == null && !list && sample == null) throw new IllegalArgumentException("nothing to do (see --help)");
		}
		catch (final IllegalArgumentException e) {
			err.println("cryoet: " + e.getMessage());
			return 2;
		}
		try {
			CacheBudget.fromSystemProperty(); // a bad setting is a malformed command line, said before any work
		}
		catch (final IllegalArgumentException e) { // CacheBudget's one line naming the property
			err.println("cryoet: " + e.getMessage());
			return 2;
		}
		// Without --headless the JVM's own default stands, so commands that open windows can.
		if (headless) System.setProperty("java.awt.headless", "true");
		try {
			if (sample != null) {
				final Path dir = Path.of(sample);
				out.println(SampleData.ensure(dir));
				if (label == null && !list) return 0;
			}
			try (Context context = new Context(CommandService.class, ModuleService.class, ConvertService.class,
				CommandReportingService.class, StatusService.class, EventService.class))
			{
				context.getService(CommandReportingService.class).reportThroughLauncher();
				final CommandService commands = context.getService(CommandService.class);
				final Map<String, CommandInfo> ours = ourCommands(commands);
				if (list) {
					list(ours, out);
					return 0;
				}
				final CommandInfo info = ours.get(label);
				if (info == null) {
					err.println("cryoet: no command labelled \"" + label + "\" (commands: " + String.join(", ", ours
						.keySet()) + ")");
					return 2;
				}
				return runCommand(context, info, arguments, out, err, debug);
			}
		}
		catch (final Exception | Error e) {
			err.println("cryoet: " + CryoetCommand.oneLine(e));
			if (debug) e.printStackTrace(err);
			return 1;
		}
	}

	private static String next(final String[] args, final int i, final String message) {
		if (i >= args.length) throw new IllegalArgumentException(message);
		return args[i];
	}

	static Map<String, CommandInfo> ourCommands(final CommandService commands) {
		final Map<String, CommandInfo> byLabel = new TreeMap<>();
		for (final CommandInfo info : commands.getCommands())
			if (info.getClassName().startsWith(PACKAGE)) byLabel.put(info.getLabel(), info);
		return byLabel;
	}

	private static int runCommand(final Context context, final CommandInfo info, final String arguments,
		final PrintStream out, final PrintStream err, final boolean debug) throws Exception
	{
		final Map<String, String> given;
		try {
			given = ArgumentString.parse(arguments);
		}
		catch (final IllegalArgumentException e) {
			err.println("cryoet: " + info.getLabel() + ": " + e.getMessage());
			return 2;
		}
		final ConvertService convert = context.getService(ConvertService.class);
		final Map<String, Object> inputs = new TreeMap<>();
		final List<String> names = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs())
			if (!item.getType().getName().startsWith("org.scijava.")) names.add(item.getName());
		for (final Map.Entry<String, String> e : given.entrySet()) {
			final String name = e.getKey();
			final boolean bare = e.getValue() == null;
			final String text = bare ? "true" : e.getValue();
			final ModuleItem<?> item = info.getInput(name);
			if (item == null || !names.contains(name)) {
				err.println("cryoet: " + info.getLabel() + ": unknown parameter " + name + " (parameters: " + String.join(
					", ", names) + ")");
				return 2;
			}
			final Object value = wellFormed(text, item.getType()) ? convert.convert(text, item.getType()) : null;
			if (value == null) {
				err.println("cryoet: " + info.getLabel() + ": " + name + "=" + text + " is not a valid " + item.getType()
					.getSimpleName());
				return 2;
			}
			if (item.getChoices() != null && !item.getChoices().isEmpty() && !item.getChoices().contains(text)) {
				err.println("cryoet: " + info.getLabel() + ": " + name + " must be one of " + item.getChoices());
				return 2;
			}
			// imagej-legacy gives a SciJava command false for a bare keyword: say so rather than differ silently.
			if (bare && (item.getType() == boolean.class || item.getType() == Boolean.class)) err.println(
				"cryoet: warning: a bare '" + name + "' is true here but false in a Fiji macro; write " + name + "=true");
			inputs.put(name, value);
		}
		for (final ModuleItem<?> item : info.inputs())
			if (names.contains(item.getName()) && item.isRequired() && !inputs.containsKey(item.getName()) && item
				.getDefaultValue() == null && !item.getType().isPrimitive())
			{
				err.println("cryoet: " + info.getLabel() + ": missing parameter " + item.getName());
				return 2;
			}
		// progress on a terminal only: with stderr in a file or pipe it holds the one failure line alone
		final StatusLine status = System.console() != null ? new StatusLine(err) : null;
		final List<org.scijava.event.EventSubscriber<?>> heard = status == null ? null : context.getService(
			EventService.class).subscribe(status);
		final CommandModule module;
		try {
			module = context.getService(CommandService.class).run(info, false, inputs).get();
		}
		finally {
			if (status != null) {
				status.clear();
				context.getService(EventService.class).unsubscribe(heard);
			}
		}
		// Outputs are printed even when the command failed: a validation's problem lines are its answer.
		for (final ModuleItem<?> o : info.outputs()) {
			final Object v = o.getValue(module);
			// Text is the answer; an image has no useful text form (its command says what it opened).
			if (v instanceof CharSequence || v instanceof Number || v instanceof Boolean) out.println(v);
		}
		if (module.isCanceled()) {
			err.println("cryoet: " + module.getCancelReason());
			final Object command = module.getDelegateObject();
			if (debug && command instanceof CryoetCommand && ((CryoetCommand) command).failure() != null)
				((CryoetCommand) command).failure().printStackTrace(err);
			return 1;
		}
		return 0;
	}

	/** SciJava quietly turns "x" into 0 for an int; we refuse it. */
	private static boolean wellFormed(final String v, final Class<?> type) {
		try {
			if (type == int.class || type == Integer.class || type == long.class || type == Long.class) Long.parseLong(v
				.trim());
			else if (type == double.class || type == Double.class || type == float.class || type == Float.class) Double
				.parseDouble(v.trim());
			else if (type == boolean.class || type == Boolean.class) return v.equalsIgnoreCase("true") || v
				.equalsIgnoreCase("false");
			return true;
		}
		catch (final NumberFormatException e) {
			return false;
		}
	}

	private static void list(final Map<String, CommandInfo> ours, final PrintStream out) {
		for (final CommandInfo info : ours.values()) {
			out.println(info.getLabel() + "  (" + info.getMenuPath().getMenuString().replaceAll("\\s*>\\s*", " > ") + ")");
			for (final ModuleItem<?> item : info.inputs()) {
				if (item.getType().getName().startsWith("org.scijava.")) continue;
				out.println("    " + item.getName() + ": " + item.getType().getSimpleName() + (item.isRequired() ? "" :
					" (optional)") + (item.getChoices() == null || item.getChoices().isEmpty() ? "" : " " + item
						.getChoices()) + " - " + item.getLabel());
			}
		}
	}

	private static void usage(final PrintStream out) {
		out.println("usage: cryoet --headless --run \"Command Label\" \"key='value',key2=3\"");
		out.println("       cryoet --list              list the commands and their parameters");
		out.println("       cryoet --make-sample DIR   write the built-in sample dataset into DIR");
		out.println("options: --debug  show stack traces of failures");
	}
}

package dev.losslab.app.cli;

import dev.losslab.core.InvalidInputException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The {@code losslab} command. Exit codes: 0 when a command completed (whatever a run's stop
 * reason: that is data), 2 for bad input, 1 for a failure. Results go to stdout, messages to stderr.
 */
public final class Main implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    /**
     * The subcommands by name, in the order help lists them. Made lazily: a named command is built
     * alone; help, typos and no command get them all.
     */
    static final Map<String, Supplier<Subcommand>> COMMANDS = commands();

    private static Map<String, Supplier<Subcommand>> commands() {
        Map<String, Supplier<Subcommand>> commands = new LinkedHashMap<>();
        commands.put(ServeCommand.NAME, ServeCommand::new);
        commands.put(SurfacesCommand.NAME, SurfacesCommand::new);
        commands.put(OptimizersCommand.NAME, OptimizersCommand::new);
        commands.put(DatasetsCommand.NAME, DatasetsCommand::new);
        commands.put(RunCommand.NAME, RunCommand::new);
        commands.put(RaceCommand.NAME, RaceCommand::new);
        commands.put(AnalyzeCommand.NAME, AnalyzeCommand::new);
        commands.put(CriticalPointsCommand.NAME, CriticalPointsCommand::new);
        commands.put(BasinsCommand.NAME, BasinsCommand::new);
        commands.put(SweepCommand.NAME, SweepCommand::new);
        commands.put(SgdStatsCommand.NAME, SgdStatsCommand::new);
        commands.put(TrainCommand.NAME, TrainCommand::new);
        commands.put(SpectrumCommand.NAME, SpectrumCommand::new);
        commands.put(SaddlesCommand.NAME, SaddlesCommand::new);
        commands.put(SliceCommand.NAME, SliceCommand::new);
        commands.put(TrainSweepCommand.NAME, TrainSweepCommand::new);
        return Collections.unmodifiableMap(commands);
    }

    private final PrintWriter out;
    private final PrintWriter err;

    private Main(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /** No command: serve the web lab with the default host and port. */
    @Override
    public Integer call() throws InterruptedException {
        return ServeCommand.serve(ServeCommand.DEFAULT_HOST, ServeCommand.DEFAULT_PORT, List.of(), out, err);
    }

    public static void main(String[] args) {
        // Not System.out: a PrintStream swallows write errors, and results must not be lost silently.
        PrintWriter out = CheckedOutput.over(new FileOutputStream(FileDescriptor.out));
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = execute(args, out, err);
            out.flush();
        } catch (OutputFailedException e) {
            code = failed(e, err);
        }
        err.flush();
        System.out.flush();
        System.err.flush();
        // halt, not exit: everything is written and no command leaves a shutdown hook to run, while
        // System.exit first starts the JDK's logging to report the exit (~10 ms of a 150 ms command).
        Runtime.getRuntime().halt(code);
    }

    /** Runs the command line with the given streams and returns the exit code (tests call this). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        args = serveForBareServeOptions(args);
        CommandSpec root = CommandSpec.wrapWithoutInspection(new Main(out, err)).name("losslab").version(Subcommand.VERSION);
        root.usageMessage().description("A lab for seeing how optimizers roll down loss landscapes.",
                "With no command, serves the web lab at http://127.0.0.1:8080/ (see `losslab serve --help`).");
        Subcommand.addHelpOptions(root);
        CommandLine cli = new CommandLine(root);
        Supplier<Subcommand> named = args.length > 0 ? COMMANDS.get(args[0]) : null;
        if (named != null) {
            add(cli, named, out, err);
        } else {
            COMMANDS.values().forEach(command -> add(cli, command, out, err));
            // picocli's help command is annotated, so it is added only where it may be asked for.
            cli.addSubcommand(new CommandLine.HelpCommand());
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, arguments) -> {
            CommandLine where = e.getCommandLine();
            where.getErr().println("error: " + e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, where.getErr());
            where.getErr().println("(see ./" + where.getCommandSpec().qualifiedName(" ") + " --help)");
            return BAD_INPUT;
        });
        cli.setExecutionExceptionHandler((e, where, parsed) -> failed(e, where.getErr()));
        // Help and version are printed by the strategy itself, outside any command: a pipe closed
        // under them (`--help | head`) would reach picocli's catch-all, which prints a stack trace.
        // As an ExecutionException it reaches the handler above, which says what was lost.
        CommandLine.IExecutionStrategy runLast = new CommandLine.RunLast();
        cli.setExecutionStrategy(parsed -> {
            try {
                return runLast.execute(parsed);
            } catch (OutputFailedException e) {
                throw new CommandLine.ExecutionException(cli, "output failed", e);
            }
        });
        return cli.execute(args);
    }

    private static void add(CommandLine cli, Supplier<Subcommand> make, PrintWriter out, PrintWriter err) {
        Subcommand command = make.get().writingTo(out, err);
        cli.addSubcommand(command.name(), command.spec());
    }

    /**
     * No command serves the lab, so {@code losslab --port 8081} (or {@code --host …}) is read as
     * {@code losslab serve --port 8081}, as a user who read "with no command, serves" would expect.
     */
    private static final Set<String> SERVE_OPTIONS = Set.of("--port", "--host", "--allow-host");

    static String[] serveForBareServeOptions(String[] args) {
        if (args.length == 0 || !SERVE_OPTIONS.contains(args[0].split("=", 2)[0])) {
            return args;
        }
        String[] withServe = new String[args.length + 1];
        withServe[0] = "serve";
        System.arraycopy(args, 0, withServe, 1, args.length);
        return withServe;
    }

    /**
     * The exit code and message for a command that threw: bad input (2), or a failure (1), such as
     * results that could not be written.
     */
    private static int failed(Exception e, PrintWriter err) {
        if (e instanceof InvalidInputException bad) {
            err.println("error: " + bad.getMessage());
            return BAD_INPUT;
        }
        if (e instanceof OutputFailedException lost) {
            err.println("error: cannot write output: " + lost.reason());
            return FAILURE;
        }
        err.println("error: LossLab failed unexpectedly: " + e);
        if (System.getenv("LOSSLAB_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return FAILURE;
    }
}

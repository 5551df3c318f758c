package dev.losslab.app.cli;

import dev.losslab.core.InvalidInputException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code losslab} command. Exit codes: 0 when a command completed (whatever a run's stop
 * reason: that is data), 2 for bad input, 1 for a failure. Results go to stdout, messages to stderr.
 */
@Command(name = "losslab",
        mixinStandardHelpOptions = true,
        version = "LossLab 0.1.0",
        description = {"A lab for seeing how optimizers roll down loss landscapes.",
                "With no command, serves the web lab at http://127.0.0.1:8080/ (see `losslab serve --help`)."})
public final class Main implements Callable<Integer> {

    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    /**
     * The subcommands, in the order help lists them. Registered lazily: picocli reflects over
     * every command it is given, so a named command is registered alone (a tenth of a second less
     * start-up); help, typos and no command get them all.
     */
    static final List<Class<?>> COMMANDS = List.of(
            ServeCommand.class,
            SurfacesCommand.class,
            OptimizersCommand.class,
            RunCommand.class,
            RaceCommand.class,
            AnalyzeCommand.class,
            CriticalPointsCommand.class,
            BasinsCommand.class,
            SweepCommand.class,
            SgdStatsCommand.class,
            CommandLine.HelpCommand.class);

    @Spec
    CommandSpec spec;

    /** No command: serve the web lab with the default host and port. */
    @Override
    public Integer call() throws InterruptedException {
        return ServeCommand.serve(ServeCommand.DEFAULT_HOST, ServeCommand.DEFAULT_PORT,
                spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = execute(args, out, err);
        out.flush();
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
        var plain = PlainCommandLine.read(args, COMMANDS);
        if (plain.isPresent()) {
            try {
                Integer code = plain.get().writingTo(out, err).call();
                return code == null ? OK : code;   // as picocli reads a null
            } catch (Exception e) {
                return failed(e, err);
            }
        }
        // Everything else (help, no command, any mistake): picocli reads it and says what is wrong.
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K made = CommandLine.defaultFactory().create(type);
                if (made instanceof Subcommand command) {
                    command.writingTo(out, err);
                }
                return made;
            }
        };
        CommandLine cli = new CommandLine(new Main(), factory);
        String named = args.length > 0 ? args[0] : "";
        List<Class<?>> needed = COMMANDS.stream()
                .filter(c -> c.getAnnotation(Command.class).name().equals(named) && !named.equals("help"))
                .toList();
        (needed.isEmpty() ? COMMANDS : needed).forEach(cli::addSubcommand);
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
        return cli.execute(args);
    }

    /**
     * No command serves the lab, so {@code losslab --port 8081} (or {@code --host …}) is read as
     * {@code losslab serve --port 8081}, as a user who read "with no command, serves" would expect.
     */
    static String[] serveForBareServeOptions(String[] args) {
        if (args.length == 0 || !(args[0].equals("--port") || args[0].equals("--host")
                || args[0].startsWith("--port=") || args[0].startsWith("--host="))) {
            return args;
        }
        String[] withServe = new String[args.length + 1];
        withServe[0] = "serve";
        System.arraycopy(args, 0, withServe, 1, args.length);
        return withServe;
    }

    /** The exit code and message for a command that threw: bad input (2) or a failure (1). */
    private static int failed(Exception e, PrintWriter err) {
        if (e instanceof InvalidInputException bad) {
            err.println("error: " + bad.getMessage());
            return BAD_INPUT;
        }
        err.println("error: LossLab failed unexpectedly: " + e);
        if (System.getenv("LOSSLAB_DEBUG") != null) {
            e.printStackTrace(err);
        }
        return FAILURE;
    }
}

package dev.losslab.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A {@code losslab} command: its name, help and {@link Opt options}, which make its picocli model,
 * and where its results ({@link #out}) and messages ({@link #err}) go. picocli parses the line into
 * that model and calls {@link #call()}, which reads its options with {@link #get}.
 */
abstract class Subcommand implements Callable<Integer> {

    static final String VERSION = "LossLab 0.1.0";

    PrintWriter out;
    PrintWriter err;

    private final CommandSpec spec;

    /**
     * @param name        the command's name, as typed after {@code losslab}
     * @param description its help, one line per element
     * @param options     its options, in the order help lists them
     */
    Subcommand(String name, List<String> description, List<Opt<?>> options) {
        spec = CommandSpec.wrapWithoutInspection(this).name(name).version(VERSION);
        spec.usageMessage().description(description.toArray(String[]::new)).sortOptions(false);
        // The registries give run commands some eighty options: help lists them under headings, and
        // the synopsis says [OPTIONS] instead of naming every one.
        Map<String, ArgGroupSpec.Builder> sections = new LinkedHashMap<>();
        for (Opt<?> o : options) {
            String heading = RunOptions.heading(o);
            if (heading == null) {
                spec.addOption(o.toSpec());
            } else {
                sections.computeIfAbsent(heading, h -> ArgGroupSpec.builder().heading(h + "%n").exclusive(false)
                        .multiplicity("0..1").validate(false)).addArg(o.toSpec());
            }
        }
        sections.values().forEach(group -> spec.addArgGroup(group.build()));
        if (!sections.isEmpty()) {
            spec.usageMessage().abbreviateSynopsis(true);
        }
        addHelpOptions(spec);
    }

    /** {@code -h/--help} and {@code -V/--version}, as picocli's standard mixin would add them (without its reflection). */
    static void addHelpOptions(CommandSpec spec) {
        spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                .description("Show this help message and exit.").build());
        spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
                .description("Print version information and exit.").build());
    }

    /** This command's picocli model; after parsing, it holds the values given. */
    final CommandSpec spec() {
        return spec;
    }

    final String name() {
        return spec.name();
    }

    /** The value of one of this command's options: what was given, else its default, else null. */
    final <T> T get(Opt<T> option) {
        return option.in(spec);
    }

    /** Directs this command's output, and its own subcommands' ({@code train-sweep merge}); returns it. */
    final Subcommand writingTo(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
        for (CommandLine nested : spec.subcommands().values()) {
            if (nested.getCommand() instanceof Subcommand command) {
                command.writingTo(out, err);
            }
        }
        return this;
    }
}

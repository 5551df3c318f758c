package dev.losslab.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options of every subcommand as plain text, read from their picocli annotations when the jar
 * is built, so that {@link PlainCommandLine} can read a command line without reading annotations
 * at run time (the first annotation a fresh JVM reads costs ~20 ms, picocli's ~35 ms in all).
 *
 * <p>One line per option, fields separated by tabs:
 * <pre>
 *   command  class                           field          names    required  default  split  converter
 *   basins   dev.losslab.app.cli.BasinsCommand  grid        --grid   false     256      -      -
 *   basins   dev.losslab.app.cli.BasinsCommand  options.steps  --steps  false  1000     -      -
 * </pre>
 * ({@code options.steps}: field {@code steps} of the mixin in field {@code options}.)
 * {@code -} stands for none. The build writes it to {@value #RESOURCE} (exec-maven-plugin in
 * losslab-app's pom); {@link #main} is that step.
 */
final class PlainOptionsTable {

    /** Where the table lives on the classpath. */
    static final String RESOURCE = "/dev/losslab/app/cli/plain-options.tsv";
    static final String NONE = "-";
    /** picocli's marker for "no defaultValue given" in {@link Option#defaultValue()}. */
    private static final String NO_DEFAULT = "__no_default_value__";

    private PlainOptionsTable() {}

    /** Writes the table of {@link Main#COMMANDS} below the class-output directory {@code args[0]}. */
    public static void main(String[] args) {
        Path file = Path.of(args[0], RESOURCE.substring(1));
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines(Main.COMMANDS), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(List<Class<?>> commands) {
        List<String> lines = new ArrayList<>();
        for (Class<?> command : commands) {
            if (Subcommand.class.isAssignableFrom(command)) {
                add(lines, command.getAnnotation(Command.class).name() + "\t" + command.getName(), "", command);
            }
        }
        return lines;
    }

    private static void add(List<String> lines, String command, String prefix, Class<?> type) {
        for (Field field : type.getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null) {
                String text = String.join("\t", command, prefix + field.getName(), String.join(",", option.names()),
                        String.valueOf(option.required()),
                        option.defaultValue().equals(NO_DEFAULT) ? NONE : option.defaultValue(),
                        option.split().isEmpty() ? NONE : option.split(),
                        option.converter().length == 0 ? NONE : option.converter()[0].getName());
                if (text.chars().filter(c -> c == '\t').count() != 7 || text.contains("\n")
                        || option.defaultValue().equals(NONE) || option.split().equals(NONE)) {
                    throw new IllegalStateException("an option of " + command + " does not fit the table: " + text);
                }
                lines.add(text);
            } else if (field.isAnnotationPresent(Mixin.class)) {
                add(lines, command, prefix + field.getName() + ".", field.getType());
            }
        }
    }
}

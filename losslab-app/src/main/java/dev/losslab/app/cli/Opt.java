package dev.losslab.app.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * One command-line option as a command declares it: what picocli needs to read it (name, value
 * label, type, default, help) and the typed value the command reads back once the line is parsed.
 *
 * <p>Why not picocli's annotations: picocli builds its model from annotations by reflection, which in
 * a fresh JVM costs ~90 ms of a ~220 ms command. Options declared as values cost a few
 * milliseconds, and those taken from the core's registries ({@link RunOptions}) can only be
 * declared this way.
 *
 * @param name         the long name, {@code --steps}
 * @param type         the value's type; picocli converts to it (numbers, strings, paths, enums)
 * @param label        what the help shows for the value ({@code N}); null for a flag
 * @param defaultValue the value when the option is absent, as text picocli converts; null for none
 * @param required     whether the command fails without it
 * @param split        for a list, the regex between its items; null otherwise
 * @param converter    for a type picocli does not know ({@code X,Y}); null otherwise
 * @param help         the help text, one line per element; {@code ${DEFAULT-VALUE}} shows the default
 * @param <T>          the type the command reads
 */
record Opt<T>(String name, Class<?> type, String label, String defaultValue, boolean required, String split,
              ITypeConverter<?> converter, List<String> help) {

    static Opt<String> text(String name, String label, String... help) {
        return new Opt<>(name, String.class, label, null, false, null, null, List.of(help));
    }

    static Opt<Double> real(String name, String label, String... help) {
        return new Opt<>(name, Double.class, label, null, false, null, null, List.of(help));
    }

    static Opt<Integer> integer(String name, String label, String... help) {
        return new Opt<>(name, Integer.class, label, null, false, null, null, List.of(help));
    }

    static Opt<Long> whole(String name, String label, String... help) {
        return new Opt<>(name, Long.class, label, null, false, null, null, List.of(help));
    }

    static Opt<Path> path(String name, String label, String... help) {
        return new Opt<>(name, Path.class, label, null, false, null, null, List.of(help));
    }

    /** A bare {@code --flag}: true when given, null when not. */
    static Opt<Boolean> flag(String name, String... help) {
        return new Opt<>(name, Boolean.class, null, null, false, null, null, List.of(help));
    }

    /** One of an enum's constants, in any case. */
    static <E extends Enum<E>> Opt<E> choice(String name, Class<E> type, String label, String... help) {
        return new Opt<>(name, type, label, null, false, null, null, List.of(help));
    }

    /** A comma-separated list of words. */
    static Opt<List<String>> list(String name, String label, String... help) {
        return new Opt<>(name, List.class, label, null, false, ",", null, List.of(help));
    }

    /** A value of a type picocli does not know, read by {@code converter}. */
    static <V> Opt<V> converted(String name, Class<V> type, String label, ITypeConverter<V> converter, String... help) {
        return new Opt<>(name, type, label, null, false, null, converter, List.of(help));
    }

    Opt<T> mandatory() {
        return new Opt<>(name, type, label, defaultValue, true, split, converter, help);
    }

    /**
     * This option, not required: for a command that needs it only in some uses and says so itself
     * (picocli checks a command's required options even when the line goes on to a subcommand of it).
     */
    Opt<T> optional() {
        return new Opt<>(name, type, label, defaultValue, false, split, converter, help);
    }

    Opt<T> defaultValue(Object value) {
        return new Opt<>(name, type, label, String.valueOf(value), required, split, converter, help);
    }

    boolean isFlag() {
        return label == null;
    }

    /** A fresh picocli option for one command's model (a picocli option belongs to one command). */
    OptionSpec toSpec() {
        OptionSpec.Builder b = OptionSpec.builder(name).type(type).required(required).description(help.toArray(String[]::new));
        if (isFlag()) {
            b.arity("0");
        } else {
            b.paramLabel(label).arity("1");
        }
        if (defaultValue != null) {
            b.defaultValue(defaultValue);
        }
        if (split != null) {
            b.auxiliaryTypes(String.class).splitRegex(split);
        }
        if (converter != null) {
            b.converters(converter);
        }
        return b.build();
    }

    /** This option's value in a parsed command: what was given, else the default, else null. */
    @SuppressWarnings("unchecked")
    T in(CommandSpec parsed) {
        OptionSpec option = parsed.findOption(name);
        if (option == null) {
            throw new IllegalStateException(name + " is not an option of " + parsed.name());
        }
        return (T) option.getValue();
    }
}

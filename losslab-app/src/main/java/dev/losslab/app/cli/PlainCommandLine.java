package dev.losslab.app.cli;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Reads a plain, well-formed command line straight into a subcommand's annotated fields, without
 * building picocli's model of the whole program.
 *
 * <p>Why: in a fresh JVM picocli spends ~100 ms before a command runs (its model is built by
 * interpreted code reflecting over every annotation), which was a third of a one-shot
 * {@code ./losslab basins}. This reader uses the same annotations — they stay the one definition of
 * every option, its default and its help — and only reads them for the one command named.
 *
 * <p>It takes only what it can read exactly as picocli would: {@code COMMAND} followed by
 * {@code --name value} or {@code --name=value} for each option at most once, and bare
 * {@code --flag}s for boolean options. Anything else — help, a typo, a missing required option, a
 * value that does not convert, a repeated option, a positional word — it declines, and
 * {@link Main} hands the line to picocli, which runs it or reports the error in its own words. A
 * test holds the fields it fills equal to picocli's for the same lines.
 */
final class PlainCommandLine {

    /** picocli's marker for "no defaultValue given" in {@link Option#defaultValue()}. */
    private static final String NO_DEFAULT = "__no_default_value__";

    private PlainCommandLine() {}

    /**
     * The subcommand of {@code commands} that {@code args} names, with every option set, or empty
     * when the line is not plain (then picocli must read it).
     */
    static Optional<Subcommand> read(String[] args, List<Class<?>> commands) {
        if (args.length == 0) {
            return Optional.empty();
        }
        Class<?> type = commands.stream()
                .filter(c -> Subcommand.class.isAssignableFrom(c) && c.getAnnotation(Command.class).name().equals(args[0]))
                .findFirst().orElse(null);
        if (type == null) {
            return Optional.empty();
        }
        try {
            Subcommand command = (Subcommand) type.getDeclaredConstructor().newInstance();
            Map<String, Binding> options = new HashMap<>();
            bind(command, options);
            return fill(args, options) ? Optional.of(command) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException declined) {
            // A value picocli would refuse, or a field this reader does not know how to set:
            // picocli reads the line again and says what is wrong.
            return Optional.empty();
        }
    }

    /** One option: the field it sets on the object that holds it (the command or a mixin). */
    private record Binding(Object owner, Field field, Option option) {

        boolean isFlag() {
            return field.getType() == boolean.class || field.getType() == Boolean.class;
        }

        void set(String text) throws ReflectiveOperationException {
            field.set(owner, isFlag() ? Boolean.TRUE : convert(text));
        }

        /** The value as picocli converts it (its built-in converters call these same methods). */
        private Object convert(String text) throws ReflectiveOperationException {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty value");
            }
            if (option.converter().length > 0) {
                ITypeConverter<?> converter = option.converter()[0].getDeclaredConstructor().newInstance();
                try {
                    return converter.convert(text);
                } catch (Exception e) {
                    throw new IllegalArgumentException(e);
                }
            }
            Class<?> type = field.getType();
            if (type == String.class) {
                return text;
            } else if (type == int.class || type == Integer.class) {
                return Integer.valueOf(text);
            } else if (type == long.class || type == Long.class) {
                return Long.valueOf(text);
            } else if (type == double.class || type == Double.class) {
                return Double.valueOf(text);
            } else if (type == Path.class) {
                return Path.of(text);
            } else if (type.isEnum()) {
                // Main allows enum values in any case, as here.
                for (Object constant : type.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("not a " + type.getSimpleName());
            } else if (type == List.class && !option.split().isEmpty() && isListOfStrings(field)) {
                List<String> parts = new ArrayList<>(List.of(text.split(option.split(), -1)));
                if (parts.contains("") || text.contains("\"") || text.contains("'")) {
                    throw new IllegalArgumentException("empty or quoted part");
                }
                return parts;
            }
            throw new IllegalArgumentException("no plain reading for " + type);
        }

        private static boolean isListOfStrings(Field field) {
            return field.getGenericType() instanceof ParameterizedType p
                    && p.getActualTypeArguments()[0] == String.class;
        }
    }

    /** Collects the options of {@code target} and of its mixins (created here), and applies defaults. */
    private static void bind(Object target, Map<String, Binding> options) throws ReflectiveOperationException {
        for (Field field : target.getClass().getDeclaredFields()) {
            Option option = field.getAnnotation(Option.class);
            if (option != null) {
                Binding binding = new Binding(target, field, option);
                for (String name : option.names()) {
                    if (!name.startsWith("--") || options.put(name, binding) != null) {
                        throw new IllegalArgumentException("not a plain option name: " + name);
                    }
                }
                if (!option.defaultValue().equals(NO_DEFAULT)) {
                    binding.set(option.defaultValue());
                }
            } else if (field.isAnnotationPresent(Mixin.class)) {
                Object mixin = field.getType().getDeclaredConstructor().newInstance();
                field.set(target, mixin);
                bind(mixin, options);
            }
        }
    }

    /** Sets the options given after the command's name; false when the line is not plain. */
    private static boolean fill(String[] args, Map<String, Binding> options) throws ReflectiveOperationException {
        Set<Binding> given = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String word = args[i];
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            Binding binding = options.get(name);
            if (binding == null || !given.add(binding)) {
                return false;
            }
            String value;
            if (binding.isFlag()) {
                if (equals >= 0) {
                    return false;
                }
                value = "";
            } else if (equals >= 0) {
                value = word.substring(equals + 1);
            } else if (i + 1 < args.length && !picocliMayReadAsOption(args[i + 1])) {
                value = args[++i];
            } else {
                return false;
            }
            binding.set(value);
        }
        return options.values().stream().allMatch(b -> !b.option().required() || given.contains(b));
    }

    /**
     * True for a word picocli might take for an option rather than a value: a long option, or the
     * help options -h and -V, alone or clustered. Others starting with '-' (-1.5, -x^2 + y^2) are
     * values to picocli, as here.
     */
    private static boolean picocliMayReadAsOption(String word) {
        return word.startsWith("--") || word.startsWith("-h") || word.startsWith("-V");
    }
}

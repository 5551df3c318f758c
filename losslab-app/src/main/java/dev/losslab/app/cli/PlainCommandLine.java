package dev.losslab.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;

/**
 * Reads a plain, well-formed command line straight into a subcommand's annotated fields, without
 * building picocli's model of the whole program.
 *
 * <p>Why: in a fresh JVM picocli spends ~100 ms before a command runs (its model is built by
 * interpreted code reflecting over every annotation), which was a third of a one-shot
 * {@code ./losslab basins}. The annotations stay the one definition of every option, its default
 * and its help: the build copies what this reader needs of them into {@link PlainOptionsTable},
 * so that nothing here reads an annotation (or loads picocli's model) at run time.
 *
 * <p>It takes only what it can read exactly as picocli would: {@code COMMAND} followed by
 * {@code --name value} or {@code --name=value} for each option at most once, and bare
 * {@code --flag}s for boolean options. Anything else — help, a typo, a missing required option, a
 * value that does not convert, a repeated option, a positional word — it declines, and
 * {@link Main} hands the line to picocli, which runs it or reports the error in its own words. A
 * test holds the fields it fills equal to picocli's for the same lines.
 */
final class PlainCommandLine {

    private PlainCommandLine() {}

    /**
     * The subcommand of {@code commands} that {@code args} names, with every option set, or empty
     * when the line is not plain (then picocli must read it).
     */
    static Optional<Subcommand> read(String[] args, List<Class<?>> commands) {
        if (args.length == 0) {
            return Optional.empty();
        }
        try {
            List<String[]> rows = table(args[0]);
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            Class<?> type = Class.forName(rows.getFirst()[1]);
            if (!commands.contains(type) || !Subcommand.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            Subcommand command = (Subcommand) type.getDeclaredConstructor().newInstance();
            Map<String, Binding> options = new HashMap<>();
            for (String[] row : rows) {
                Binding binding = Binding.of(command, row);
                for (String name : binding.names()) {
                    if (!name.startsWith("--") || options.put(name, binding) != null) {
                        return Optional.empty();
                    }
                }
                if (binding.defaultValue() != null) {
                    if (binding.isFlag()) {
                        return Optional.empty();   // picocli would parse it; no command has one
                    }
                    binding.set(binding.defaultValue());
                }
            }
            return fill(args, options) ? Optional.of(command) : Optional.empty();
        } catch (ReflectiveOperationException | IOException | RuntimeException declined) {
            // A value picocli would refuse, a field this reader does not know how to set, or no table
            // (classes compiled without the build's step): picocli reads the line and says what is wrong.
            return Optional.empty();
        }
    }

    /** The table's rows for {@code command}; none when it is not a command or there is no table. */
    private static List<String[]> table(String command) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = PlainCommandLine.class.getResourceAsStream(PlainOptionsTable.RESOURCE)) {
            if (in == null) {
                return rows;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] row = line.split("\t", -1);
                if (row.length == 8 && row[0].equals(command)) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** One option: the field it sets on the object that holds it (the command or a mixin). */
    private record Binding(Object owner, Field field, List<String> names, boolean required, String defaultValue,
                           String split, String converter) {

        /** The binding of a table row, creating the mixin that holds the field if need be. */
        static Binding of(Subcommand command, String[] row) throws ReflectiveOperationException {
            Object owner = command;
            String[] path = row[2].split("\\.");
            for (int i = 0; i < path.length - 1; i++) {
                Field mixin = owner.getClass().getDeclaredField(path[i]);
                if (mixin.get(owner) == null) {
                    mixin.set(owner, mixin.getType().getDeclaredConstructor().newInstance());
                }
                owner = mixin.get(owner);
            }
            return new Binding(owner, owner.getClass().getDeclaredField(path[path.length - 1]), List.of(row[3].split(",")),
                    Boolean.parseBoolean(row[4]), orNull(row[5]), orNull(row[6]), orNull(row[7]));
        }

        private static String orNull(String cell) {
            return cell.equals(PlainOptionsTable.NONE) ? null : cell;
        }

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
            if (converter != null) {
                ITypeConverter<?> c = (ITypeConverter<?>) Class.forName(converter).getDeclaredConstructor().newInstance();
                try {
                    return c.convert(text);
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
            } else if (type == List.class && split != null && isListOfStrings(field)) {
                List<String> parts = new ArrayList<>(List.of(text.split(split, -1)));
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
        return options.values().stream().allMatch(b -> !b.required() || given.contains(b));
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

package dev.losslab.app.cli;

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
 * Reads a plain, well-formed command line straight into a subcommand's option fields, without
 * building picocli's model of the whole program.
 *
 * <p>Why: in a fresh JVM picocli spends ~100 ms before a command runs (its model is built by
 * interpreted code reflecting over every annotation), which was a third of a one-shot
 * {@code ./losslab basins}. The annotations stay the one definition of every option, its default
 * and its help: the build copies what this reader needs of them into a generated class
 * ({@link PlainOptionsTable}), so that nothing here reads an annotation or sets a field by
 * reflection at run time.
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
            PlainOptions code;
            try {
                code = (PlainOptions) Class.forName(PlainOptionsTable.CLASS_NAME).getDeclaredConstructor().newInstance();
            } catch (ClassNotFoundException | LinkageError notBuilt) {
                // Compiled without the build's step (or by another JDK): picocli does it all.
                return Optional.empty();
            }
            List<Binding> bindings = bindings(code, args[0]);
            if (bindings.isEmpty()) {
                return Optional.empty();
            }
            Class<?> type = Class.forName(bindings.getFirst().commandClass());
            if (!commands.contains(type) || !Subcommand.class.isAssignableFrom(type)) {
                return Optional.empty();
            }
            Subcommand command = (Subcommand) type.getDeclaredConstructor().newInstance();
            Map<String, Binding> byName = new HashMap<>();
            for (Binding binding : bindings) {
                // picocli creates every mixin, whether or not one of its options is given.
                code.createMixins(binding.row(), command);
                for (String name : binding.names()) {
                    if (!name.startsWith("--") || byName.put(name, binding) != null) {
                        return Optional.empty();
                    }
                }
                if (binding.defaultValue() != null) {
                    binding.set(command, binding.defaultValue());   // PlainOptionsTable admits no flag with one
                }
            }
            return fill(command, args, byName) ? Optional.of(command) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException | LinkageError declined) {
            // A value picocli would refuse, one this reader does not know how to convert, or a
            // generated class older than the commands (an IDE build skips the step): picocli reads
            // the line again and says what is wrong.
            return Optional.empty();
        }
    }

    /** The options of {@code command}, by the generated table; none when it is not a command. */
    private static List<Binding> bindings(PlainOptions code, String command) {
        List<Binding> bindings = new ArrayList<>();
        String[] lines = code.table().split("\n");
        for (int row = 0; row < lines.length; row++) {
            String[] cells = lines[row].split("\t", -1);
            if (cells.length == PlainOptionsTable.COLUMNS && cells[0].equals(command)) {
                bindings.add(new Binding(code, row, cells[1], cells[3], List.of(cells[4].split(",")),
                        Boolean.parseBoolean(cells[5]), orNull(cells[6]), orNull(cells[7]), orNull(cells[8])));
            }
        }
        return bindings;
    }

    private static String orNull(String cell) {
        return cell.equals(PlainOptionsTable.NONE) ? null : cell;
    }

    /** One option: line {@code row} of the table, whose field the generated code sets. */
    private record Binding(PlainOptions code, int row, String commandClass, String type, List<String> names,
                           boolean required, String defaultValue, String split, String converter) {

        boolean isFlag() {
            return type.equals("boolean") || type.equals("java.lang.Boolean");
        }

        /** Sets the option from its text; a flag is set to true (its text is ignored). */
        void set(Subcommand command, String text) throws ReflectiveOperationException {
            code.set(row, command, isFlag() ? Boolean.TRUE : convert(text));
        }

        /** The value as picocli converts it (its built-in converters call these same methods). */
        private Object convert(String text) throws ReflectiveOperationException {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty value");
            }
            if (converter != null) {
                var c = (ITypeConverter<?>) Class.forName(converter).getDeclaredConstructor().newInstance();
                try {
                    return c.convert(text);
                } catch (Exception e) {
                    throw new IllegalArgumentException(e);
                }
            }
            Object[] constants = code.enumConstants(row);
            if (constants != null) {
                // Main allows enum values in any case, as here.
                for (Object constant : constants) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException("not one of the " + type + " values");
            }
            return switch (type) {
                case "java.lang.String" -> text;
                case "int", "java.lang.Integer" -> Integer.valueOf(text);
                case "long", "java.lang.Long" -> Long.valueOf(text);
                case "double", "java.lang.Double" -> Double.valueOf(text);
                case "java.nio.file.Path" -> Path.of(text);
                case "java.util.List" -> {
                    // PlainOptionsTable admits only split List<String> options.
                    List<String> parts = new ArrayList<>(List.of(text.split(split, -1)));
                    if (parts.contains("") || text.contains("\"") || text.contains("'")) {
                        throw new IllegalArgumentException("empty or quoted part");
                    }
                    yield parts;
                }
                default -> throw new IllegalArgumentException("no plain reading for " + type);
            };
        }
    }

    /** Sets the options given after the command's name; false when the line is not plain. */
    private static boolean fill(Subcommand command, String[] args, Map<String, Binding> options)
            throws ReflectiveOperationException {
        Set<Binding> given = new HashSet<>();
        for (int i = 1; i < args.length; i++) {
            String word = args[i];
            if (word.startsWith("@")) {
                return false;   // picocli reads @FILE as more arguments
            }
            int equals = word.indexOf('=');
            String name = equals < 0 ? word : word.substring(0, equals);
            Binding binding = options.get(name);
            if (binding == null || !given.add(binding)) {
                return false;
            }
            if (binding.isFlag()) {
                if (equals >= 0) {
                    return false;
                }
                binding.set(command, null);
                continue;
            }
            String value;
            if (equals >= 0) {
                value = word.substring(equals + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return false;
            }
            if (picocliMayReadAsOption(value) || value.startsWith("@")) {
                return false;
            }
            binding.set(command, value);
        }
        return options.values().stream().allMatch(b -> !b.required() || given.contains(b));
    }

    /**
     * True for a value picocli might take for an option (and then refuse): a long option, or the
     * help options -h and -V, alone or clustered; given after a space or after '='. Others starting
     * with '-' (-1.5, -x^2 + y^2) are values to picocli, as here.
     */
    private static boolean picocliMayReadAsOption(String word) {
        return word.startsWith("--") || word.startsWith("-h") || word.startsWith("-V");
    }
}

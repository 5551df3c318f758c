package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A named hyper-parameter an optimizer or schedule takes: its CLI/API name, its symbol in the
 * update rule, help text, and its {@link Kind} (what values it takes and its default, PyTorch's
 * unless the entry says otherwise).
 *
 * <p>Values reach a Param from three edges in three forms: the command line and URL queries give
 * text ({@code "0.5,1.2"}), JSON bodies give numbers, booleans, strings and arrays, and Java code
 * gives doubles. {@link #accept} turns any of them into the one validated value a {@link Settings}
 * holds, so each kind is parsed and checked in one place.
 *
 * @param name   the CLI/API name, {@code weight-decay}
 * @param symbol how the update rule writes it, {@code λ}; what the CLI's help shows for its value
 * @param help   one line: what it does
 * @param kind   the values it takes, and its default
 */
public record Param(String name, String symbol, String help, Kind kind) {

    /** The most numbers a list parameter takes (milestones): far more than a run's step budget needs. */
    public static final int MAX_LIST_LENGTH = 64;

    /** What values a parameter takes. */
    public sealed interface Kind {}

    /** A real number in a range; a {@code whole} one is a count (of updates, of steps). */
    public record Real(double defaultValue, Range range, boolean whole) implements Kind {}

    /** A boolean, off by default; given bare on the command line. */
    public record Flag() implements Kind {}

    /**
     * A fixed-length tuple ({@code etas} = (η₋, η₊): {@code --etas=0.5,1.2}) or, with
     * {@code minLength < maxLength}, a list ({@code milestones}); every element in {@code range},
     * and, when {@code increasing}, each larger than the one before.
     */
    public record Numbers(List<Double> defaultValue, int minLength, int maxLength, Range range, boolean whole,
            boolean increasing) implements Kind {
        public Numbers {
            defaultValue = List.copyOf(defaultValue);
        }
    }

    /** One of a few names ({@code cos}, {@code linear}). */
    public record Choice(String defaultValue, List<String> choices) implements Kind {
        public Choice {
            choices = List.copyOf(choices);
        }
    }

    public static Param real(String name, String symbol, double defaultValue, Range range, String help) {
        return new Param(name, symbol, help, new Real(defaultValue, range, false));
    }

    /** A whole number (a count of updates) in {@code range}, at most {@link Integer#MAX_VALUE}. */
    public static Param count(String name, String symbol, long defaultValue, Range range, String help) {
        return new Param(name, symbol, help, new Real(defaultValue, range, true));
    }

    public static Param flag(String name, String help) {
        return new Param(name, "", help, new Flag());
    }

    /** Two numbers, each in {@code range}: {@code --etas=A,B}. */
    public static Param pair(String name, String symbol, double first, double second, Range range, String help) {
        return new Param(name, symbol, help, new Numbers(List.of(first, second), 2, 2, range, false, false));
    }

    /**
     * An increasing list of up to {@link #MAX_LIST_LENGTH} whole numbers (counts of updates) in
     * {@code range}: {@code --milestones=30,80}.
     */
    public static Param increasingCounts(String name, String symbol, List<Double> defaultValue, Range range, String help) {
        return new Param(name, symbol, help, new Numbers(defaultValue, 0, MAX_LIST_LENGTH, range, true, true));
    }

    public static Param choice(String name, String defaultValue, List<String> choices, String help) {
        return new Param(name, "", help, new Choice(defaultValue, choices));
    }

    public Param {
        if (kind instanceof Choice c && !c.choices().contains(c.defaultValue())) {
            throw new IllegalArgumentException(name + ": default " + c.defaultValue() + " is not a choice");
        }
    }

    public boolean flag() {
        return kind instanceof Flag;
    }

    /**
     * The value when none is given: a {@code Double} for a real or a flag (0), a {@code List<Double>}
     * for numbers, a {@code String} for a choice, as {@link Settings} holds them.
     */
    public Object defaultValue() {
        return switch (kind) {
            case Real r -> r.defaultValue();
            case Flag f -> 0.0;
            case Numbers n -> n.defaultValue();
            case Choice c -> c.defaultValue();
        };
    }

    /**
     * {@code given} as this parameter's value, checked: a number or its text for a real; a boolean,
     * 0 or 1 (or their text) for a flag; a list of numbers or comma-separated text ({@code "0.5,1.2"})
     * for numbers; a name for a choice. Anything else fails with an {@link InvalidInputException}
     * naming this parameter and saying what it takes.
     */
    public Object accept(Object given) {
        return switch (kind) {
            case Real r -> checkWhole(r.whole(), name, r.range().check(name, number(given, name)));
            case Flag f -> flagValue(given);
            case Numbers n -> numbers(n, given);
            case Choice c -> choiceValue(c, given);
        };
    }

    /** What the value may be, for help and errors: "> 0", "true or false", "two numbers, each > 0", "cos or linear". */
    public String allowed() {
        return switch (kind) {
            case Real r -> (r.whole() ? "a whole number " : "") + r.range().describe();
            case Flag f -> "true or false";
            case Numbers n -> (n.minLength() == n.maxLength() ? countWord(n.minLength()) + " numbers"
                    : n.increasing() ? "an increasing list of numbers" : "a list of numbers")
                    + ", each " + (n.whole() ? "a whole number " : "") + n.range().describe();
            case Choice c -> String.join(" or ", c.choices());
        };
    }

    private double number(Object given, String field) {
        return switch (given) {
            case Number n -> n.doubleValue();
            case String s -> parse(s.strip(), field);
            default -> throw new InvalidInputException(name, name + " takes a number, got " + describe(given));
        };
    }

    private double parse(String text, String field) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(name, field + " must be a number, got '" + text + "'");
        }
    }

    private Double flagValue(Object given) {
        switch (given) {
            case Boolean b -> {
                return b ? 1.0 : 0.0;
            }
            case Number n when n.doubleValue() == 0 || n.doubleValue() == 1 -> {
                return n.doubleValue();
            }
            case String s -> {
                switch (s.strip().toLowerCase(Locale.ROOT)) {
                    case "true", "1", "1.0" -> {
                        return 1.0;
                    }
                    case "false", "0", "0.0" -> {
                        return 0.0;
                    }
                    default -> { }
                }
            }
            default -> { }
        }
        throw new InvalidInputException(name, name + " must be true or false (1 or 0), got " + describe(given));
    }

    private List<Double> numbers(Numbers kind, Object given) {
        List<?> items = switch (given) {
            case List<?> list -> list;
            case String s when s.isBlank() -> List.of();
            case String s -> List.of((Object[]) s.split(",", -1));
            case Number n -> List.of(n);
            default -> throw new InvalidInputException(name, name + " takes " + allowed() + ", got " + describe(given));
        };
        if (items.size() < kind.minLength() || items.size() > kind.maxLength()) {
            throw new InvalidInputException(name, name + " takes " + lengthRule(kind) + " numbers, got "
                    + items.size() + " (" + allowed() + ")");
        }
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String element = name + "[" + i + "]";
            double v = number(items.get(i), element);
            if (!kind.range().contains(v)) {
                throw new InvalidInputException(name, element + " must be " + kind.range().describe() + ", got " + brief(v));
            }
            checkWhole(kind.whole(), element, v);
            if (kind.increasing() && i > 0 && v <= values.get(i - 1)) {
                throw new InvalidInputException(name, name + " must increase, but " + element + " = " + brief(v)
                        + " follows " + brief(values.get(i - 1)));
            }
            values.add(v);
        }
        return List.copyOf(values);
    }

    private double checkWhole(boolean whole, String field, double v) {
        if (whole && (v != Math.rint(v) || v > Integer.MAX_VALUE)) {
            throw new InvalidInputException(name, field + " must be a whole number of updates"
                    + (v > Integer.MAX_VALUE ? " up to " + Integer.MAX_VALUE : "") + ", got " + brief(v));
        }
        return v;
    }

    private String choiceValue(Choice c, Object given) {
        if (given instanceof String s && c.choices().contains(s.strip())) {
            return s.strip();
        }
        throw new InvalidInputException(name, name + " must be " + allowed() + ", got " + describe(given));
    }

    private static String lengthRule(Numbers kind) {
        return kind.minLength() == kind.maxLength() ? Integer.toString(kind.minLength())
                : kind.minLength() == 0 ? "at most " + kind.maxLength() : kind.minLength() + " to " + kind.maxLength();
    }

    private static String countWord(int n) {
        return switch (n) {
            case 1 -> "one";
            case 2 -> "two";
            case 3 -> "three";
            default -> Integer.toString(n);
        };
    }

    private static String describe(Object given) {
        return switch (given) {
            case String s -> "'" + s + "'";
            case Number n -> brief(n.doubleValue());
            case null -> "null";
            default -> String.valueOf(given);
        };
    }

    private static String brief(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}

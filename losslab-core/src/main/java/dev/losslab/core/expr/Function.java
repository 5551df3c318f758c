package dev.losslab.core.expr;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The functions a formula may call, with their arity. What each one computes (and its derivative)
 * is defined once, on the tape: see {@link Op}.
 */
public enum Function {
    SIN("sin", 1), COS("cos", 1), TAN("tan", 1),
    ASIN("asin", 1), ACOS("acos", 1), ATAN("atan", 1), ATAN2("atan2", 2),
    SINH("sinh", 1), COSH("cosh", 1), TANH("tanh", 1),
    EXP("exp", 1), LOG("log", 1), LOG10("log10", 1), SQRT("sqrt", 1), ABS("abs", 1),
    MIN("min", 2), MAX("max", 2), POW("pow", 2),
    SIGMOID("sigmoid", 1), SOFTPLUS("softplus", 1);

    private final String spelling;
    private final int arity;

    Function(String spelling, int arity) {
        this.spelling = spelling;
        this.arity = arity;
    }

    /** The name as typed in a formula. */
    public String spelling() {
        return spelling;
    }

    public int arity() {
        return arity;
    }

    public static Optional<Function> named(String name) {
        return Arrays.stream(values()).filter(f -> f.spelling.equals(name)).findFirst();
    }

    /** Every function name, in the order the README lists them. */
    public static List<String> spellings() {
        return Arrays.stream(values()).map(Function::spelling).toList();
    }
}

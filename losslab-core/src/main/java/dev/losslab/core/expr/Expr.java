package dev.losslab.core.expr;

import java.util.List;
import java.util.Objects;

/**
 * A parsed formula: the syntax tree exactly as typed (no folding, no reordering), so that
 * {@link Printer#print(Expr)} gives back a canonical spelling of the same text and every later
 * pass sees what the user wrote. A closed set: passes switch over it without a default.
 */
public sealed interface Expr {

    /** A number as typed, e.g. {@code 1e-3}; {@code text} is kept so the normalized formula shows it. */
    record Literal(double value, String text) implements Expr {
        public Literal {
            Objects.requireNonNull(text, "text");
        }
    }

    /** x or y. */
    record Variable(Axis axis) implements Expr {
        public Variable {
            Objects.requireNonNull(axis, "axis");
        }
    }

    /** pi or e. */
    record Constant(Named named) implements Expr {
        public Constant {
            Objects.requireNonNull(named, "named");
        }
    }

    /** Unary minus: {@code -operand}. */
    record Negate(Expr operand) implements Expr {
        public Negate {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code left op right}; {@code **} is read as {@link Operator#POWER}. */
    record Binary(Operator operator, Expr left, Expr right) implements Expr {
        public Binary {
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code function(arguments…)}, with exactly {@link Function#arity()} arguments. */
    record Call(Function function, List<Expr> arguments) implements Expr {
        public Call {
            Objects.requireNonNull(function, "function");
            arguments = List.copyOf(arguments);
            if (arguments.size() != function.arity()) {
                throw new IllegalArgumentException(function.spelling() + " takes " + function.arity()
                        + " argument(s), got " + arguments.size());
            }
        }
    }

    /** The two parameters of a surface. */
    enum Axis {
        X("x"), Y("y");

        private final String spelling;

        Axis(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }

    /** The named constants. */
    enum Named {
        PI("pi", Math.PI), E("e", Math.E);

        private final String spelling;
        private final double value;

        Named(String spelling, double value) {
            this.spelling = spelling;
            this.value = value;
        }

        public String spelling() {
            return spelling;
        }

        public double value() {
            return value;
        }
    }

    /** The binary operators, as the normalized text spells them. */
    enum Operator {
        ADD("+"), SUBTRACT("-"), MULTIPLY("*"), DIVIDE("/"), POWER("^");

        private final String spelling;

        Operator(String spelling) {
            this.spelling = spelling;
        }

        public String spelling() {
            return spelling;
        }
    }
}

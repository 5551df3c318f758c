package dev.losslab.core.expr;

import java.util.stream.Collectors;

/**
 * The normalized spelling of a formula: spaces around {@code +} and {@code -}, none around
 * {@code * / ^}, {@code ^} for powers, numbers as typed, and only the parentheses the grouping
 * needs ({@code x*-y}, {@code --x}, {@code 2^-x}: never more, so the printed text nests no deeper
 * than the typed one). Parsing the printed text gives back the same tree, provided it is within
 * {@link Parser#MAX_LENGTH}: the added spaces can make it longer than the typed text.
 */
public final class Printer {

    private Printer() {}

    public static String print(Expr expr) {
        StringBuilder out = new StringBuilder();
        write(expr, out);
        return out.toString();
    }

    private static void write(Expr expr, StringBuilder out) {
        switch (expr) {
            case Expr.Literal l -> out.append(l.text());
            case Expr.Variable v -> out.append(v.axis().spelling());
            case Expr.Constant c -> out.append(c.named().spelling());
            case Expr.Negate n -> {
                out.append('-');
                operand(n.operand(), precedence(n.operand()) < Precedence.PREFIX, out);
            }
            case Expr.Binary b -> {
                int level = precedenceOf(b.operator());
                boolean power = b.operator() == Expr.Operator.POWER;
                // Left operands of the same level group without parentheses, except for powers,
                // which group to the right; right operands are the mirror image.
                operand(b.left(), power ? precedence(b.left()) <= level : precedence(b.left()) < level, out);
                out.append(level == Precedence.SUM ? " " + b.operator().spelling() + " " : b.operator().spelling());
                // A power's exponent is parsed at PREFIX, so it may be a negation or another power.
                boolean rightNeeds = power ? precedence(b.right()) < Precedence.PREFIX : precedence(b.right()) <= level;
                operand(b.right(), rightNeeds, out);
            }
            case Expr.Call c -> out.append(c.function().spelling()).append('(')
                    .append(c.arguments().stream().map(Printer::print).collect(Collectors.joining(", ")))
                    .append(')');
        }
    }

    private static void operand(Expr expr, boolean parenthesize, StringBuilder out) {
        if (parenthesize) {
            out.append('(');
            write(expr, out);
            out.append(')');
        } else {
            write(expr, out);
        }
    }

    /** How tightly an expression holds together when printed: atoms and calls bind tightest. */
    private static int precedence(Expr expr) {
        return switch (expr) {
            case Expr.Binary b -> precedenceOf(b.operator());
            case Expr.Negate n -> Precedence.PREFIX;
            case Expr.Literal l -> Precedence.POWER + 1;
            case Expr.Variable v -> Precedence.POWER + 1;
            case Expr.Constant c -> Precedence.POWER + 1;
            case Expr.Call c -> Precedence.POWER + 1;
        };
    }

    private static int precedenceOf(Expr.Operator operator) {
        return switch (operator) {
            case ADD, SUBTRACT -> Precedence.SUM;
            case MULTIPLY, DIVIDE -> Precedence.PRODUCT;
            case POWER -> Precedence.POWER;
        };
    }
}

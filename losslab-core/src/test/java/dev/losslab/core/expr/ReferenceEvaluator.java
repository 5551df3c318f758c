package dev.losslab.core.expr;

import java.util.List;

/**
 * The test suite's independent reading of the language: walks the syntax tree, no tape, no
 * folding, no bytecode. It follows the README's rules, including the one that matters for bits:
 * a^n with a constant integer exponent |n| ≤ 64 is square-and-multiply (1/a^|n| for n < 0).
 */
final class ReferenceEvaluator {

    private ReferenceEvaluator() {}

    static double evaluate(Expr e, double x, double y) {
        return switch (e) {
            case Expr.Literal l -> l.value();
            case Expr.Constant c -> c.named() == Expr.Named.PI ? Math.PI : Math.E;
            case Expr.Variable v -> v.axis() == Expr.Axis.X ? x : y;
            case Expr.Negate n -> -evaluate(n.operand(), x, y);
            case Expr.Binary b -> {
                double l = evaluate(b.left(), x, y);
                double r = evaluate(b.right(), x, y);
                yield switch (b.operator()) {
                    case ADD -> l + r;
                    case SUBTRACT -> l - r;
                    case MULTIPLY -> l * r;
                    case DIVIDE -> l / r;
                    case POWER -> power(l, r, isConstant(b.right()));
                };
            }
            case Expr.Call c -> {
                double a = evaluate(c.arguments().getFirst(), x, y);
                double b = c.arguments().size() > 1 ? evaluate(c.arguments().get(1), x, y) : Double.NaN;
                yield switch (c.function()) {
                    case SIN -> Math.sin(a);
                    case COS -> Math.cos(a);
                    case TAN -> Math.tan(a);
                    case ASIN -> Math.asin(a);
                    case ACOS -> Math.acos(a);
                    case ATAN -> Math.atan(a);
                    case ATAN2 -> Math.atan2(a, b);
                    case SINH -> Math.sinh(a);
                    case COSH -> Math.cosh(a);
                    case TANH -> Math.tanh(a);
                    case EXP -> Math.exp(a);
                    case LOG -> Math.log(a);
                    case LOG10 -> Math.log10(a);
                    case SQRT -> Math.sqrt(a);
                    case ABS -> Math.abs(a);
                    case MIN -> Math.min(a, b);
                    case MAX -> Math.max(a, b);
                    case POW -> power(a, b, isConstant(c.arguments().get(1)));
                    case SIGMOID -> a >= 0 ? 1 / (1 + Math.exp(-a)) : Math.exp(a) / (1 + Math.exp(a));
                    case SOFTPLUS -> a > 0 ? a + Math.log1p(Math.exp(-a)) : Math.log1p(Math.exp(a));
                };
            }
        };
    }

    private static double power(double a, double n, boolean constantExponent) {
        if (!constantExponent || n != Math.rint(n) || Math.abs(n) > 64) {
            return Math.pow(a, n);
        }
        long k = (long) Math.abs(n);
        if (k == 0) {
            return 1;
        }
        double result = Double.NaN;
        boolean first = true;
        double square = a;
        while (true) {
            if ((k & 1) != 0) {
                result = first ? square : result * square;
                first = false;
            }
            k >>= 1;
            if (k == 0) {
                break;
            }
            square = square * square;
        }
        return n < 0 ? 1 / result : result;
    }

    /** True when the expression mentions neither x nor y. */
    static boolean isConstant(Expr e) {
        return switch (e) {
            case Expr.Literal l -> true;
            case Expr.Constant c -> true;
            case Expr.Variable v -> false;
            case Expr.Negate n -> isConstant(n.operand());
            case Expr.Binary b -> isConstant(b.left()) && isConstant(b.right());
            case Expr.Call c -> c.arguments().stream().allMatch(ReferenceEvaluator::isConstant);
        };
    }

    /**
     * The largest finite |value| of any subexpression at (x, y): how big the numbers the formula
     * juggles get, and so how much rounding (ulp of that) can hide inside the result.
     */
    static double largestIntermediate(Expr e, double x, double y) {
        double here = Math.abs(evaluate(e, x, y));
        double largest = Double.isFinite(here) ? here : 0;
        List<Expr> children = switch (e) {
            case Expr.Literal l -> List.of();
            case Expr.Constant c -> List.of();
            case Expr.Variable v -> List.of();
            case Expr.Negate n -> List.of(n.operand());
            case Expr.Binary b -> List.of(b.left(), b.right());
            case Expr.Call c -> c.arguments();
        };
        for (Expr child : children) {
            largest = Math.max(largest, largestIntermediate(child, x, y));
        }
        return largest;
    }
}

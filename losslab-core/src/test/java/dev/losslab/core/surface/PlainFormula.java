package dev.losslab.core.surface;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * A deliberately small evaluator for the catalog's formula strings, so tests can check that each
 * {@link Landscape#formula()} describes the same function as its {@link Surface}, in the syntax the
 * expression language will parse: numbers, x, y, pi, e, + − * / ^, parentheses, and
 * sin cos tan exp log sqrt abs. Test-only: the product's parser lives in the expr package.
 * <pre>
 *   sum     = product (("+" | "-") product)*
 *   product = unary (("*" | "/") unary)*
 *   unary   = "-" unary | power
 *   power   = atom ("^" unary)?          right-associative, binds tighter than a leading minus
 *   atom    = number | x | y | pi | e | name "(" sum ")" | "(" sum ")"
 * </pre>
 */
final class PlainFormula {

    private final String text;
    private int pos;

    private PlainFormula(String text) {
        this.text = text;
    }

    /** The formula as a function of (x, y); fails with the column of the first unexpected character. */
    static DoubleBinaryOperator parse(String text) {
        PlainFormula p = new PlainFormula(text);
        DoubleBinaryOperator f = p.sum();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw p.error("end of formula");
        }
        return f;
    }

    private DoubleBinaryOperator sum() {
        DoubleBinaryOperator left = product();
        while (true) {
            if (eat('+')) {
                DoubleBinaryOperator l = left, r = product();
                left = (x, y) -> l.applyAsDouble(x, y) + r.applyAsDouble(x, y);
            } else if (eat('-')) {
                DoubleBinaryOperator l = left, r = product();
                left = (x, y) -> l.applyAsDouble(x, y) - r.applyAsDouble(x, y);
            } else {
                return left;
            }
        }
    }

    private DoubleBinaryOperator product() {
        DoubleBinaryOperator left = unary();
        while (true) {
            if (eat('*')) {
                DoubleBinaryOperator l = left, r = unary();
                left = (x, y) -> l.applyAsDouble(x, y) * r.applyAsDouble(x, y);
            } else if (eat('/')) {
                DoubleBinaryOperator l = left, r = unary();
                left = (x, y) -> l.applyAsDouble(x, y) / r.applyAsDouble(x, y);
            } else {
                return left;
            }
        }
    }

    private DoubleBinaryOperator unary() {
        if (eat('-')) {
            DoubleBinaryOperator operand = unary();
            return (x, y) -> -operand.applyAsDouble(x, y);
        }
        DoubleBinaryOperator base = atom();
        if (eat('^')) {
            DoubleBinaryOperator exponent = unary();
            return (x, y) -> Math.pow(base.applyAsDouble(x, y), exponent.applyAsDouble(x, y));
        }
        return base;
    }

    private DoubleBinaryOperator atom() {
        skipSpaces();
        if (eat('(')) {
            DoubleBinaryOperator inner = sum();
            expect(')');
            return inner;
        }
        int start = pos;
        if (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
            while (pos < text.length() && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            double c = Double.parseDouble(text.substring(start, pos));
            return (x, y) -> c;
        }
        while (pos < text.length() && Character.isLetter(text.charAt(pos))) {
            pos++;
        }
        String name = text.substring(start, pos);
        DoubleBinaryOperator variable = switch (name) {
            case "x" -> (x, y) -> x;
            case "y" -> (x, y) -> y;
            case "pi" -> (x, y) -> Math.PI;
            case "e" -> (x, y) -> Math.E;
            default -> null;
        };
        if (variable != null) {
            return variable;
        }
        if (name.isEmpty()) {
            throw error("a number, a name or '('");
        }
        DoubleUnaryOperator fn = switch (name) {
            case "sin" -> Math::sin;
            case "cos" -> Math::cos;
            case "tan" -> Math::tan;
            case "exp" -> Math::exp;
            case "log" -> Math::log;
            case "sqrt" -> Math::sqrt;
            case "abs" -> Math::abs;
            default -> throw error("a known function, not '" + name + "'");
        };
        expect('(');
        DoubleBinaryOperator argument = sum();
        expect(')');
        return (x, y) -> fn.applyAsDouble(argument.applyAsDouble(x, y));
    }

    private boolean eat(char c) {
        skipSpaces();
        if (pos < text.length() && text.charAt(pos) == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!eat(c)) {
            throw error("'" + c + "'");
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private IllegalArgumentException error(String expected) {
        return new IllegalArgumentException("expected " + expected + " at column " + (pos + 1) + " of " + text);
    }
}

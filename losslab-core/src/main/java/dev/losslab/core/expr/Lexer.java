package dev.losslab.core.expr;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a formula into {@link Token}s. Numbers are {@code digits [. digits] [e [+-] digits]} (a
 * leading dot is allowed: {@code .5}); names are a letter followed by letters, digits or
 * underscores; {@code **} is one power token. Spaces, tabs and line breaks separate tokens.
 */
final class Lexer {

    private final String text;
    private final String field;
    private int pos;

    private Lexer(String text, String field) {
        this.text = text;
        this.field = field;
    }

    /** Every token of {@code text}, ending with one {@link Token.Kind#END}. */
    static List<Token> tokens(String text, String field) {
        Lexer lexer = new Lexer(text, field);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = lexer.next();
            tokens.add(t);
        } while (t.kind() != Token.Kind.END);
        return tokens;
    }

    private Token next() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos == text.length()) {
            return new Token(Token.Kind.END, "", start);
        }
        char c = text.charAt(pos);
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number(start);
        }
        if (isLetter(c)) {
            pos++;
            while (pos < text.length() && (isLetter(text.charAt(pos)) || isDigit(text.charAt(pos))
                    || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Token.Kind.NAME, text.substring(start, pos), start);
        }
        pos++;
        Token.Kind kind = switch (c) {
            case '+' -> Token.Kind.PLUS;
            case '-' -> Token.Kind.MINUS;
            case '/' -> Token.Kind.SLASH;
            case '^' -> Token.Kind.POWER;
            case ',' -> Token.Kind.COMMA;
            case '(' -> Token.Kind.LEFT_PAREN;
            case ')' -> Token.Kind.RIGHT_PAREN;
            case '*' -> {
                if (pos < text.length() && text.charAt(pos) == '*') {
                    pos++;
                    yield Token.Kind.POWER;
                }
                yield Token.Kind.STAR;
            }
            default -> throw FormulaException.at(field, text, start, "unexpected character " + describe(start),
                    "a formula has numbers, x, y, pi, e, function names, + - * / ^ **, commas and parentheses");
        };
        return new Token(kind, text.substring(start, pos), start);
    }

    private Token number(int start) {
        digits();
        if (pos < text.length() && text.charAt(pos) == '.') {
            pos++;
            digits();
        }
        if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
            int mark = pos;
            int p = pos + 1;
            if (p < text.length() && (text.charAt(p) == '+' || text.charAt(p) == '-')) {
                p++;
            }
            if (p < text.length() && isDigit(text.charAt(p))) {
                pos = p;
                digits();
            } else if (p > mark + 1) {
                // "1e+" or "1e-" with no digits: a number that stops half-way, not "1·e + …".
                throw FormulaException.at(field, text, p, "expected digits after '" + text.substring(start, p) + "'",
                        null);
            }
        }
        String literal = text.substring(start, pos);
        double value = Double.parseDouble(literal);
        if (Double.isInfinite(value)) {
            throw FormulaException.at(field, text, start,
                    "number '" + FormulaException.tail(literal, 24) + "' is too large", "the largest is about 1.8e308");
        }
        return new Token(Token.Kind.NUMBER, literal, start);
    }

    private void digits() {
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
    }

    private String describe(int at) {
        int cp = text.codePointAt(at);
        if (cp >= 0x21 && cp < 0x7f) {
            return "'" + (char) cp + "'";
        }
        String name = Character.getName(cp);
        return String.format("U+%04X", cp) + (name == null ? "" : " (" + name.toLowerCase(java.util.Locale.ROOT) + ")");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}

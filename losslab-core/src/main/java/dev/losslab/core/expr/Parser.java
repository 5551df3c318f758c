package dev.losslab.core.expr;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A Pratt parser for formulas in x and y (after Bob Nystrom's bantam). Each token kind that can
 * start an expression has a {@link PrefixParselet}; each binary operator has an
 * {@link InfixParselet} with its {@link Precedence}. The grammar it accepts:
 * <pre>
 *   formula  = expr END
 *   expr     = prefix { infix }                          (grouped by Precedence)
 *   prefix   = number | "x" | "y" | "pi" | "e" | "(" expr ")" | "-" expr
 *            | function "(" expr { "," expr } ")"        (exactly the function's arity)
 *   infix    = ("+" | "-" | "*" | "/" | "^" | "**") expr
 * </pre>
 * Every error names what was expected, after what, and the column: {@code expected ')' after
 * '(1 - x' at column 7}, followed by the formula and a caret.
 *
 * <p>Bounded on hostile input: at most {@value #MAX_LENGTH} characters, and at most
 * {@value #MAX_DEPTH} levels of nesting (parentheses, calls, signs, powers), checked on the way
 * down, so 20,000 opening parentheses fail fast instead of overflowing the stack.
 */
public final class Parser {

    /** The longest formula accepted, in characters. */
    public static final int MAX_LENGTH = 4000;
    /** The deepest nesting of parentheses, calls, unary minus and powers. */
    public static final int MAX_DEPTH = 200;

    private static final Map<Token.Kind, PrefixParselet> PREFIX = new EnumMap<>(Token.Kind.class);
    private static final Map<Token.Kind, InfixParselet> INFIX = new EnumMap<>(Token.Kind.class);

    static {
        PREFIX.put(Token.Kind.NUMBER, new NumberParselet());
        PREFIX.put(Token.Kind.NAME, new NameParselet());
        PREFIX.put(Token.Kind.LEFT_PAREN, new GroupParselet());
        PREFIX.put(Token.Kind.MINUS, new NegateParselet());
        INFIX.put(Token.Kind.PLUS, new BinaryParselet(Expr.Operator.ADD, Precedence.SUM, false));
        INFIX.put(Token.Kind.MINUS, new BinaryParselet(Expr.Operator.SUBTRACT, Precedence.SUM, false));
        INFIX.put(Token.Kind.STAR, new BinaryParselet(Expr.Operator.MULTIPLY, Precedence.PRODUCT, false));
        INFIX.put(Token.Kind.SLASH, new BinaryParselet(Expr.Operator.DIVIDE, Precedence.PRODUCT, false));
        INFIX.put(Token.Kind.POWER, new BinaryParselet(Expr.Operator.POWER, Precedence.POWER, true));
    }

    private final String text;
    private final String field;
    private final List<Token> tokens;
    private int next;
    /** Nested parse calls below the top one. */
    private int depth = -1;

    private Parser(String text, String field, List<Token> tokens) {
        this.text = text;
        this.field = field;
        this.tokens = tokens;
    }

    /**
     * The syntax tree of {@code text}.
     *
     * @param field how error messages name the input ({@code surface}, {@code formula})
     * @throws FormulaException (an {@link dev.losslab.core.InvalidInputException}) for any malformed,
     *                          empty, too long or too deeply nested formula
     */
    public static Expr parse(String text, String field) {
        if (text.length() > MAX_LENGTH) {
            throw FormulaException.whole(field, "a formula may have at most " + MAX_LENGTH
                    + " characters, this one has " + text.length());
        }
        Parser parser = new Parser(text, field, Lexer.tokens(text, field));
        if (parser.peek().kind() == Token.Kind.END) {
            throw parser.error(parser.peek(), "expected a formula in x and y, found an empty text", null);
        }
        Expr expr = parser.parse(Precedence.LOWEST, 0);
        Token last = parser.peek();
        if (last.kind() != Token.Kind.END) {
            throw parser.error(last, "expected an operator or the end after '" + parser.snippet(0, last)
                    + "', found " + last.describe(), null);
        }
        return expr;
    }

    /** An expression whose operators all bind tighter than {@code precedence}. */
    Expr parse(int precedence) {
        return parse(precedence, tokens.get(Math.max(0, next - 1)).start());
    }

    /**
     * The Pratt loop. {@code after} is where the enclosing construct began, so that an error can
     * quote what came before ("after '2 *'").
     */
    Expr parse(int precedence, int after) {
        Token token = consume();
        if (++depth > MAX_DEPTH) {
            throw error(token, "nesting deeper than " + MAX_DEPTH + " levels",
                    "a formula may nest parentheses, calls, signs and powers at most " + MAX_DEPTH + " deep");
        }
        PrefixParselet prefix = PREFIX.get(token.kind());
        if (prefix == null) {
            throw error(token, "expected a number, a name or '('" + afterSnippet(after, token)
                    + (token.kind() == Token.Kind.END ? "" : ", found " + token.describe()), null);
        }
        int start = token.start();
        Expr left = prefix.parse(this, token);
        while (precedence < precedenceOf(peek())) {
            Token operator = consume();
            left = INFIX.get(operator.kind()).parse(this, left, operator, start);
        }
        depth--;
        return left;
    }

    Token peek() {
        return tokens.get(next);
    }

    private Token consume() {
        Token t = tokens.get(next);
        if (t.kind() != Token.Kind.END) {
            next++;
        }
        return t;
    }

    /**
     * Consumes a token of kind {@code kind} or fails with "expected {what} after '…'".
     *
     * @param after where the construct being closed began
     * @param note  added in parentheses after the quote ("atan2 takes 2 arguments"), or null
     */
    void expect(Token.Kind kind, String what, int after, String note) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(t, "expected " + what + afterSnippet(after, t) + (note == null ? "" : " (" + note + ")")
                    + (t.kind() == Token.Kind.END ? "" : ", found " + t.describe()), null);
        }
        consume();
    }

    FormulaException error(Token at, String problem, String hint) {
        return FormulaException.at(field, text, at.start(), problem, hint);
    }

    private String afterSnippet(int from, Token at) {
        String s = snippet(from, at);
        return s.isEmpty() ? "" : " after '" + s + "'";
    }

    /** The text from {@code from} up to the token, trimmed and cut to its last 30 characters. */
    private String snippet(int from, Token at) {
        return FormulaException.tail(text.substring(from, at.start()), 30);
    }

    private static int precedenceOf(Token token) {
        InfixParselet infix = INFIX.get(token.kind());
        return infix == null ? Precedence.LOWEST : infix.precedence();
    }
}

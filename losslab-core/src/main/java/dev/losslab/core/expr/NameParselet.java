package dev.losslab.core.expr;

import dev.losslab.core.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * A name: the variables x and y, the constants pi and e, or a function call
 * {@code name(argument, …)} with exactly the function's number of arguments.
 */
final class NameParselet implements PrefixParselet {

    private static final List<String> VALUES = List.of("x", "y", "pi", "e");

    @Override
    public Expr parse(Parser parser, Token token) {
        String name = token.text();
        switch (name) {
            case "x" -> {
                return new Expr.Variable(Expr.Axis.X);
            }
            case "y" -> {
                return new Expr.Variable(Expr.Axis.Y);
            }
            case "pi" -> {
                return new Expr.Constant(Expr.Named.PI);
            }
            case "e" -> {
                return new Expr.Constant(Expr.Named.E);
            }
            default -> { }
        }
        boolean called = parser.peek().kind() == Token.Kind.LEFT_PAREN;
        var function = Function.named(name);
        if (function.isEmpty()) {
            throw called ? unknownFunction(parser, token) : unknownVariable(parser, token);
        }
        Function f = function.get();
        String takes = f.spelling() + " takes " + f.arity() + (f.arity() == 1 ? " argument" : " arguments");
        parser.expect(Token.Kind.LEFT_PAREN, "'('", token.start(), null);
        List<Expr> arguments = new ArrayList<>(f.arity());
        for (int i = 0; i < f.arity(); i++) {
            if (i > 0) {
                parser.expect(Token.Kind.COMMA, "','", token.start(), takes);
            }
            arguments.add(parser.parse(Precedence.LOWEST, token.start()));
        }
        parser.expect(Token.Kind.RIGHT_PAREN, "')'", token.start(), takes);
        return new Expr.Call(f, arguments);
    }

    private static FormulaException unknownFunction(Parser parser, Token token) {
        String suggestion = Names.closest(token.text(), Function.spellings());
        return parser.error(token, "unknown function '" + FormulaException.tail(token.text(), 24) + "'",
                suggestion != null ? "did you mean '" + suggestion + "'?"
                        : "the functions are " + String.join(", ", Function.spellings()));
    }

    private static FormulaException unknownVariable(Parser parser, Token token) {
        String suggestion = Names.closest(token.text(), VALUES);
        return parser.error(token, "unknown name '" + FormulaException.tail(token.text(), 24) + "'",
                suggestion != null && (token.text().length() > 1 || token.text().equalsIgnoreCase(suggestion))
                        ? "expected x, y, pi or e; did you mean '" + suggestion + "'?"
                        : "expected x, y, pi, e or a function call such as sin(x)");
    }
}

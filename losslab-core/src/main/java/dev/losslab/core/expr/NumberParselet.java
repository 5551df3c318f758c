package dev.losslab.core.expr;

/** A number literal. The lexer has checked that it is finite. */
final class NumberParselet implements PrefixParselet {

    @Override
    public Expr parse(Parser parser, Token token) {
        return new Expr.Literal(Double.parseDouble(token.text()), token.text());
    }
}

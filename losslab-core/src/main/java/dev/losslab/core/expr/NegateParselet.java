package dev.losslab.core.expr;

/**
 * Unary minus. Its operand is parsed at {@link Precedence#PREFIX}, so a power inside it binds
 * first ({@code -x^2} is −(x²)) and a product outside it does not ({@code -a*b} is (−a)·b).
 */
final class NegateParselet implements PrefixParselet {

    @Override
    public Expr parse(Parser parser, Token token) {
        return new Expr.Negate(parser.parse(Precedence.PREFIX));
    }
}

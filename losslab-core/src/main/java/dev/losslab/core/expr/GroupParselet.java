package dev.losslab.core.expr;

/** {@code ( expression )}: parentheses only group; the tree keeps no trace of them. */
final class GroupParselet implements PrefixParselet {

    @Override
    public Expr parse(Parser parser, Token token) {
        Expr inner = parser.parse(Precedence.LOWEST);
        parser.expect(Token.Kind.RIGHT_PAREN, "')'", token.start(), null);
        return inner;
    }
}

package dev.losslab.core.expr;

/**
 * The binary operators: one parselet per family, told its precedence and associativity.
 * A left-associative operator parses its right operand one level tighter than itself, so the
 * loop in {@link Parser#parse(int)} picks up the next operator of the same level; the power
 * operator parses its right operand at {@link Precedence#PREFIX}, which lets another power (and
 * a leading minus) nest to the right: {@code 2^3^2} is 2^(3^2), {@code 2^-1} is 2^(−1).
 */
final class BinaryParselet implements InfixParselet {

    private final Expr.Operator operator;
    private final int precedence;
    private final boolean rightAssociative;

    BinaryParselet(Expr.Operator operator, int precedence, boolean rightAssociative) {
        this.operator = operator;
        this.precedence = precedence;
        this.rightAssociative = rightAssociative;
    }

    @Override
    public Expr parse(Parser parser, Expr left, Token token, int leftStart) {
        Expr right = parser.parse(rightAssociative ? precedence - 1 : precedence, leftStart);
        return new Expr.Binary(operator, left, right);
    }

    @Override
    public int precedence() {
        return precedence;
    }
}

package dev.losslab.core.expr;

/** Parses the rest of an expression whose left operand is already parsed (a binary operator). */
interface InfixParselet {

    Expr parse(Parser parser, Expr left, Token token, int leftStart);

    /** How tightly the operator binds; see {@link Precedence}. */
    int precedence();
}

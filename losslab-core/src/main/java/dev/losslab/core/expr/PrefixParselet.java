package dev.losslab.core.expr;

/** Parses an expression that starts with a given token (a number, a name, '(', '-'). */
interface PrefixParselet {

    Expr parse(Parser parser, Token token);
}

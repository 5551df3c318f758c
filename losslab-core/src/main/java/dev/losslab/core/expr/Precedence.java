package dev.losslab.core.expr;

/**
 * How tightly each operator binds, loosest first. The parser keeps consuming infix operators while
 * the next one binds tighter than the level it was asked for.
 * <pre>
 *   SUM      + -         left-associative    a - b + c    = (a - b) + c
 *   PRODUCT  * /         left-associative    a / b * c    = (a / b) * c
 *   PREFIX   unary -                         -a * b       = (-a) * b
 *   POWER    ^ **        right-associative   -a^b^c       = -(a^(b^c))
 *
 *   -x^2*3 + 1   groups as   ((-(x^2))*3) + 1
 *   2^-x*y       groups as   (2^(-x))*y        the exponent may start with a sign
 * </pre>
 */
final class Precedence {

    /** Below every operator: parse a whole expression. */
    static final int LOWEST = 0;
    static final int SUM = 1;
    static final int PRODUCT = 2;
    static final int PREFIX = 3;
    static final int POWER = 4;

    private Precedence() {}
}

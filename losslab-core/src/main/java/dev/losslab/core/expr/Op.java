package dev.losslab.core.expr;

/**
 * The operations of a {@link Tape}: the formula's functions, the arithmetic, and {@link #PICK}
 * (the branch a kink takes, which derivatives of abs, min and max use). {@link #apply} is the one
 * definition of what each computes; compiled code calls the same methods.
 */
enum Op {
    CONST(0), X(0), Y(0),
    NEG(1), ADD(2), SUB(2), MUL(2), DIV(2), POW(2),
    SIN(1), COS(1), TAN(1), ASIN(1), ACOS(1), ATAN(1), ATAN2(2),
    SINH(1), COSH(1), TANH(1), EXP(1), LOG(1), LOG10(1), SQRT(1), ABS(1),
    MIN(2), MAX(2), SIGMOID(1), SOFTPLUS(1),
    /** pick(c, a, b) = c ≥ 0 ? a : b. */
    PICK(3);

    private final int arity;

    Op(int arity) {
        this.arity = arity;
    }

    int arity() {
        return arity;
    }

    boolean commutative() {
        return this == ADD || this == MUL;
    }

    /** The value of this operation on its arguments (unused ones are ignored). Not for CONST, X, Y. */
    double apply(double a, double b, double c) {
        return switch (this) {
            case CONST, X, Y -> throw new IllegalStateException(this + " has no arguments");
            case NEG -> -a;
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            case SIN -> Math.sin(a);
            case COS -> Math.cos(a);
            case TAN -> Math.tan(a);
            case ASIN -> Math.asin(a);
            case ACOS -> Math.acos(a);
            case ATAN -> Math.atan(a);
            case ATAN2 -> Math.atan2(a, b);
            case SINH -> Math.sinh(a);
            case COSH -> Math.cosh(a);
            case TANH -> Math.tanh(a);
            case EXP -> Math.exp(a);
            case LOG -> Math.log(a);
            case LOG10 -> Math.log10(a);
            case SQRT -> Math.sqrt(a);
            case ABS -> Math.abs(a);
            case MIN -> Math.min(a, b);
            case MAX -> Math.max(a, b);
            case SIGMOID -> MoreMath.sigmoid(a);
            case SOFTPLUS -> MoreMath.softplus(a);
            case PICK -> MoreMath.pick(a, b, c);
        };
    }
}

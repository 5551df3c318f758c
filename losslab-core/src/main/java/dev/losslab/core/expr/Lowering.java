package dev.losslab.core.expr;

/** Writes a syntax tree onto a {@link Tape}: one node per operation, shared where equal. */
final class Lowering {

    private Lowering() {}

    /** The node computing {@code expr}. */
    static int lower(Expr expr, Tape t) {
        return switch (expr) {
            case Expr.Literal l -> t.constant(l.value());
            case Expr.Constant c -> t.constant(c.named().value());
            case Expr.Variable v -> switch (v.axis()) {
                case X -> t.x;
                case Y -> t.y;
            };
            case Expr.Negate n -> t.neg(lower(n.operand(), t));
            case Expr.Binary b -> {
                int left = lower(b.left(), t);
                int right = lower(b.right(), t);
                yield switch (b.operator()) {
                    case ADD -> t.add(left, right);
                    case SUBTRACT -> t.sub(left, right);
                    case MULTIPLY -> t.mul(left, right);
                    case DIVIDE -> t.div(left, right);
                    case POWER -> t.power(left, right);
                };
            }
            case Expr.Call c -> call(c, t);
        };
    }

    private static int call(Expr.Call c, Tape t) {
        int a = lower(c.arguments().getFirst(), t);
        int b = c.arguments().size() > 1 ? lower(c.arguments().get(1), t) : -1;
        return switch (c.function()) {
            case POW -> t.power(a, b);
            case SIN -> t.apply(Op.SIN, a, -1, -1);
            case COS -> t.apply(Op.COS, a, -1, -1);
            case TAN -> t.apply(Op.TAN, a, -1, -1);
            case ASIN -> t.apply(Op.ASIN, a, -1, -1);
            case ACOS -> t.apply(Op.ACOS, a, -1, -1);
            case ATAN -> t.apply(Op.ATAN, a, -1, -1);
            case ATAN2 -> t.apply(Op.ATAN2, a, b, -1);
            case SINH -> t.apply(Op.SINH, a, -1, -1);
            case COSH -> t.apply(Op.COSH, a, -1, -1);
            case TANH -> t.apply(Op.TANH, a, -1, -1);
            case EXP -> t.apply(Op.EXP, a, -1, -1);
            case LOG -> t.apply(Op.LOG, a, -1, -1);
            case LOG10 -> t.apply(Op.LOG10, a, -1, -1);
            case SQRT -> t.apply(Op.SQRT, a, -1, -1);
            case ABS -> t.apply(Op.ABS, a, -1, -1);
            case MIN -> t.apply(Op.MIN, a, b, -1);
            case MAX -> t.apply(Op.MAX, a, b, -1);
            case SIGMOID -> t.apply(Op.SIGMOID, a, -1, -1);
            case SOFTPLUS -> t.apply(Op.SOFTPLUS, a, -1, -1);
        };
    }
}

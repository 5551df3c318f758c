package dev.losslab.core.expr;

/**
 * Exact symbolic differentiation on a {@link Tape}, forward through the nodes: the derivative of
 * node i is built from its arguments' derivatives by the rules below, as new (hash-consed) nodes
 * on the same tape, so ∇f shares work with f and ∇²f with both. Second derivatives are the same
 * pass applied to a first derivative.
 * <pre>
 *   (u ± v)' = u' ± v'            (u·v)' = u·v' + u'·v          (u/v)' = (u' − q·v')/v,  q = u/v
 *   (u^c)'   = c·u^(c−1)·u'  (constant c)      (u^v)' = p·(v'·log u + v·u'/u),  p = u^v
 *   sin' = cos    cos' = −sin    tan' = 1 + tan²    asin' = 1/√(1 − u²)    acos' = −1/√(1 − u²)
 *   atan' = 1/(1 + u²)    atan2(u, v)' = (v·u' − u·v')/(u² + v²)
 *   sinh' = cosh    cosh' = sinh    tanh' = 1 − tanh²    exp' = exp    log' = 1/u
 *   log10' = 1/(u·ln 10)    sqrt' = 1/(2·√u)    sigmoid' = s·(1 − s)    softplus' = sigmoid
 *   abs(u)'    = pick(u, u', −u')            the slope of the branch abs takes: +u' at u = 0
 *   min(u, v)' = pick(v − u, u', v')         u' on a tie (min is u when u ≤ v)
 *   max(u, v)' = pick(u − v, u', v')         u' on a tie (max is u when u ≥ v)
 *   pick(c, a, b)' = pick(c, a', b')
 * </pre>
 * Unlike the {@link Tape}'s own rewrites, the ones here use algebra that IEEE arithmetic does not
 * (0·u = 0, 0/u = 0, u + 0 = u, u + u = 2·u, c₁·(c₂·u) = (c₁c₂)·u), because a derivative term that is identically zero should cost
 * nothing; they never touch f itself.
 */
final class Derivatives {

    private static final double LN_10 = Math.log(10);

    private final Tape t;
    private final int variable;
    private final int[] d;

    private Derivatives(Tape t, int variable, int size) {
        this.t = t;
        this.variable = variable;
        this.d = new int[size];
    }

    /** The node of ∂(root)/∂(variable), where variable is {@link Tape#x} or {@link Tape#y}. */
    static int of(Tape t, int root, int variable) {
        int size = root + 1;
        Derivatives pass = new Derivatives(t, variable, size);
        boolean[] live = t.cone(root);
        for (int i = 0; i < size; i++) {
            if (live[i]) {
                pass.d[i] = pass.rule(i);
            }
        }
        return pass.d[root];
    }

    private int rule(int i) {
        Op op = t.op(i);
        int a = op.arity() > 0 ? t.arg(i, 0) : -1;
        int b = op.arity() > 1 ? t.arg(i, 1) : -1;
        int da = a >= 0 ? d[a] : -1;
        int db = b >= 0 ? d[b] : -1;
        return switch (op) {
            case CONST -> t.zero;
            case X, Y -> i == variable ? t.one : t.zero;
            case NEG -> neg(da);
            case ADD -> plus(da, db);
            case SUB -> minus(da, db);
            case MUL -> plus(times(a, db), times(da, b));
            case DIV -> over(minus(da, times(i, db)), b);
            case POW -> t.isConstant(b)
                    ? times(times(b, t.power(a, t.sub(b, t.one))), da)
                    : times(i, plus(times(db, fn(Op.LOG, a)), over(times(b, da), a)));
            case SIN -> times(fn(Op.COS, a), da);
            case COS -> neg(times(fn(Op.SIN, a), da));
            case TAN -> times(t.add(t.one, t.mul(i, i)), da);
            case ASIN -> over(da, fn(Op.SQRT, t.sub(t.one, t.mul(a, a))));
            case ACOS -> neg(over(da, fn(Op.SQRT, t.sub(t.one, t.mul(a, a)))));
            case ATAN -> over(da, t.add(t.one, t.mul(a, a)));
            case ATAN2 -> over(minus(times(b, da), times(a, db)), t.add(t.mul(a, a), t.mul(b, b)));
            case SINH -> times(fn(Op.COSH, a), da);
            case COSH -> times(fn(Op.SINH, a), da);
            case TANH -> times(t.sub(t.one, t.mul(i, i)), da);
            case EXP -> times(i, da);
            case LOG -> over(da, a);
            case LOG10 -> over(da, t.mul(a, t.constant(LN_10)));
            case SQRT -> over(da, t.mul(t.constant(2), i));
            case ABS -> pick(a, da, neg(da));
            case MIN -> pick(t.sub(b, a), da, db);
            case MAX -> pick(t.sub(a, b), da, db);
            case SIGMOID -> times(t.mul(i, t.sub(t.one, i)), da);
            case SOFTPLUS -> times(fn(Op.SIGMOID, a), da);
            case PICK -> pick(a, db, d[t.arg(i, 2)]);
        };
    }

    private int fn(Op op, int a) {
        return t.apply(op, a, -1, -1);
    }

    private boolean isZero(int node) {
        return t.isConstant(node) && t.constantValue(node) == 0;
    }

    private int plus(int a, int b) {
        if (a == b) {
            return times(t.constant(2), a);
        }
        return isZero(a) ? b : isZero(b) ? a : t.add(a, b);
    }

    private int minus(int a, int b) {
        return isZero(b) ? a : isZero(a) ? neg(b) : t.sub(a, b);
    }

    /**
     * a·b, with constant factors gathered in front and multiplied together: c₁·(c₂·u) = (c₁c₂)·u,
     * c·(−u) = (−c)·u, (c·u)·v = c·(u·v). This is what turns Rosenbrock's ∂f/∂x into two
     * products and a sum.
     */
    private int times(int a, int b) {
        if (isZero(a) || isZero(b)) {
            return t.zero;
        }
        if (t.isConstant(b) && !t.isConstant(a)) {
            return times(b, a);
        }
        if (t.isConstant(a)) {
            double c = t.constantValue(a);
            if (c == 1) {
                return b;
            }
            if (c == -1) {
                return neg(b);
            }
            if (t.op(b) == Op.NEG) {
                return times(t.constant(-c), t.arg(b, 0));
            }
            int factor = constantFactor(b);
            if (factor >= 0) {
                return times(t.constant(c * t.constantValue(factor)), otherFactor(b, factor));
            }
            return t.mul(a, b);
        }
        int fa = constantFactor(a);
        if (fa >= 0) {
            return times(fa, times(otherFactor(a, fa), b));
        }
        int fb = constantFactor(b);
        if (fb >= 0) {
            return times(fb, times(a, otherFactor(b, fb)));
        }
        return t.mul(a, b);
    }

    /** The constant argument of a product c·u, or −1. */
    private int constantFactor(int node) {
        if (t.op(node) != Op.MUL) {
            return -1;
        }
        return t.isConstant(t.arg(node, 0)) ? t.arg(node, 0) : t.isConstant(t.arg(node, 1)) ? t.arg(node, 1) : -1;
    }

    private int otherFactor(int product, int factor) {
        return t.arg(product, 0) == factor ? t.arg(product, 1) : t.arg(product, 0);
    }

    private int over(int a, int b) {
        return isZero(a) ? t.zero : t.div(a, b);
    }

    private int neg(int a) {
        if (isZero(a)) {
            return t.zero;
        }
        int factor = constantFactor(a);
        return factor >= 0 ? times(t.constant(-t.constantValue(factor)), otherFactor(a, factor)) : t.neg(a);
    }

    private int pick(int c, int a, int b) {
        return a == b ? a : t.apply(Op.PICK, c, a, b);
    }
}

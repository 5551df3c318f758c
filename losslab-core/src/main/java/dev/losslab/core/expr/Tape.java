package dev.losslab.core.expr;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A formula and its derivatives as one flat program in SSA form: node i applies an {@link Op} to
 * nodes before it. Nodes are hash-consed, so a subexpression that occurs twice — in the formula,
 * or between f and its derivatives (cos u in f and in ∂f/∂x) — is one node, computed once
 * (common-subexpression elimination for free).
 *
 * <p>The builder only makes rewrites that give bit-for-bit the same value as evaluating the tree
 * as written: constant folding, x·1 = 1·x = x/1 = x − 0 = −(−x) = x, and operand order of + and ·
 * (which IEEE arithmetic does not see). It also fixes what {@code a^n} means for a constant
 * integer n with |n| ≤ {@value #MAX_INTEGER_POWER}: square-and-multiply ({@link #power}), which is
 * what makes x^2 cost one multiplication instead of a call to {@link Math#pow}.
 */
final class Tape {

    /** The most nodes a formula with its derivatives may take (about 5 MB). */
    static final int MAX_NODES = 200_000;
    /** The largest |n| for which a^n with constant integer n is computed by multiplication. */
    static final int MAX_INTEGER_POWER = 64;

    /** Thrown when a formula's program would exceed {@link #MAX_NODES}. */
    static final class TooLarge extends RuntimeException {
        TooLarge() {
            super("more than " + MAX_NODES + " operations", null, false, false);
        }
    }

    private record Key(Op op, int a, int b, int c, long bits) {}

    private Op[] ops = new Op[64];
    private int[] args = new int[3 * 64];
    private double[] constants = new double[64];
    private int size;
    private final Map<Key, Integer> index = new HashMap<>();

    final int x;
    final int y;
    final int zero;
    final int one;

    Tape() {
        x = node(Op.X, -1, -1, -1, 0);
        y = node(Op.Y, -1, -1, -1, 0);
        zero = constant(0.0);
        one = constant(1.0);
    }

    int size() {
        return size;
    }

    Op op(int node) {
        return ops[node];
    }

    /** The i-th argument (0, 1 or 2) of a node. */
    int arg(int node, int i) {
        return args[3 * node + i];
    }

    boolean isConstant(int node) {
        return ops[node] == Op.CONST;
    }

    double constantValue(int node) {
        return constants[node];
    }

    /** A constant node; +0.0 and −0.0 are different nodes. */
    int constant(double value) {
        return node(Op.CONST, -1, -1, -1, Double.doubleToLongBits(value));
    }

    int neg(int a) {
        if (ops[a] == Op.NEG) {
            return arg(a, 0);
        }
        return apply(Op.NEG, a, -1, -1);
    }

    int add(int a, int b) {
        return apply(Op.ADD, a, b, -1);
    }

    int sub(int a, int b) {
        if (isConstant(b) && Double.doubleToLongBits(constants[b]) == 0L) {
            return a;
        }
        return apply(Op.SUB, a, b, -1);
    }

    int mul(int a, int b) {
        if (a == one) {
            return b;
        }
        if (b == one) {
            return a;
        }
        return apply(Op.MUL, a, b, -1);
    }

    int div(int a, int b) {
        if (b == one) {
            return a;
        }
        return apply(Op.DIV, a, b, -1);
    }

    /**
     * a^b. When b is a constant integer n with |n| ≤ {@value #MAX_INTEGER_POWER}: 1 for n = 0,
     * square-and-multiply for n > 0 (reading n's bits from the lowest: {@code r = r·s} on a set
     * bit, then {@code s = s·s}), 1/a^|n| for n < 0. Otherwise {@link Math#pow}.
     */
    int power(int a, int b) {
        if (isConstant(b)) {
            double n = constants[b];
            if (n == Math.rint(n) && Math.abs(n) <= MAX_INTEGER_POWER) {
                int k = (int) Math.abs(n);
                if (k == 0) {
                    return one;
                }
                int result = -1;
                int square = a;
                while (true) {
                    if ((k & 1) != 0) {
                        result = result < 0 ? square : mul(result, square);
                    }
                    k >>= 1;
                    if (k == 0) {
                        break;
                    }
                    square = mul(square, square);
                }
                return n < 0 ? div(one, result) : result;
            }
        }
        return apply(Op.POW, a, b, -1);
    }

    /** Any operation, folded when every argument is a constant. */
    int apply(Op op, int a, int b, int c) {
        boolean constant = isConstant(a) && (b < 0 || isConstant(b)) && (c < 0 || isConstant(c));
        if (constant) {
            return constant(op.apply(constants[a], b < 0 ? 0 : constants[b], c < 0 ? 0 : constants[c]));
        }
        if (op.commutative() && b < a) {
            return node(op, b, a, c, 0);
        }
        return node(op, a, b, c, 0);
    }

    /** Marks every node that one of {@code roots} depends on (the roots included). */
    boolean[] cone(int... roots) {
        boolean[] live = new boolean[size];
        int top = -1;
        for (int r : roots) {
            live[r] = true;
            top = Math.max(top, r);
        }
        for (int i = top; i >= 0; i--) {
            if (live[i]) {
                for (int j = 0; j < ops[i].arity(); j++) {
                    live[arg(i, j)] = true;
                }
            }
        }
        return live;
    }

    private int node(Op op, int a, int b, int c, long bits) {
        Key key = new Key(op, a, b, c, bits);
        Integer existing = index.get(key);
        if (existing != null) {
            return existing;
        }
        if (size == MAX_NODES) {
            throw new TooLarge();
        }
        if (size == ops.length) {
            ops = Arrays.copyOf(ops, 2 * size);
            args = Arrays.copyOf(args, 6 * size);
            constants = Arrays.copyOf(constants, 2 * size);
        }
        ops[size] = op;
        args[3 * size] = a;
        args[3 * size + 1] = b;
        args[3 * size + 2] = c;
        constants[size] = Double.longBitsToDouble(bits);
        index.put(key, size);
        return size++;
    }
}

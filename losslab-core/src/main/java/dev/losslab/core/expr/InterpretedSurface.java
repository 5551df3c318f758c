package dev.losslab.core.expr;

import dev.losslab.core.surface.PointwiseSurface;
import dev.losslab.core.surface.Sym2;

/**
 * The fallback for formulas too large to compile into methods the JIT will optimize: each method's
 * nodes as a flat register program (structure of arrays), run by one loop over {@link Op#apply}.
 * Allocates one register array per call, so instances are safe to share between threads. Its
 * batches are {@link PointwiseSurface}'s loops over the one-point methods, so each point of a batch
 * gets exactly the doubles a call at that point returns.
 */
final class InterpretedSurface implements PointwiseSurface {

    /** A straight-line program: register r computes ops[r] on registers args[3r..3r+2]. */
    private record Straight(Op[] ops, int[] args, double[] constants, int[] outputs) {

        static Straight of(Program p, int... outputs) {
            Tape t = p.tape();
            int[] order = p.schedule(outputs);
            int[] register = new int[t.size()];
            Op[] ops = new Op[order.length];
            int[] args = new int[3 * order.length];
            double[] constants = new double[order.length];
            for (int r = 0; r < order.length; r++) {
                int node = order[r];
                register[node] = r;
                ops[r] = t.op(node);
                constants[r] = t.constantValue(node);
                for (int j = 0; j < ops[r].arity(); j++) {
                    args[3 * r + j] = register[t.arg(node, j)];
                }
            }
            int[] out = new int[outputs.length];
            for (int k = 0; k < outputs.length; k++) {
                out[k] = register[outputs[k]];
            }
            return new Straight(ops, args, constants, out);
        }

        double[] run(double x, double y) {
            double[] r = new double[ops.length];
            for (int i = 0; i < ops.length; i++) {
                r[i] = switch (ops[i]) {
                    case CONST -> constants[i];
                    case X -> x;
                    case Y -> y;
                    default -> ops[i].apply(r[args[3 * i]], r[args[3 * i + 1]], r[args[3 * i + 2]]);
                };
            }
            return r;
        }
    }

    private final String formula;
    private final Straight value;
    private final Straight gradient;
    private final Straight hessian;

    InterpretedSurface(Program p, String formula) {
        this.formula = formula;
        this.value = Straight.of(p, p.value());
        this.gradient = Straight.of(p, p.value(), p.gradX(), p.gradY());
        this.hessian = Straight.of(p, p.hessXX(), p.hessXY(), p.hessYY());
    }

    @Override
    public double value(double x, double y) {
        return value.run(x, y)[value.outputs[0]];
    }

    @Override
    public double valueAndGradient(double x, double y, double[] g) {
        double[] r = gradient.run(x, y);
        g[0] = r[gradient.outputs[1]];
        g[1] = r[gradient.outputs[2]];
        return r[gradient.outputs[0]];
    }

    @Override
    public Sym2 hessian(double x, double y) {
        double[] r = hessian.run(x, y);
        return new Sym2(r[hessian.outputs[0]], r[hessian.outputs[1]], r[hessian.outputs[2]]);
    }

    @Override
    public String toString() {
        return formula;
    }
}

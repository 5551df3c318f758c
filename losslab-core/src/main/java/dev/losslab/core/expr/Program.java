package dev.losslab.core.expr;

/**
 * A formula ready to compile: one {@link Tape} holding f, its gradient and its Hessian, with the
 * node of each. What each compiled method computes is the cone of its outputs, in tape order.
 */
record Program(Tape tape, int value, int gradX, int gradY, int hessXX, int hessXY, int hessYY) {

    /** Lowers {@code expr} and differentiates it twice. */
    static Program of(Expr expr) {
        Tape t = new Tape();
        int f = Lowering.lower(expr, t);
        int fx = Derivatives.of(t, f, t.x);
        int fy = Derivatives.of(t, f, t.y);
        int fxx = Derivatives.of(t, fx, t.x);
        int fxy = Derivatives.of(t, fx, t.y);
        int fyy = Derivatives.of(t, fy, t.y);
        return new Program(t, f, fx, fy, fxx, fxy, fyy);
    }

    /** The nodes the outputs need, in tape order (arguments before their users). */
    int[] schedule(int... outputs) {
        boolean[] live = tape.cone(outputs);
        int count = 0;
        for (boolean l : live) {
            count += l ? 1 : 0;
        }
        int[] order = new int[count];
        int k = 0;
        for (int i = 0; i < live.length; i++) {
            if (live[i]) {
                order[k++] = i;
            }
        }
        return order;
    }
}

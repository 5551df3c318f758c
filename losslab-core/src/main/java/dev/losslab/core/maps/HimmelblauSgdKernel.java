package dev.losslab.core.maps;

import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Sgd;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import dev.losslab.core.surface.Himmelblau;

/**
 * The fast path of {@link Basins}: {@link Sgd} (gradient descent, momentum, Nesterov, weight decay)
 * on {@link Himmelblau} with a constant learning rate and no noise.
 *
 * <p>A whole grid row advances in lock-step, one step for every live start per pass, over
 * structure-of-arrays state (x, y, ∇f and the momentum buffer b in parallel {@code double[]}s).
 * A start leaves the row the moment its run stops, and the survivors are packed to the front, so
 * work shrinks as starts converge. Independent starts side by side let the CPU overlap their
 * arithmetic, where one start alone waits on a chain of dependent multiplies every step.
 *
 * <p>Per live start and step, with f = u² + v², u = x² + y − 11, v = x + y² − 7, exactly as
 * {@link Himmelblau#valueAndGradient} and {@link Sgd}'s stepper compute them (same operations in the
 * same order, so the same doubles):
 * <pre>
 *   stop "converged"  if ‖g‖ &lt; tol  (see {@link ConvergenceTest});  stop "max-steps" at the budget
 *   p ← g + λ·θ
 *   b ← p at step 1, else μ·b + (1 − τ)·p;   p ← p + μ·b (Nesterov) or b     (only when μ ≠ 0)
 *   θ ← θ − lr·p
 *   g ← (4x·u + 2v, 2u + 4y·v)
 *   stop by Runner's point check (non-finite or |θ| &gt; 1e6, |f| &gt; 1e12, …)
 * </pre>
 */
final class HimmelblauSgdKernel implements Basins.Rows {

    private final Grid grid;
    private final BasinRule rule;
    private final double lr;
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private final int maxSteps;
    private final ConvergenceTest test;

    HimmelblauSgdKernel(RunSpec spec, Grid grid) {
        if (!supports(spec)) {
            throw new IllegalArgumentException("not gradient descent on Himmelblau with a constant lr and no noise");
        }
        Sgd sgd = (Sgd) spec.optimizer();
        this.grid = grid;
        this.rule = new BasinRule(spec.landscape());
        this.lr = spec.learningRate();
        this.momentum = sgd.momentum();
        this.dampening = sgd.dampening();
        this.nesterov = sgd.nesterov();
        this.weightDecay = sgd.weightDecay();
        this.maxSteps = spec.maxSteps();
        this.test = new ConvergenceTest(spec.tolerance());
    }

    static boolean supports(RunSpec spec) {
        return spec.landscape().surface() instanceof Himmelblau
                && spec.optimizer() instanceof Sgd
                && spec.schedule() instanceof Schedule.Constant
                && spec.noise() == 0;
    }

    @Override
    public void run(int j, byte[] labels, int[] steps, Job job) {
        Row row = new Row(j, labels, steps);
        for (int k = 0; row.live > 0; k++) {
            if ((k & 255) == 255) {
                job.check();
            }
            row.step(k);
        }
        row.labelSettled();
    }

    /**
     * The live starts of one grid row, packed to the front of parallel arrays. One {@link #step}
     * advances all of them by one update; it is kept small so the JIT compiles it within the first
     * few rows of a map. Starts that stop normally (converged, out of steps) only leave their end
     * point in the step loop and are labelled once the row is done: labelling inside the loop (a
     * call with a loop of its own) made every step a quarter slower.
     */
    private final class Row {
        final byte[] labels;
        final int[] steps;
        final double[] xs;
        final double[] ys;
        final double[] gxs;
        final double[] gys;
        final double[] bxs;
        final double[] bys;
        /** The column of each live start. */
        final int[] columns;
        /** Where each column's run stopped normally, by column; {@code settled} says which did. */
        final double[] endX;
        final double[] endY;
        final boolean[] settled;
        final int base;
        int live;

        Row(int j, byte[] labels, int[] steps) {
            int columns = grid.columns();
            this.labels = labels;
            this.steps = steps;
            xs = new double[columns];
            ys = new double[columns];
            gxs = new double[columns];
            gys = new double[columns];
            bxs = momentum != 0 ? new double[columns] : null;
            bys = momentum != 0 ? new double[columns] : null;
            this.columns = new int[columns];
            endX = new double[columns];
            endY = new double[columns];
            settled = new boolean[columns];
            base = j * columns;
            double y = grid.y(j);
            for (int i = 0; i < columns; i++) {
                double x = grid.x(i);
                double u = x * x + y - 11;
                double v = x + y * y - 7;
                double gx = 4 * x * u + 2 * v;
                double gy = 2 * u + 4 * y * v;
                double f = u * u + v * v;
                if (fine(x, y, f, gx, gy)) {
                    xs[live] = x;
                    ys[live] = y;
                    gxs[live] = gx;
                    gys[live] = gy;
                    this.columns[live++] = i;
                } else {
                    stopped(base + i, x, y, f, gx, gy, 0);
                }
            }
        }

        /** Update k + 1 for every live start (k = 0 is PyTorch's step 1); drops those that stop. */
        void step(int k) {
            final double[] xs = this.xs;
            final double[] ys = this.ys;
            final double[] gxs = this.gxs;
            final double[] gys = this.gys;
            final int[] columns = this.columns;
            final double lr = HimmelblauSgdKernel.this.lr;
            final double mu = momentum;
            final double wd = weightDecay;
            final double below = test.below;
            final double above = test.above;
            final boolean last = k == maxSteps;
            int kept = 0;
            for (int a = 0; a < live; a++) {
                double x = xs[a];
                double y = ys[a];
                double gx = gxs[a];
                double gy = gys[a];
                double s = gx * gx + gy * gy;
                if (s < below || (!(s > above) && test.converged(gx, gy)) || last) {
                    int column = columns[a];
                    endX[column] = x;
                    endY[column] = y;
                    settled[column] = true;
                    steps[base + column] = k;
                    continue;
                }
                double px = gx + wd * x;
                double py = gy + wd * y;
                if (mu != 0) {
                    double bx;
                    double by;
                    if (k == 0) {
                        bx = px;
                        by = py;
                    } else {
                        bx = mu * bxs[a] + (1 - dampening) * px;
                        by = mu * bys[a] + (1 - dampening) * py;
                    }
                    bxs[kept] = bx;
                    bys[kept] = by;
                    if (nesterov) {
                        px += mu * bx;
                        py += mu * by;
                    } else {
                        px = bx;
                        py = by;
                    }
                }
                x -= lr * px;
                y -= lr * py;
                double u = x * x + y - 11;
                double v = x + y * y - 7;
                gx = 4 * x * u + 2 * v;
                gy = 2 * u + 4 * y * v;
                double f = u * u + v * v;
                if (!fine(x, y, f, gx, gy)) {
                    stopped(base + columns[a], x, y, f, gx, gy, k + 1);
                    continue;
                }
                xs[kept] = x;
                ys[kept] = y;
                gxs[kept] = gx;
                gys[kept] = gy;
                columns[kept++] = columns[a];
            }
            live = kept;
        }

        /** Labels the starts that stopped normally by where they ended. */
        void labelSettled() {
            for (int column = 0; column < settled.length; column++) {
                if (settled[column]) {
                    labels[base + column] = rule.at(endX[column], endY[column]);
                }
            }
        }

        /** A start whose point check failed after {@code taken} updates: label it by Runner's reason. */
        private void stopped(int cell, double x, double y, double f, double gx, double gy, int taken) {
            labels[cell] = rule.label(Runner.stopAt(x, y, f, gx, gy), x, y);
            steps[cell] = taken;
        }
    }

    /** Runner's point check passes: |x|, |y| ≤ 1e6, |f| ≤ 1e12, ∇f finite (NaN fails every test). */
    private static boolean fine(double x, double y, double f, double gx, double gy) {
        return Math.abs(x) <= Runner.COORDINATE_LIMIT && Math.abs(y) <= Runner.COORDINATE_LIMIT
                && Math.abs(f) <= Runner.LOSS_LIMIT && gx - gx == 0 && gy - gy == 0;
    }
}

package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;
import java.util.ArrayList;
import java.util.List;

/**
 * The mutable state of an optimizer over a batch of points, and its update rule over arrays.
 *
 * <p><b>Layout.</b> The engine keeps n live points of D coordinates in one {@code double[]},
 * dimension-major: coordinate d of point i at {@code [d·n + i]} (the layout of
 * {@link Surface}'s batches). One layout serves the three shapes LossLab runs: one 2-D point (a run in
 * the lab), a batch of B independent 2-D points (maps, sweeps, SGD statistics), and one point with N
 * parameters (a model). An elementwise rule (SGD, Adam, …) is therefore one loop over all n·D
 * entries, the same for every shape; a rule that needs a per-point reduction (Newton's solve) reads
 * each point's D coordinates at stride n.
 *
 * <p><b>State stays explicit.</b> Every per-point buffer is allocated through {@link #buffer}, in the
 * same layout, so that the engine can drop finished points from all of them at once ({@link #keep}).
 * Everything else a stepper holds is shared by the whole batch (its points all step together).
 * First-order steppers never allocate per step (Newton's methods do, a few small records per point:
 * see {@link Newton}).
 */
public abstract class Stepper {

    /** D, the coordinates per point. */
    protected final int dimension;
    /** The most points this stepper holds. */
    protected final int capacity;
    private final List<double[]> buffers = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();

    protected Stepper(int dimension, int capacity) {
        if (dimension < 1 || capacity < 1) {
            throw new IllegalArgumentException("dimension and capacity must be ≥ 1, got " + dimension + ", " + capacity);
        }
        this.dimension = dimension;
        this.capacity = capacity;
    }

    /**
     * A zeroed per-point buffer of {@code width} values per point (D for a vector such as a momentum
     * buffer), in the batch layout, that {@link #keep} compacts with the points.
     */
    protected final double[] buffer(int width) {
        double[] b = new double[width * capacity];
        buffers.add(b);
        widths.add(width);
        return b;
    }

    /**
     * Applies one update to the first n points of {@code theta}, in place.
     *
     * @param theta    n points in the batch layout; updated in place
     * @param gradient the gradient the optimizer sees at each point (SGD noise already added), same
     *                 layout; read only. Taken at θ, or at the {@link #gradientPoints} of a rule
     *                 that has them
     * @param n        the live points
     * @param lr       this step's learning rate, from the schedule
     * @param step     PyTorch's step count: 1 on the first update
     * @param surface  the surface, for second-order methods that need the Hessian
     * @param stuck    set {@code stuck[i] = true} for a point the method stops at instead of stepping
     *                 from (Newton's methods at a singular Hessian; a method's own convergence test;
     *                 a failed line search: {@link #halt} says which); its θ must be left as it was.
     *                 Never read.
     * @return how many points were marked stuck (0 for every first-order method)
     */
    public abstract int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
            boolean[] stuck);

    /**
     * Sets the momentum μ or β₁ (see {@link Optimizer#cycledMomentum}) for the next update and those
     * after it, as a PyTorch scheduler writes it into the param group: the rule reads it at each
     * step, in its bias corrections too. Steppers of optimizers with {@code NONE} refuse.
     */
    public void setMomentum(double momentum) {
        throw new UnsupportedOperationException(getClass().getName() + " has no momentum to cycle");
    }

    /**
     * The same update, given also f at each point ({@code loss[i]}, exact, without noise): what the
     * engine calls. A line search starts from f(θ); a rule that needs only the gradient ignores it,
     * which is the default.
     */
    public int step(double[] theta, double[] loss, double[] gradient, int n, double lr, long step, Surface surface,
            boolean[] stuck) {
        return step(theta, gradient, n, lr, step, surface, stuck);
    }

    /**
     * Why the last {@link #step} marked point i stuck. Read by the engine right after the step,
     * before any point moves; the default is Newton's reason, a singular Hessian.
     */
    public Halt halt(int i) {
        return Halt.SINGULAR_HESSIAN;
    }

    /**
     * Whether {@link #functionEvaluations} and {@link #gradientEvaluations} can be non-zero: false
     * for a rule that uses only the gradient the engine hands it, so the engine skips asking.
     */
    public boolean countsEvaluations() {
        return false;
    }

    /**
     * The evaluations of f the last {@link #step} spent on point i of n beyond the engine's own. The
     * engine evaluates f and ∇f once at every point it records and counts one of each; a method
     * reports the rest, so that the totals are what SciPy's {@code nfev} and {@code njev} count (an
     * evaluation at a point already evaluated, whose value a method keeps, is not counted again). A
     * line search whose accepted trial is the point the engine evaluates next leaves that trial out.
     * Evaluations spent on a step that then stops the point (a failed line search) count too.
     */
    public int functionEvaluations(int i) {
        return 0;
    }

    /** The evaluations of ∇f the last {@link #step} spent on point i beyond the engine's own; see {@link #functionEvaluations}. */
    public int gradientEvaluations(int i) {
        return 0;
    }

    /**
     * Where this rule wants its next gradient taken, when that is not the point it reports: null
     * (the default) for a rule whose gradient is taken at θ itself, which is every rule but the
     * schedule-free ones. Those report the average x as θ (the point their authors evaluate) and
     * take the gradient at another point y; they return their y, n points in the batch layout, in
     * a {@link #buffer} (so it is compacted with the points). The engine asks once per run and,
     * after every step, evaluates ∇f at these points and f at θ ({@code dev.losslab.core.run.Engine}
     * says what it counts). Before the first step the array means nothing: every point's gradient
     * point is then its start.
     */
    public double[] gradientPoints() {
        return null;
    }

    /**
     * Keeps points {@code kept[0] < kept[1] < … < kept[m − 1]} of the n live ones as points 0 … m − 1,
     * in every per-point buffer: what the engine does when points finish.
     */
    public final void keep(int[] kept, int n, int m) {
        for (int b = 0; b < buffers.size(); b++) {
            compact(buffers.get(b), widths.get(b), n, kept, m);
        }
    }

    /**
     * Reports, as named 2-vectors, the state the last {@link #step} left behind for point {@code i}
     * of n, for a person to look at (the lab's step mode). Called only when a caller asks for
     * internals, never in a plain run; before the first step it reports values of an empty state.
     * Each optimizer's Javadoc names what it reports; the default reports nothing.
     */
    public void describe(int i, int n, InternalsSink sink) {}

    /**
     * Moves, in an array of n points of {@code width} values in the batch layout, point kept[j] to
     * point j for j &lt; m, so the array holds m points in the same layout. In place: kept is
     * increasing, so each value moves to an index no larger than its own and is read before it can
     * be overwritten.
     */
    public static void compact(double[] a, int width, int n, int[] kept, int m) {
        for (int d = 0; d < width; d++) {
            int from = d * n;
            int to = d * m;
            for (int j = 0; j < m; j++) {
                a[to + j] = a[from + kept[j]];
            }
        }
    }
}

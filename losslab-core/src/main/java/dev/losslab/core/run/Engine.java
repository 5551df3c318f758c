package dev.losslab.core.run;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.optim.Halt;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Stepper;
import dev.losslab.core.surface.MinibatchSurface;
import dev.losslab.core.surface.Surface;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The one run loop: every run, race, basin map, sweep, SGD statistic and web job steps its points
 * here, a batch at a time. A batch of one is a run in the lab; a grid row is a batch of a basin map.
 *
 * <p>Each point follows these rules, from its start θ₀ with exact gradient g₀, exactly as if it ran
 * alone (each point's arithmetic is elementwise, so a batch gives every point the doubles of its
 * own single run, bit for bit):
 * <pre>
 *   stop at step 0 by the point check below
 *   for k = 0, 1, …:
 *     stop "converged"  if ‖g_k‖ &lt; tol  and the run is not noisy (σ = 0, no minibatches; ‖·‖: hypot in 2-D)
 *     stop "max-steps"  if k = max steps
 *     lr_k  = schedule(lr, k)      (reduce-on-plateau: from the losses f(θ_1) … f(θ_k), one run at a time)
 *     μ_k   = schedule's momentum(k), set on the optimizer, when the schedule cycles momentum
 *     ĝ_k   = g_k, or with a batch size B below n the mean gradient over the point's next minibatch
 *             of B examples ({@link Minibatches}: without replacement, reshuffled each epoch)
 *     g̃_k   = ĝ_k + σ·ξ_k,  ξ_k ~ N(0, I), coordinates in order; the shuffles, then the normals, drawn
 *             from the point's own seeded generator
 *     θ_k+1 = optimizer step from θ_k with f(θ_k), g̃_k, lr_k, PyTorch step count k + 1
 *             (or the method stops at θ_k itself, θ staying θ_k: "singular-hessian" where Newton's
 *             Hessian cannot be inverted; "converged" by its own test (SciPy's gtol for BFGS and
 *             CG, Nelder–Mead's collapsed simplex); "line-search-failed" where no step lowers f)
 *     point check at θ_k+1, in this order: "diverged" if a coordinate is not finite or |θ_d| &gt; 1e6;
 *             "left-domain" if f is NaN there; "diverged" if |f| &gt; 1e12 or ∇f is not finite
 * </pre>
 *
 * <p><b>Where the gradient is taken.</b> For every rule but the schedule-free ones, g_k = ∇f(θ_k)
 * above. A schedule-free rule reports the average x_k as θ_k (the point its authors evaluate: the
 * trajectory, the loss and the outcome are x's) and takes its gradient at another point y_k
 * ({@link Stepper#gradientPoints}; y₀ = θ₀). For it, g_k = ∇f(y_k): the gradient the step uses, and
 * the one the rules above measure ("converged" when ‖∇f(y_k)‖ &lt; tol, "diverged" when it is not
 * finite), the one a trace and the trajectory record beside x_k; while "left-domain" and |f| read
 * f(x_k). So the engine evaluates, after each step, ∇f at y and f at x, and no more than a user of
 * the method pays for: the gradient where it trains and the loss where it evaluates. (The
 * surface gives f and ∇f together, so it also computes f(y) and ∇f(x); neither is used or counted.)
 * Whether a rule has gradient points is asked once per run, so the other rules' steps are as
 * before.
 *
 * <p><b>Evaluations.</b> Each point counts the evaluations of f and of ∇f it cost, as SciPy's
 * {@code nfev} and {@code njev} count them: the engine evaluates f and ∇f at the start and at every
 * point a step reaches and counts one of each, and a method adds what it spent besides
 * ({@link Stepper#functionEvaluations}: a line search's trials, Nelder–Mead's vertices). The counts
 * are cumulative, so after k steps of a first-order method both are k + 1; a schedule-free method's
 * too, f counted at each x_k and ∇f at each y_k.
 *
 * <p><b>Straight hot loops.</b> The points live packed at the front of dimension-major arrays (see
 * {@link Stepper}). A step is a few plain loops over all live points — the surface's batch, the
 * optimizer's update, and {@link StopScreen}'s one pass of squares, maxima and minima that proves
 * no point can stop — with no branch per point. Only when the screen cannot prove it are the points
 * checked one by one by the exact rules above; points that stopped are then packed out of every
 * array (the optimizer's buffers included), so work shrinks as points finish.
 */
public final class Engine {

    /** Steps between looks at the {@link Checkpoint}. */
    private static final int CHECK_EVERY = 256;

    private Engine() {}

    /** Called every few hundred steps: throws (e.g. {@link java.util.concurrent.CancellationException}) to stop the work. */
    @FunctionalInterface
    public interface Checkpoint {
        void reached(long step);

        Checkpoint NONE = step -> { };
    }

    /**
     * Sees every point of a run of one point as it is reached: step 0, then each step taken. For
     * recording a trajectory; the arrays are the engine's, read them and do not keep them.
     */
    @FunctionalInterface
    public interface Trace {
        /**
         * @param gradient the exact gradient the engine evaluated for this point: ∇f(θ), or for a rule
         *                 with {@link Stepper#gradientPoints} ∇f at its gradient point (see {@link Engine})
         * @param stepper the optimizer's state after the update that led here (for its internals;
         *                at step 0, its empty state)
         * @param functionEvaluations the evaluations of f so far, this point's included
         * @param gradientEvaluations the evaluations of ∇f so far, this point's included
         */
        void point(int step, double[] theta, double loss, double[] gradient, double lr, Stepper stepper,
                long functionEvaluations, long gradientEvaluations);
    }

    /**
     * Runs {@code count} points of {@code spec} (its start and seed are replaced by the given ones).
     *
     * @param starts     the starts in the batch layout: coordinate d of point i at [d·count + i]
     * @param seeds      each point's noise seed, or null for the spec's seed for every point
     * @param checkpoint looked at every few hundred steps
     */
    public static Outcomes run(RunSpec spec, double[] starts, int count, long[] seeds, Checkpoint checkpoint) {
        if (count > 1 && spec.schedule().followsLoss()) {
            throw new InvalidInputException("schedule", spec.schedule().name() + " follows one run's own loss, so it cannot "
                    + "drive many runs at once (a map, a sweep cell's batch, SGD statistics): pick another schedule");
        }
        return new Batch(spec, starts, count, seeds, null).run(checkpoint);
    }

    /** How the run of {@code spec} from its start with its seed ends, without keeping its points. */
    public static Outcome outcome(RunSpec spec, Checkpoint checkpoint) {
        return new Batch(spec, startOf(spec), 1, null, null).run(checkpoint).get(0);
    }

    /** One run from the spec's start with its seed, each point shown to {@code trace}. */
    public static Outcomes trace(RunSpec spec, Trace trace, Checkpoint checkpoint) {
        return new Batch(spec, startOf(spec), 1, null, trace).run(checkpoint);
    }

    /** The spec's start as a batch of one. */
    private static double[] startOf(RunSpec spec) {
        return new double[] {spec.start().x(), spec.start().y()};
    }

    /**
     * The point check for point i of n in the batch layout, or null to go on: "diverged" when a
     * coordinate is not finite or beyond {@link Runner#COORDINATE_LIMIT}, "left-domain" when f is NaN
     * there, "diverged" when |f| &gt; {@link Runner#LOSS_LIMIT} or the gradient is not finite — in this
     * order.
     */
    static StopReason pointCheck(double[] theta, int n, int i, int dimension, double f, double[] gradient) {
        for (int d = 0; d < dimension; d++) {
            if (!Double.isFinite(theta[d * n + i])) {
                return new StopReason.Diverged("a coordinate is no longer a finite number");
            }
        }
        for (int d = 0; d < dimension; d++) {
            if (Math.abs(theta[d * n + i]) > Runner.COORDINATE_LIMIT) {
                return new StopReason.Diverged("a coordinate went beyond 1e6");
            }
        }
        if (Double.isNaN(f)) {
            return new StopReason.LeftDomain();
        }
        if (!(Math.abs(f) <= Runner.LOSS_LIMIT)) {
            return new StopReason.Diverged("|loss| went beyond 1e12");
        }
        for (int d = 0; d < dimension; d++) {
            if (!Double.isFinite(gradient[d * n + i])) {
                return new StopReason.Diverged("the gradient is no longer finite");
            }
        }
        return null;
    }

    /** A batch under way: the live points packed at the front of every array. */
    private static final class Batch {
        private final RunSpec spec;
        private final Surface surface;
        private final int dimension;
        private final Stepper stepper;
        private final Trace trace;
        private final double sigma;
        /** The surface's examples when steps see minibatches, else null. */
        private final MinibatchSurface data;
        /** Each live point's minibatches, or null without them. */
        private final Minibatches[] batches;
        private final StopScreen screen;
        private final Outcomes out;

        private int n;
        private final double[] theta;
        private final double[] loss;
        private final double[] gradient;
        private final double[] noisy;
        /**
         * The stepper's gradient points y, where ∇f is taken after each step, or null when that is θ
         * itself; then the two scratch arrays below are null too.
         */
        private final double[] gradientPoints;
        /** f at the gradient points and ∇f at θ: by-products of the surface's evaluations, unused. */
        private final double[] unusedLoss;
        private final double[] unusedGradient;
        /** Each live point's index in the caller's batch. */
        private final int[] index;
        private final SplittableRandom[] random;
        private final boolean[] stopped;
        private final boolean[] stuck;
        private final int[] kept;
        /**
         * Each live point's evaluations beyond the engine's own one per point reached, as its
         * stepper reports them; null for a stepper that never reports any.
         */
        private final long[] extraFunctionEvaluations;
        private final long[] extraGradientEvaluations;

        Batch(RunSpec spec, double[] starts, int count, long[] seeds, Trace trace) {
            this.spec = spec;
            this.surface = spec.landscape().surface();
            this.dimension = surface.dimension();
            this.trace = trace;
            this.sigma = spec.noise();
            this.screen = new StopScreen(spec.tolerance());
            this.out = new Outcomes(count, dimension);
            int cap = Math.max(count, 1);
            this.stepper = spec.optimizer().newStepper(dimension, cap);
            n = count;
            theta = Arrays.copyOf(starts, dimension * cap);
            loss = new double[cap];
            gradient = new double[dimension * cap];
            this.data = spec.minibatched() ? (MinibatchSurface) surface : null;
            noisy = spec.noisy() ? new double[dimension * cap] : gradient;
            index = new int[cap];
            random = spec.noisy() ? new SplittableRandom[cap] : null;
            batches = data != null ? new Minibatches[cap] : null;
            for (int i = 0; i < count; i++) {
                index[i] = i;
                if (random != null) {
                    random[i] = new SplittableRandom(seeds != null ? seeds[i] : spec.seed());
                }
                if (batches != null) {
                    batches[i] = new Minibatches(data.examples(), spec.batchSize(), random[i]);
                }
            }
            stopped = new boolean[cap];
            stuck = new boolean[cap];
            kept = new int[cap];
            gradientPoints = stepper.gradientPoints();
            unusedLoss = gradientPoints != null ? new double[cap] : null;
            unusedGradient = gradientPoints != null ? new double[dimension * cap] : null;
            boolean counts = stepper.countsEvaluations();
            extraFunctionEvaluations = counts ? new long[cap] : null;
            extraGradientEvaluations = counts ? new long[cap] : null;
        }

        Outcomes run(Checkpoint checkpoint) {
            int maxSteps = spec.maxSteps();
            Schedule.Rates rates = spec.schedule().rates(spec.learningRate());
            boolean followsLoss = spec.schedule().followsLoss();
            boolean cyclesMomentum = spec.schedule().cyclesMomentum();
            boolean noisyRun = spec.noisy();
            surface.valueAndGradient(theta, n, loss, gradient);
            if (trace != null) {
                trace.point(0, theta, loss[0], gradient, spec.learningRate(), stepper, 1, 1);
            }
            checkPoints(0);
            for (int k = 0; n > 0; k++) {
                // A noisy run never stops as converged: SGD never sees the exact gradient g_k, and its
                // noise keeps it moving, off a minimum's bottom as off a saddle it started on (where
                // g_0 = 0 exactly). It takes its whole budget; where it ends up is the outcome.
                if (spec.tolerance() > 0 && !noisyRun && !screen.noneConverged()) {
                    checkConvergence(k);
                    if (n == 0) {
                        break;
                    }
                }
                if (k == maxSteps) {
                    for (int i = 0; i < n; i++) {
                        finish(i, new StopReason.MaxSteps(maxSteps), k);
                    }
                    break;
                }
                if (k % CHECK_EVERY == 0) {
                    checkpoint.reached(k);
                }
                double lr = rates.lr(k);
                if (cyclesMomentum) {
                    stepper.setMomentum(spec.schedule().momentum(k));
                }
                if (noisyRun) {
                    estimateGradients();
                }
                int stuckCount = stepper.step(theta, loss, noisy, n, lr, k + 1L, surface, stuck);
                if (extraFunctionEvaluations != null) {
                    addEvaluations();
                }
                if (stuckCount > 0) {
                    dropStuck(k);
                    if (n == 0) {
                        break;
                    }
                }
                if (gradientPoints == null) {
                    surface.valueAndGradient(theta, n, loss, gradient);
                } else {
                    surface.valueAndGradient(gradientPoints, n, unusedLoss, gradient);
                    surface.valueAndGradient(theta, n, loss, unusedGradient);
                }
                if (followsLoss) {
                    rates.reached(loss[0]); // one point: run() refuses a batch
                }
                if (trace != null) {
                    trace.point(k + 1, theta, loss[0], gradient, lr, stepper,
                            evaluations(0, k + 1, extraFunctionEvaluations), evaluations(0, k + 1, extraGradientEvaluations));
                }
                checkPoints(k + 1);
            }
            return out;
        }

        /** Adds what the stepper spent on each live point in its last step, stopped points included. */
        private void addEvaluations() {
            for (int i = 0; i < n; i++) {
                extraFunctionEvaluations[i] += stepper.functionEvaluations(i);
                extraGradientEvaluations[i] += stepper.gradientEvaluations(i);
            }
        }

        /** Live point i's evaluations after reaching step {@code step}: the engine's step + 1, and the stepper's. */
        private static long evaluations(int i, int step, long[] extra) {
            return step + 1L + (extra == null ? 0 : extra[i]);
        }

        /**
         * g̃ = ĝ + σ·ξ: ĝ the gradient over each point's next minibatch (or the exact g), then each
         * point drawing its D normals in coordinate order from its own generator.
         */
        private void estimateGradients() {
            if (batches == null) {
                System.arraycopy(gradient, 0, noisy, 0, dimension * n);
            } else {
                for (int i = 0; i < n; i++) {
                    Minibatches b = batches[i];
                    int from = b.next();
                    data.batchGradient(theta, n, i, b.rows(), from, b.size(), noisy);
                }
            }
            if (sigma > 0) {
                for (int i = 0; i < n; i++) {
                    SplittableRandom r = random[i];
                    for (int d = 0; d < dimension; d++) {
                        noisy[d * n + i] += sigma * r.nextGaussian();
                    }
                }
            }
        }

        /** The point check after reaching step {@code step}: exact per point only when the screen cannot clear all. */
        private void checkPoints(int step) {
            if (screen.allFine(theta, loss, gradient, n, dimension)) {
                return;
            }
            boolean any = false;
            for (int i = 0; i < n; i++) {
                StopReason reason = pointCheck(theta, n, i, dimension, loss[i], gradient);
                if (reason != null) {
                    finish(i, reason, step);
                    any = true;
                }
            }
            if (any) {
                pack();
            }
            // The screen's convergence bound covered the points just dropped too; it stays a valid
            // lower bound for the rest.
        }

        private void checkConvergence(int step) {
            boolean any = false;
            for (int i = 0; i < n; i++) {
                // The squared norm rules most points out cheaply; hypot decides the rest exactly.
                if (screen.clearsUnconverged(squaredNorm(i))) {
                    continue;
                }
                double norm = gradientNorm(i);
                if (norm < spec.tolerance()) {
                    finish(i, new StopReason.Converged(norm, spec.tolerance()), step);
                    any = true;
                }
            }
            if (any) {
                pack();
            }
        }

        private void dropStuck(int step) {
            for (int i = 0; i < n; i++) {
                if (stuck[i]) {
                    stuck[i] = false;
                    finish(i, reason(stepper.halt(i)), step);
                }
            }
            pack();
        }

        /** The stop reason for a method's own halt. */
        private static StopReason reason(Halt halt) {
            return switch (halt) {
                case Halt.SingularHessian h -> new StopReason.SingularHessian();
                case Halt.Converged c -> new StopReason.Converged(c.measure(), c.tolerance(), c.explanation());
                case Halt.LineSearchFailed f -> new StopReason.LineSearchFailed(f.explanation());
            };
        }

        /** ‖∇f‖ of live point i: hypot in 2-D (as the runner always measured it), else √Σg². */
        private double gradientNorm(int i) {
            return dimension == 2 ? Math.hypot(gradient[i], gradient[n + i]) : Math.sqrt(squaredNorm(i));
        }

        /** Σ_d g_d² of live point i, summed as {@link StopScreen} sums it. */
        private double squaredNorm(int i) {
            double s = 0;
            for (int d = 0; d < dimension; d++) {
                double g = gradient[d * n + i];
                s += g * g;
            }
            return s;
        }

        /** Records how live point i ended and marks it for {@link #pack}. */
        private void finish(int i, StopReason reason, int steps) {
            out.record(index[i], reason, steps, theta, n, i, loss[i],
                    evaluations(i, steps, extraFunctionEvaluations), evaluations(i, steps, extraGradientEvaluations));
            stopped[i] = true;
        }

        /** Drops the points marked stopped from every array, keeping the others' order. */
        private void pack() {
            int m = 0;
            for (int i = 0; i < n; i++) {
                if (!stopped[i]) {
                    kept[m++] = i;
                } else {
                    stopped[i] = false;
                }
            }
            if (m == n) {
                return;
            }
            Stepper.compact(theta, dimension, n, kept, m);
            Stepper.compact(gradient, dimension, n, kept, m);
            Stepper.compact(loss, 1, n, kept, m);
            stepper.keep(kept, n, m);
            for (int j = 0; j < m; j++) {
                index[j] = index[kept[j]];
                if (random != null) {
                    random[j] = random[kept[j]];
                }
                if (batches != null) {
                    batches[j] = batches[kept[j]];
                }
                if (extraFunctionEvaluations != null) {
                    extraFunctionEvaluations[j] = extraFunctionEvaluations[kept[j]];
                    extraGradientEvaluations[j] = extraGradientEvaluations[kept[j]];
                }
            }
            n = m;
        }
    }
}

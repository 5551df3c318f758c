package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Surface;
import java.util.Locale;

/**
 * L-BFGS, the limited-memory quasi-Newton method: torch 1.13.1's {@code torch.optim.LBFGS}
 * ({@code LBFGS.step} in {@code torch/optim/lbfgs.py}), followed from its code, with its defaults.
 * One LossLab step is one call of {@code optimizer.step(closure)}: up to max_iter inner iterations,
 * each with its own evaluations of f and ∇f; the run records the point that call ends on.
 * <pre>
 *   one step, from θ with f and g = ∇f(θ) (the closure's first call: the engine's evaluation):
 *     stop the run ("converged") if max_d |g_d| ≤ tolerance_grad      (torch returns without moving)
 *     repeat, at most max_iter times (n counts iterations over the whole run):
 *       n = 1:  d = −g;  H_diag = 1;  no pairs
 *       n &gt; 1:  y = g − g_prev;  s = t·d;  if y·s &gt; 1e-10: keep (s, y, ρ = 1/(y·s)), dropping the
 *               oldest past history_size pairs, and H_diag = (y·s)/(y·y)
 *               d = −H·g by the two-loop recursion over the pairs:
 *                 q = −g;  for newest to oldest: α_i = ρ_i·(s_i·q),  q ← q − α_i·y_i
 *                 r = H_diag·q;  for oldest to newest: β_i = ρ_i·(y_i·r),  r ← r + (α_i − β_i)·s_i;  d = r
 *       g_prev = g;  f_prev = f
 *       t = min(1, 1/Σ_d |g_d|)·lr at n = 1, else lr
 *       leave the step if g·d &gt; −tolerance_change      (stop the run, "converged", on its first iteration)
 *       line search none:          θ ← θ + t·d, then f, g at θ (skipped on the last iteration)
 *       line search strong-wolfe:  t from torch's search from t ({@link TorchStrongWolfe}), θ ← θ + t·d, f, g from it
 *       leave the step after max_iter iterations, at max_eval evaluations, when max_d |g_d| ≤ tolerance_grad,
 *       when max_d |t·d_d| ≤ tolerance_change, or when |f − f_prev| &lt; tolerance_change
 * </pre>
 * max_eval defaults to ⌊max_iter·5/4⌋, as torch's; given 0 it means that default. lr is torch's:
 * the step length itself without a line search, the first trial with one.
 *
 * <p><b>Where a step returns early.</b> torch's step returns when an inner test fires; the next
 * step goes on from there, as a PyTorch loop calling {@code step} again would. Two of its tests fire
 * before the point moves, and then every later call would repeat the same nothing (same point, same
 * gradient, same pairs, so the same direction): the gradient test at the step's start, and the slope
 * test g·d &gt; −tolerance_change on its first iteration. LossLab stops the run there, "converged",
 * instead of recording the same point until the step budget runs out: both are tests that the
 * gradient (or the slope along the L-BFGS direction) has fallen to a tolerance, which is what
 * "converged" says (tested in {@code LbfgsTest}). The engine's own gradient tolerance ({@code --tol}) still applies before each
 * step; with noise ({@code --noise}) the first gradient of each step is the noisy one, as the engine
 * hands it, and every evaluation inside the step is exact.
 *
 * <p><b>Evaluations.</b> Every closure call evaluates f and ∇f together, so f and ∇f are counted
 * alike: torch's {@code state['func_evals']}. The step's first call is the engine's own evaluation at
 * the point the previous step reached; the step reports the others (each line-search trial, or the
 * evaluation after each move but the last iteration's), so a run's counts after k steps are torch's
 * {@code func_evals} after k + 1 calls' first closure call.
 *
 * <p><b>Rounding.</b> As torch's CPU kernels compute them: θ + t·d, q − α·y and r + (α − β)·s
 * rounded once per coordinate (torch's {@code add_(…, alpha=…)} is a fused multiply-add on CPUs that
 * have one; {@link Math#fma} here), dot products and Σ|g_d| summed in coordinate order. So 2-D and
 * 4-D points follow torch to the bit (its fixtures, evaluation counts included); beyond 4
 * coordinates torch's vectorised sum, and beyond 15 its dot product, group terms differently, an
 * ulp apart per sum. LossLab's elementwise rules round twice instead (see {@code TorchFixtureTest});
 * here that is not enough: L-BFGS's curvature pairs amplify an ulp, and rounded twice the Himmelblau
 * fixtures drift 2e-10 from torch's within 7 steps.
 *
 * <p>State per point, in {@link Stepper#buffer}s so that finished points compact away: the pairs
 * (a ring of history_size s and y vectors and their ρ), d, t, H_diag, g_prev and n. torch's
 * {@code prev_loss} needs none: each iteration sets it before reading it. A batch of points is a
 * batch of independent runs: each point's dot products span its own D coordinates only.
 *
 * <p>Step mode ({@link Stepper#describe}), in 2-D: {@code direction} = d and {@code stepSize} = t
 * (in both components) of the last inner iteration.
 *
 * @param maxIter         inner iterations per step (≥ 1; torch's max_iter, 20)
 * @param maxEval         closure calls per step (≥ 1; 0 when given means ⌊max_iter·5/4⌋, torch's default)
 * @param toleranceGrad   the gradient tolerance on max_d |g_d| (≥ 0; 1e-7)
 * @param toleranceChange the tolerance on changes of f, of θ and on the slope (≥ 0; 1e-9)
 * @param historySize     the pairs kept (≥ 1; 100)
 * @param lineSearch      none (torch's None) or strong-wolfe
 */
public record Lbfgs(int maxIter, int maxEval, double toleranceGrad, double toleranceChange, int historySize,
        LineSearch lineSearch) implements Optimizer {

    /**
     * The largest max-iter, max-eval and history-size: far beyond what a landscape needs, and a bound
     * on one step's work. Differs from PyTorch, which has none (tested in {@code ValidationTest}).
     */
    public static final int MAX_COUNT = 100_000;
    /** The most history values (history_size × D per point, for s and again for y) a batch may hold. */
    static final long MAX_HISTORY_VALUES = 10_000_000;
    /** torch's threshold on y·s for keeping a pair. */
    private static final double CURVATURE_THRESHOLD = 1e-10;

    /** How the step length is chosen: torch's {@code line_search_fn}. */
    public enum LineSearch {
        /** Fixed steps t = lr (torch's {@code None}). */
        NONE,
        /** torch's {@code 'strong_wolfe'}. */
        STRONG_WOLFE;

        /** The CLI/API name: {@code none}, {@code strong-wolfe}. */
        public String text() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The line search of that name; the registry's choice has already checked it. */
        public static LineSearch of(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    public Lbfgs {
        Range.closed(1, MAX_COUNT).check("max-iter", maxIter);
        Range.closed(0, MAX_COUNT).check("max-eval", maxEval);
        Range.atLeast(0).check("tolerance-grad", toleranceGrad);
        Range.atLeast(0).check("tolerance-change", toleranceChange);
        Range.closed(1, MAX_COUNT).check("history-size", historySize);
        if (maxEval == 0) {
            maxEval = (int) ((long) maxIter * 5 / 4);
        }
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        long values = (long) historySize * dimension * capacity;
        if (values > MAX_HISTORY_VALUES) {
            throw new InvalidInputException("history-size", "lbfgs keeps history-size × dimension values of s and of y "
                    + "per point: " + historySize + " × " + dimension + (capacity > 1 ? " × " + capacity + " points" : "")
                    + " = " + values + " is more than " + MAX_HISTORY_VALUES + "; lower history-size"
                    + (capacity > 1 ? " or run fewer points" : ""));
        }
        return new State(dimension, capacity);
    }

    /** max_d |v_d|, NaN if any is NaN (torch's {@code abs().max()}). */
    static double maxAbs(double[] v, int dimension) {
        double m = 0;
        for (int d = 0; d < dimension; d++) {
            m = Math.max(m, Math.abs(v[d]));
        }
        return m;
    }

    /** Σ a_d·b_d in coordinate order. */
    static double dot(double[] a, double[] b, int dimension) {
        double s = 0;
        for (int d = 0; d < dimension; d++) {
            s += a[d] * b[d];
        }
        return s;
    }

    /** out = x + α·v, each coordinate rounded once, as torch's {@code x.add_(v, alpha=α)}. */
    static void axpy(double alpha, double[] v, double[] x, double[] out, int dimension) {
        for (int d = 0; d < dimension; d++) {
            out[d] = Math.fma(alpha, v[d], x[d]);
        }
    }

    private final class State extends EvaluatingStepper {
        /** The pairs: slot j's coordinate c of point i at [(j·D + c)·n + i]; ρ_j at [j·n + i]. */
        private final double[] steps;
        private final double[] gradientChanges;
        private final double[] rho;
        /** The ring of pairs: the oldest's slot and how many are kept. */
        private final double[] oldest;
        private final double[] kept;
        private final double[] direction;
        private final double[] stepSize;
        private final double[] hDiag;
        private final double[] previousGradient;
        /** torch's state['n_iter']: inner iterations over the whole run. */
        private final double[] iterations;

        private final double[] x, g, gPrevious, d, q, y, s, alpha, value;
        private final TorchStrongWolfe search;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            steps = buffer(historySize * dimension);
            gradientChanges = buffer(historySize * dimension);
            rho = buffer(historySize);
            oldest = buffer(1);
            kept = buffer(1);
            direction = buffer(dimension);
            stepSize = buffer(1);
            hDiag = buffer(1);
            previousGradient = buffer(dimension);
            iterations = buffer(1);
            x = new double[dimension];
            g = new double[dimension];
            gPrevious = new double[dimension];
            d = new double[dimension];
            q = new double[dimension];
            y = new double[dimension];
            s = new double[dimension];
            alpha = new double[historySize];
            value = new double[1];
            search = lineSearch == LineSearch.STRONG_WOLFE ? new TorchStrongWolfe(dimension) : null;
        }

        @Override
        Halt stepPoint(int i, int n, double[] theta, double loss, double[] gradient, double lr, long step,
                Surface surface) {
            int dim = dimension;
            gather(theta, i, n, x);
            gather(gradient, i, n, g);
            double largest = maxAbs(g, dim);
            if (largest <= toleranceGrad) {
                // Differs from PyTorch: its step returns here without moving, at every call from now
                // on; LossLab ends the run (see the class comment). Tested in LbfgsTest.
                return new Halt.Converged(largest, toleranceGrad, "the largest gradient component " + largest
                        + " fell to tolerance-grad = " + toleranceGrad + " (PyTorch's L-BFGS returns without moving)");
            }
            gather(direction, i, n, d);
            gather(previousGradient, i, n, gPrevious);
            double t = stepSize[i];
            double diagonal = hDiag[i];
            long runIterations = (long) iterations[i];
            double f = loss;
            int calls = 1;
            int inner = 0;
            while (inner < maxIter) {
                inner++;
                runIterations++;
                if (runIterations == 1) {
                    for (int c = 0; c < dim; c++) {
                        d[c] = -g[c];
                    }
                    oldest[i] = 0;
                    kept[i] = 0;
                    diagonal = 1;
                } else {
                    diagonal = direction(i, n, t, diagonal);
                }
                System.arraycopy(g, 0, gPrevious, 0, dim);
                double previousLoss = f;
                t = runIterations == 1 ? TorchStrongWolfe.pyMin(1., 1. / sumAbs(g)) * lr : lr;
                double gtd = dot(g, d, dim);
                if (gtd > -toleranceChange) {
                    if (inner == 1) {
                        // Differs from PyTorch likewise: a call that would repeat this nothing forever.
                        spent(i, 0, 0);
                        return new Halt.Converged(-gtd, toleranceChange, "the slope −∇f·d = " + -gtd
                                + " along the L-BFGS direction fell below tolerance-change = " + toleranceChange
                                + " (PyTorch's L-BFGS leaves the step without moving)");
                    }
                    break;
                }
                int evaluations = 0;
                boolean small;
                if (search != null) {
                    t = search.search(surface, x, t, d, f, g, gtd);
                    f = search.loss();
                    System.arraycopy(search.gradient(), 0, g, 0, dim);
                    axpy(t, d, x, x, dim);
                    evaluations = search.evaluations();
                    small = maxAbs(g, dim) <= toleranceGrad;
                } else {
                    axpy(t, d, x, x, dim);
                    small = false;
                    if (inner != maxIter) {
                        // The closure at the new point, skipped on the last iteration as torch does.
                        surface.valueAndGradient(x, 1, value, g);
                        f = value[0];
                        small = maxAbs(g, dim) <= toleranceGrad;
                        evaluations = 1;
                    }
                }
                calls += evaluations;
                if (inner == maxIter || calls >= maxEval || small) {
                    break;
                }
                double move = 0;
                for (int c = 0; c < dim; c++) {
                    move = Math.max(move, Math.abs(d[c] * t));
                }
                if (move <= toleranceChange || Math.abs(f - previousLoss) < toleranceChange) {
                    break;
                }
            }
            scatter(x, theta, i, n);
            scatter(d, direction, i, n);
            scatter(gPrevious, previousGradient, i, n);
            stepSize[i] = t;
            hDiag[i] = diagonal;
            iterations[i] = runIterations;
            spent(i, calls - 1, calls - 1);
            return null;
        }

        /**
         * The L-BFGS direction into d from g, g_prev and the last step t·d: updates the pairs
         * (when y·s &gt; 1e-10) and returns H_diag.
         */
        private double direction(int i, int n, double t, double diagonal) {
            int dim = dimension;
            for (int c = 0; c < dim; c++) {
                y[c] = g[c] - gPrevious[c];
                s[c] = d[c] * t;
            }
            double ys = dot(y, s, dim);
            int count = (int) kept[i];
            int first = (int) oldest[i];
            if (ys > CURVATURE_THRESHOLD) {
                int slot;
                if (count == historySize) {
                    slot = first;
                    first = (first + 1) % historySize;
                    oldest[i] = first;
                } else {
                    slot = (first + count) % historySize;
                    count++;
                    kept[i] = count;
                }
                for (int c = 0; c < dim; c++) {
                    gradientChanges[(slot * dim + c) * n + i] = y[c];
                    steps[(slot * dim + c) * n + i] = s[c];
                }
                rho[slot * n + i] = 1. / ys;
                diagonal = ys / dot(y, y, dim);
            }
            for (int c = 0; c < dim; c++) {
                q[c] = -g[c];
            }
            for (int j = count - 1; j >= 0; j--) {
                int slot = (first + j) % historySize;
                double sq = 0;
                for (int c = 0; c < dim; c++) {
                    sq += steps[(slot * dim + c) * n + i] * q[c];
                }
                alpha[j] = sq * rho[slot * n + i];
                for (int c = 0; c < dim; c++) {
                    q[c] = Math.fma(-alpha[j], gradientChanges[(slot * dim + c) * n + i], q[c]);
                }
            }
            for (int c = 0; c < dim; c++) {
                d[c] = q[c] * diagonal;
            }
            for (int j = 0; j < count; j++) {
                int slot = (first + j) % historySize;
                double yr = 0;
                for (int c = 0; c < dim; c++) {
                    yr += gradientChanges[(slot * dim + c) * n + i] * d[c];
                }
                double beta = yr * rho[slot * n + i];
                for (int c = 0; c < dim; c++) {
                    d[c] = Math.fma(alpha[j] - beta, steps[(slot * dim + c) * n + i], d[c]);
                }
            }
            return diagonal;
        }

        /** Σ_d |g_d| in coordinate order. */
        private double sumAbs(double[] v) {
            double sum = 0;
            for (int c = 0; c < dimension; c++) {
                sum += Math.abs(v[c]);
            }
            return sum;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            if (dimension != 2 || iterations[i] == 0) {
                return;
            }
            sink.vector("direction", direction[i], direction[n + i]);
            sink.vector("stepSize", stepSize[i], stepSize[i]);
        }
    }
}

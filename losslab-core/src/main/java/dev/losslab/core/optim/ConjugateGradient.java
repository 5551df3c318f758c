package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Nonlinear conjugate gradient, Polak–Ribière+ (PR with β clipped at 0, which restarts along −∇f
 * whenever β would be negative): SciPy 1.10's {@code minimize(method='CG')} with an exact gradient
 * ({@code _minimize_cg} in {@code scipy/optimize/_optimize.py}), followed from its code, with its
 * defaults.
 * <pre>
 *   p₀ = −∇f(θ₀)
 *   stop ("converged") when max_d |∂f/∂θ_d| ≤ gtol                 (SciPy's norm=inf test)
 *   α_k from the strong-Wolfe line search (c₁, c₂ = 0.4), starting from
 *       min(1, 2.02·(f_k − f_{k−1})/(∇f_k·p_k)),  f_{−1} = f₀ + ‖∇f₀‖/2,
 *       that also demands sufficient descent of the next direction (Gilbert–Nocedal 1992):
 *       p_{k+1}·∇f_{k+1} ≤ −0.01·‖∇f_{k+1}‖²  unless max_d |∂f/∂θ_d| ≤ gtol there
 *       (stop "line-search-failed" when there is none)
 *   θ_{k+1} = θ_k + lr·α_k·p_k
 *   β_{k+1} = max(0, (∇f_{k+1} − ∇f_k)·∇f_{k+1} / ‖∇f_k‖²)
 *   p_{k+1} = −∇f_{k+1} + β_{k+1}·p_k
 * </pre>
 * The line search is SciPy's ({@link WolfeLineSearch}). lr multiplies the accepted step, as
 * Newton's lr damps its step: lr = 1 (the default) is SciPy's CG. SciPy's iteration limit (200·D)
 * is the run's step limit here.
 *
 * <p>With gradient noise ({@code --noise}) the step starts from the noisy gradient, as every
 * optimizer does (it sets the direction and the change of gradient); the line search's own trials
 * use f and ∇f as they are.
 *
 * <p>Evaluations are counted as for {@link Bfgs}: at lr = 1 they are SciPy's {@code nfev} and
 * {@code njev} at every step.
 *
 * <p>Step mode ({@link Stepper#describe}), in 2-D: {@code direction} = p_k of the last step.
 *
 * @param gtol the gradient tolerance (≥ 0; SciPy's default 1e-5)
 * @param c1   the sufficient-decrease constant, 0 &lt; c₁ &lt; c₂ (1e-4)
 * @param c2   the curvature constant, c₂ &lt; 1 (SciPy's CG passes 0.4)
 */
public record ConjugateGradient(double gtol, double c1, double c2) implements Optimizer {

    /** SciPy's σ₃ in the sufficient-descent test. */
    private static final double DESCENT = 0.01;

    public ConjugateGradient {
        Range.atLeast(0).check("gtol", gtol);
        WolfeLineSearch.checkConstants(c1, c2);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    private final class State extends EvaluatingStepper {
        /** p_k, ∇f(θ_k) and f(θ_k) of the last step. */
        private final double[] direction;
        private final double[] lastGradient;
        private final double[] lastLoss;
        private final double[] x, g, p, previous, next;
        /** ‖∇f(θ_k)‖², the denominator of β. */
        private double deltak;
        private final LineFunction line;
        private final WolfeLineSearch search = new WolfeLineSearch();
        private final ZoomSearch.Extra sufficientDescent = this::sufficientDescent;
        private boolean stepped;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            direction = buffer(dimension);
            lastGradient = buffer(dimension);
            lastLoss = buffer(1);
            x = new double[dimension];
            g = new double[dimension];
            p = new double[dimension];
            previous = new double[dimension];
            next = new double[dimension];
            line = new LineFunction(dimension);
        }

        @Override
        Halt stepPoint(int i, int n, double[] theta, double loss, double[] gradient, double lr, long step,
                Surface surface) {
            stepped = true;
            int dim = dimension;
            gather(theta, i, n, x);
            gather(gradient, i, n, g);
            double gnorm = WolfeLineSearch.maxAbs(g, dim);
            if (gnorm <= gtol) {
                return new Halt.Converged(gnorm, gtol, "the largest gradient component " + gnorm
                        + " fell to the tolerance gtol = " + gtol + " (SciPy's CG test)");
            }
            double oldLoss;
            if (step == 1) {
                for (int d = 0; d < dim; d++) {
                    p[d] = -g[d];
                }
                oldLoss = loss + Math.sqrt(LineFunction.dot(g, g, dim)) / 2;
            } else {
                gather(lastGradient, i, n, previous);
                gather(direction, i, n, p);
                // SciPy forms p_{k+1} inside the line search, from the gradient there: the same
                // numbers as these, from the gradient the engine evaluated at the same point.
                nextDirection(g, previous, LineFunction.dot(previous, previous, dim), p, p);
                oldLoss = lastLoss[i];
            }
            scatter(p, direction, i, n);
            deltak = LineFunction.dot(g, g, dim);

            line.start(surface, x, p, loss, g);
            double alpha = search.search(line, loss, oldLoss, LineFunction.dot(g, p, dim), c1, c2, sufficientDescent);
            if (Double.isNaN(alpha)) {
                spent(i, line.functionEvaluations(), line.gradientEvaluations());
                return new Halt.LineSearchFailed("the line search found no step along the conjugate direction that "
                        + "lowers f enough (SciPy: precision loss)");
            }
            line.gradientAt(alpha);
            // Differs from SciPy: lr scales the accepted step (1, the default, changes no bit).
            double length = lr * alpha;
            for (int d = 0; d < dim; d++) {
                theta[d * n + i] = x[d] + length * p[d];
            }
            scatter(g, lastGradient, i, n);
            lastLoss[i] = loss;
            int own = lr == 1 ? 1 : 0;
            spent(i, line.functionEvaluations() - own, line.gradientEvaluations() - own);
            return null;
        }

        /**
         * SciPy's {@code descent_condition}: at a trial step, accept if the gradient there meets gtol,
         * or if the direction it would lead to descends enough.
         */
        private boolean sufficientDescent(double alpha, double phi) {
            int dim = dimension;
            double[] trial = line.gradientAt(alpha);
            nextDirection(trial, g, deltak, p, next);
            if (WolfeLineSearch.maxAbs(trial, dim) <= gtol) {
                return true;
            }
            return LineFunction.dot(next, trial, dim) <= -DESCENT * LineFunction.dot(trial, trial, dim);
        }

        /** out = −gNew + max(0, (gNew − gOld)·gNew / delta)·p; out may be p. */
        private void nextDirection(double[] gNew, double[] gOld, double delta, double[] p, double[] out) {
            int dim = dimension;
            double yDotG = 0;
            for (int d = 0; d < dim; d++) {
                yDotG += (gNew[d] - gOld[d]) * gNew[d];
            }
            double ratio = yDotG / delta;
            double beta = ratio > 0 ? ratio : 0;     // Python's max(0, ratio): 0 for NaN too
            for (int d = 0; d < dim; d++) {
                out[d] = -gNew[d] + beta * p[d];
            }
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            if (stepped && dimension == 2) {
                sink.vector("direction", direction[i], direction[n + i]);
            }
        }
    }
}

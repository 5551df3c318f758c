package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Surface;

/**
 * BFGS, the quasi-Newton method that learns an inverse Hessian from the gradients it sees: SciPy
 * 1.10's {@code minimize(method='BFGS')} with an exact gradient ({@code _minimize_bfgs} in
 * {@code scipy/optimize/_optimize.py}), followed from its code, with its defaults.
 * <pre>
 *   H₀ = I
 *   stop ("converged") when max_d |∂f/∂θ_d| ≤ gtol                 (SciPy's norm=inf test)
 *   p_k = −H_k·∇f(θ_k)
 *   α_k from the strong-Wolfe line search (c₁, c₂), starting from
 *       min(1, 2.02·(f_k − f_{k−1})/(∇f_k·p_k)),  f_{−1} = f₀ + ‖∇f₀‖/2
 *       (stop "line-search-failed" when there is none)
 *   s_k = lr·α_k·p_k,  θ_{k+1} = θ_k + s_k
 *   y_k = ∇f(θ_{k+1}) − ∇f(θ_k),  ρ_k = 1/(y_k·s_k)  (1000 when y_k·s_k = 0, as SciPy)
 *   H_{k+1} = (I − ρ_k·s_k·y_kᵀ)·H_k·(I − ρ_k·y_k·s_kᵀ) + ρ_k·s_k·s_kᵀ
 * </pre>
 * The line search is SciPy's ({@link WolfeLineSearch}): Moré–Thuente first, Nocedal–Wright's
 * bracketing and zoom if that fails. lr multiplies the step the line search accepts, as Newton's
 * lr damps its step: lr = 1 (the default) is SciPy's BFGS; with lr ≠ 1 the Wolfe conditions hold
 * for the full step, not for the one taken. SciPy's iteration limit (200·D) is the run's step
 * limit here; its {@code xrtol} is 0, as SciPy's default.
 *
 * <p>With gradient noise ({@code --noise}) the step starts from the noisy gradient, as every
 * optimizer does (it sets the direction and the change of gradient); the line search's own trials
 * use f and ∇f as they are.
 *
 * <p>Evaluations: each line-search trial costs an f and, where the search asks for the slope, a ∇f,
 * counted as SciPy counts them ({@link LineFunction}); the accepted trial is the point the engine
 * evaluates next, so at lr = 1 the counts are SciPy's {@code nfev} and {@code njev} at every step.
 *
 * <p>Step mode ({@link Stepper#describe}), in 2-D: {@code direction} = p_k of the last step;
 * {@code inverseHessianRow1}, {@code inverseHessianRow2} = the rows of the H_k it used.
 *
 * @param gtol the gradient tolerance (≥ 0; SciPy's default 1e-5)
 * @param c1   the sufficient-decrease constant, 0 &lt; c₁ &lt; c₂ (1e-4)
 * @param c2   the curvature constant, c₂ &lt; 1 (0.9)
 */
public record Bfgs(double gtol, double c1, double c2) implements Optimizer {

    /** A point's inverse Hessian has D² entries: beyond this, BFGS is the wrong tool (and memory). */
    static final int MAX_DIMENSION = 1000;

    public Bfgs {
        Range.atLeast(0).check("gtol", gtol);
        WolfeLineSearch.checkConstants(c1, c2);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        if (dimension > MAX_DIMENSION) {
            throw new InvalidInputException("optimizer", "bfgs keeps a " + dimension + "×" + dimension
                    + " inverse Hessian per point; it takes at most " + MAX_DIMENSION + " dimensions");
        }
        return new State(dimension, capacity);
    }

    private final class State extends EvaluatingStepper {
        /** H_k per point: entry (r, c) of point i at [(r·D + c)·n + i]. */
        private final double[] inverseHessian;
        /** s_k, ∇f(θ_k) and f(θ_k) of the last step: the update of H and the next first trial need them. */
        private final double[] lastStep;
        private final double[] lastGradient;
        private final double[] lastLoss;
        /** p_k of the last step, for step mode. */
        private final double[] direction;
        private final double[] x, g, p, s, y, h, a, t;
        private final LineFunction line;
        private final WolfeLineSearch search = new WolfeLineSearch();
        private boolean stepped;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            inverseHessian = buffer(dimension * dimension);
            lastStep = buffer(dimension);
            lastGradient = buffer(dimension);
            lastLoss = buffer(1);
            direction = buffer(dimension);
            x = new double[dimension];
            g = new double[dimension];
            p = new double[dimension];
            s = new double[dimension];
            y = new double[dimension];
            h = new double[dimension * dimension];
            a = new double[dimension * dimension];
            t = new double[dimension * dimension];
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
                        + " fell to the tolerance gtol = " + gtol + " (SciPy's BFGS test)");
            }
            double oldLoss;
            if (step == 1) {
                for (int r = 0; r < dim; r++) {
                    for (int c = 0; c < dim; c++) {
                        h[r * dim + c] = r == c ? 1 : 0;
                    }
                }
                // SciPy's guess of the previous f, so that the first trial moves about 1 in θ.
                oldLoss = loss + Math.sqrt(LineFunction.dot(g, g, dim)) / 2;
            } else {
                gather(lastStep, i, n, s);
                gather(lastGradient, i, n, y);
                for (int d = 0; d < dim; d++) {
                    y[d] = g[d] - y[d];
                }
                for (int e = 0; e < dim * dim; e++) {
                    h[e] = inverseHessian[e * n + i];
                }
                update();
                oldLoss = lastLoss[i];
            }
            for (int e = 0; e < dim * dim; e++) {
                inverseHessian[e * n + i] = h[e];
            }
            for (int r = 0; r < dim; r++) {
                double sum = 0;
                for (int c = 0; c < dim; c++) {
                    sum += h[r * dim + c] * g[c];
                }
                p[r] = -sum;
            }
            scatter(p, direction, i, n);

            line.start(surface, x, p, loss, g);
            double alpha = search.search(line, loss, oldLoss, LineFunction.dot(g, p, dim), c1, c2, null);
            if (Double.isNaN(alpha)) {
                spent(i, line.functionEvaluations(), line.gradientEvaluations());
                return new Halt.LineSearchFailed("the line search found no step along −H∇f that lowers f enough "
                        + "(SciPy: precision loss)");
            }
            // SciPy takes ∇f at the new point from the search; where the search did not ask for it
            // there, it asks now (and counts it).
            line.gradientAt(alpha);
            // Differs from SciPy: lr scales the accepted step (SciPy has no lr; at lr = 1, the
            // default, the product changes no bit). Tested in ClassicalMethodsTest.
            double length = lr * alpha;
            for (int d = 0; d < dim; d++) {
                s[d] = length * p[d];
                theta[d * n + i] = x[d] + s[d];
            }
            scatter(s, lastStep, i, n);
            scatter(g, lastGradient, i, n);
            lastLoss[i] = loss;
            // At lr = 1 the new point is the accepted trial: the engine's evaluation there is its.
            int own = lr == 1 ? 1 : 0;
            spent(i, line.functionEvaluations() - own, line.gradientEvaluations() - own);
            return null;
        }

        /** H ← A₁·(H·A₂) + ρ·s·sᵀ with A₁ = I − ρ·s·yᵀ, A₂ = I − ρ·y·sᵀ, as SciPy's NumPy expression orders it. */
        private void update() {
            int dim = dimension;
            double rhoInverse = LineFunction.dot(y, s, dim);
            double rho = rhoInverse == 0 ? 1000.0 : 1.0 / rhoInverse;
            // a = A₂; t = H·A₂
            for (int r = 0; r < dim; r++) {
                for (int c = 0; c < dim; c++) {
                    a[r * dim + c] = (r == c ? 1 : 0) - y[r] * s[c] * rho;
                }
            }
            product(h, a, t);
            // a = A₁; h = A₁·t + ρ·s·sᵀ
            for (int r = 0; r < dim; r++) {
                for (int c = 0; c < dim; c++) {
                    a[r * dim + c] = (r == c ? 1 : 0) - s[r] * y[c] * rho;
                }
            }
            product(a, t, h);
            for (int r = 0; r < dim; r++) {
                for (int c = 0; c < dim; c++) {
                    h[r * dim + c] += rho * s[r] * s[c];
                }
            }
        }

        /** out = left·right, D×D row-major, each entry summed in order. */
        private void product(double[] left, double[] right, double[] out) {
            int dim = dimension;
            for (int r = 0; r < dim; r++) {
                for (int c = 0; c < dim; c++) {
                    double sum = 0;
                    for (int k = 0; k < dim; k++) {
                        sum += left[r * dim + k] * right[k * dim + c];
                    }
                    out[r * dim + c] = sum;
                }
            }
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            if (!stepped || dimension != 2) {
                return;
            }
            sink.vector("direction", direction[i], direction[n + i]);
            sink.vector("inverseHessianRow1", inverseHessian[i], inverseHessian[n + i]);
            sink.vector("inverseHessianRow2", inverseHessian[2 * n + i], inverseHessian[3 * n + i]);
        }
    }
}

package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Gradient descent with a backtracking (Armijo) line search: Nocedal and Wright, "Numerical
 * Optimization" (1999), Algorithm 3.1, along −∇f, with SciPy's sufficient-decrease constant c₁ = 1e-4
 * ({@code scipy.optimize.line_search_armijo}'s default) and halving by default.
 * <pre>
 *   p = −∇f(θ),  α = lr
 *   while f(θ + α·p) &gt; f(θ) + c₁·α·(∇f·p):  α ← shrink·α
 *   θ ← θ + α·p
 * </pre>
 * The first trial is lr, each step (from the schedule): where plain gradient descent's step lowers f
 * enough, this is gd; elsewhere it shrinks the step until it does, so it cannot diverge the way gd
 * does past lr = 2/λmax. When the trial step no longer changes θ at all (f is flat to rounding
 * along −∇f) it stops: "line-search-failed".
 *
 * <p>Differs from SciPy: {@code line_search_armijo} does not shrink by a fixed factor but
 * interpolates (a quadratic, then cubics, falling back to halving); this class keeps the textbook
 * rule, whose factor is an option ({@code shrink}). Its reference trajectories come from a short
 * Python loop of the same rule ({@code tools/scipy-fixtures/generate.py}).
 *
 * <p>Evaluations: each trial costs an f; the accepted trial is the point the engine evaluates next,
 * so each step adds its trials to f_evals and one ∇f (the engine's) to g_evals.
 *
 * @param c1     the sufficient-decrease constant, in (0, 1) (1e-4)
 * @param shrink the backtracking factor, in (0, 1) (½)
 */
public record ArmijoDescent(double c1, double shrink) implements Optimizer {

    public ArmijoDescent {
        Range.open(0, 1).check("c1", c1);
        Range.open(0, 1).check("shrink", shrink);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    private final class State extends EvaluatingStepper {
        private final double[] x, p, trial;
        private final double[] value = new double[1];
        private final double[] gradient;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            x = new double[dimension];
            p = new double[dimension];
            trial = new double[dimension];
            gradient = new double[dimension];
        }

        @Override
        Halt stepPoint(int i, int n, double[] theta, double loss, double[] g, double lr, long step, Surface surface) {
            int dim = dimension;
            gather(theta, i, n, x);
            gather(g, i, n, p);
            double slope = 0;
            for (int d = 0; d < dim; d++) {
                slope += p[d] * -p[d];
                p[d] = -p[d];
            }
            double alpha = lr;
            int trials = 0;
            while (true) {
                boolean moved = false;
                for (int d = 0; d < dim; d++) {
                    trial[d] = x[d] + alpha * p[d];
                    moved |= trial[d] != x[d];
                }
                if (!moved) {
                    spent(i, trials, 0);
                    return new Halt.LineSearchFailed("backtracking shrank the step to " + alpha
                            + ", too small to change θ, without lowering f enough");
                }
                trials++;
                surface.valueAndGradient(trial, 1, value, gradient);
                if (value[0] <= loss + c1 * alpha * slope) {
                    break;
                }
                alpha *= shrink;
            }
            scatter(trial, theta, i, n);
            // The engine evaluates f (and ∇f) at the accepted trial again: that f is counted once.
            spent(i, trials - 1, 0);
            return null;
        }
    }
}

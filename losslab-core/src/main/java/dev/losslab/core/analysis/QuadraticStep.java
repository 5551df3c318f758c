package dev.losslab.core.analysis;

import dev.losslab.core.InvalidInputException;

/**
 * Gradient descent on the 1-D quadratic f(x) = h·x²/2, the whole learning-rate story in one line:
 * ∇f = h·x, so one step is x ← x − lr·h·x = (1 − lr·h)·x, and after t steps x_t = (1 − lr·h)ᵗ·x₀.
 * The factor r = 1 − lr·h decides everything:
 * <pre>
 *   0 &lt; r &lt; 1    lr &lt; 1/h         monotone: glides in from one side
 *   r = 0        lr = 1/h         one step: lands on the minimum at once
 *   −1 &lt; r &lt; 0   1/h &lt; lr &lt; 2/h  oscillating: crosses the minimum every step, shrinking
 *   r = −1       lr = 2/h         orbit: bounces between ±x₀ for ever
 *   r &lt; −1       lr &gt; 2/h         divergent: every bounce is larger than the last
 * </pre>
 * On a surface, h is the largest Hessian eigenvalue, which is why GD is stable only for lr &lt; 2/λmax.
 *
 * @param curvature    h &gt; 0
 * @param learningRate lr &gt; 0
 */
public record QuadraticStep(double curvature, double learningRate) {

    /** The five regimes of the table above, in order of growing lr. */
    public enum Regime {
        MONOTONE, ONE_STEP, OSCILLATING, ORBIT, DIVERGENT;

        /** The name the API and the page use: {@code one-step}, {@code divergent}, … */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** Factors this close to 0 or −1 (relative to 1) count as exactly there: 2/h is rarely exact in binary. */
    private static final double EXACT = 1e-12;

    public QuadraticStep {
        if (!(curvature > 0) || Double.isInfinite(curvature)) {
            throw InvalidInputException.outOfRange("h", "> 0 and finite", curvature);
        }
        if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
            throw InvalidInputException.outOfRange("lr", "> 0 and finite", learningRate);
        }
    }

    /** r = 1 − lr·h: the factor one step multiplies the distance to the minimum by. */
    public double factor() {
        return 1 - learningRate * curvature;
    }

    public Regime regime() {
        double r = factor();
        if (Math.abs(r) <= EXACT) {
            return Regime.ONE_STEP;
        }
        if (Math.abs(r + 1) <= EXACT) {
            return Regime.ORBIT;
        }
        if (r > 0) {
            return Regime.MONOTONE;
        }
        return r > -1 ? Regime.OSCILLATING : Regime.DIVERGENT;
    }

    /** 1/h: below it the steps never cross the minimum. */
    public double monotoneBelow() {
        return 1 / curvature;
    }

    /** 2/h: below it GD converges, above it diverges. */
    public double stableBelow() {
        return 2 / curvature;
    }
}

package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Adadelta (Zeiler 2012, "ADADELTA: an adaptive learning rate method"): {@code torch.optim.Adadelta}
 * ({@code _single_tensor_adadelta}), followed from torch 1.13.1's code, which current torch keeps.
 * <pre>
 *   g ← ±∇f(θ) + λ·θ                                  (−∇f with maximize; weight decay λ, only when λ ≠ 0)
 *   v ← ρ·v + (1 − ρ)·g²                              (v₀ = 0: torch's square_avg)
 *   δ ← √(u + ε) / √(v + ε) · g                       (u₀ = 0: torch's acc_delta; ε inside both roots)
 *   u ← ρ·u + (1 − ρ)·δ²
 *   θ ← θ − lr·δ
 * </pre>
 * The step sizes itself: δ has the units of θ (RMS of past steps over RMS of gradients), so lr is a
 * plain multiplier, 1 in the paper and in PyTorch. The first step is only about √ε/√(1 − ρ)·sign(g)
 * (3e-3 per coordinate at the defaults): u, the memory of past steps, starts empty and grows with them.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code squareAvgSqrt} = √v, the RMS of the gradients;
 * {@code accDeltaSqrt} = √u, the RMS of the steps; per axis.
 *
 * @param rho         ρ ∈ [0, 1], default 0.9
 * @param eps         ε ≥ 0, default 1e-6
 * @param weightDecay λ ≥ 0, default 0
 * @param maximize    climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record Adadelta(double rho, double eps, double weightDecay, boolean maximize) implements Optimizer {

    public Adadelta {
        Range.closed(0, 1).check("rho", rho);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    private final class State extends Stepper {
        /** v (torch's square_avg) and u (acc_delta). */
        private final double[] squareAvg;
        private final double[] accDelta;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            squareAvg = buffer(dimension);
            accDelta = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int m = n * dimension;
            double r = rho, e = eps, wd = weightDecay;
            double sign = maximize ? -1 : 1;
            double[] v = squareAvg, u = accDelta;
            for (int j = 0; j < m; j++) {
                double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
                v[j] = v[j] * r + (1 - r) * g * g;
                double delta = Math.sqrt(u[j] + e) / Math.sqrt(v[j] + e) * g;
                u[j] = u[j] * r + (1 - r) * delta * delta;
                theta[j] += -lr * delta;
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            sink.vector("squareAvgSqrt", Math.sqrt(squareAvg[i]), Math.sqrt(squareAvg[n + i]));
            sink.vector("accDeltaSqrt", Math.sqrt(accDelta[i]), Math.sqrt(accDelta[n + i]));
        }
    }
}

package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Adagrad (Duchi, Hazan and Singer 2011): {@code torch.optim.Adagrad} ({@code _single_tensor_adagrad},
 * dense gradients), followed from torch 1.13.1's code.
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ∇f(θ) + λ·θ                                   (weight decay λ, only when λ ≠ 0)
 *   lr_t ← lr / (1 + (t − 1)·η)                       (lr decay η)
 *   s ← s + g²                                        (s₀ = 0: torch's initial_accumulator_value)
 *   θ ← θ − lr_t · g / (√s + ε)                       (ε outside the square root)
 * </pre>
 * The first update is lr·g/(|g| + ε) ≈ lr·sign(g) per coordinate; every later one is smaller,
 * since s only grows.
 *
 * Step mode ({@link Stepper#describe}): {@code sumSqrt} = √s per axis.
 *
 * @param lrDecay     η ≥ 0, default 0
 * @param eps         ε ≥ 0, default 1e-10
 * @param weightDecay λ ≥ 0, default 0
 */
public record Adagrad(double lrDecay, double eps, double weightDecay) implements Optimizer {

    public Adagrad {
        Range.atLeast(0).check("lr-decay", lrDecay);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    private final class State extends Stepper {
        /** s (torch's state_sum). */
        private final double[] sum;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            sum = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int m = n * dimension;
            double wd = weightDecay, e = eps;
            double clr = lr / (1 + (step - 1) * lrDecay);
            double[] s = sum;
            for (int j = 0; j < m; j++) {
                double g = wd != 0 ? gradient[j] + wd * theta[j] : gradient[j];
                s[j] += g * g;
                theta[j] += -clr * (g / (Math.sqrt(s[j]) + e));
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            sink.vector("sumSqrt", Math.sqrt(sum[i]), Math.sqrt(sum[n + i]));
        }
    }
}

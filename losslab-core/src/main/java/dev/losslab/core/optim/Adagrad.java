package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;
import java.util.Arrays;

/**
 * Adagrad (Duchi, Hazan and Singer 2011): {@code torch.optim.Adagrad} ({@code _single_tensor_adagrad},
 * dense gradients), followed from torch 1.13.1's code.
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ±∇f(θ) + λ·θ                                  (−∇f with maximize; weight decay λ, only when λ ≠ 0)
 *   lr_t ← lr / (1 + (t − 1)·η)                       (lr decay η)
 *   s ← s + g²                                        (s₀: torch's initial_accumulator_value, default 0)
 *   θ ← θ − lr_t · g / (√s + ε)                       (ε outside the square root)
 * </pre>
 * With s₀ = 0 the first update is lr·g/(|g| + ε) ≈ lr·sign(g) per coordinate; every later one is
 * smaller, since s only grows. A positive s₀ shrinks the early steps, as if s₀ of squared gradient
 * had already been seen.
 *
 * Step mode ({@link Stepper#describe}): {@code sumSqrt} = √s per axis.
 *
 * @param lrDecay     η ≥ 0, default 0
 * @param eps         ε ≥ 0, default 1e-10
 * @param weightDecay λ ≥ 0, default 0
 * @param initialAccumulatorValue s₀ ≥ 0, default 0
 * @param maximize    climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record Adagrad(double lrDecay, double eps, double weightDecay, double initialAccumulatorValue,
                      boolean maximize) implements Optimizer {

    public Adagrad {
        Range.atLeast(0).check("lr-decay", lrDecay);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
        Range.atLeast(0).check("initial-accumulator-value", initialAccumulatorValue);
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
            Arrays.fill(sum, initialAccumulatorValue);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int m = n * dimension;
            double wd = weightDecay, e = eps;
            double sign = maximize ? -1 : 1;
            double clr = lr / (1 + (step - 1) * lrDecay);
            double[] s = sum;
            for (int j = 0; j < m; j++) {
                double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
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

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
    public Stepper newStepper() {
        return new State();
    }

    private final class State implements Stepper {
        private double sumX, sumY;

        @Override
        public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
            double gx = gradient[0];
            double gy = gradient[1];
            if (weightDecay != 0) {
                gx += weightDecay * theta[0];
                gy += weightDecay * theta[1];
            }
            double clr = lr / (1 + (step - 1) * lrDecay);
            sumX += gx * gx;
            sumY += gy * gy;
            theta[0] += -clr * (gx / (Math.sqrt(sumX) + eps));
            theta[1] += -clr * (gy / (Math.sqrt(sumY) + eps));
            return true;
        }

        @Override
        public void describe(InternalsSink sink) {
            sink.vector("sumSqrt", Math.sqrt(sumX), Math.sqrt(sumY));
        }
    }
}

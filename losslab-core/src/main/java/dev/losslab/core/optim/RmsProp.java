package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * RMSProp (Hinton's lecture 6e), optionally centered (Graves 2013) and with momentum:
 * {@code torch.optim.RMSprop} ({@code _single_tensor_rmsprop}), followed from torch 1.13.1's code.
 * <pre>
 *   g ← ∇f(θ) + λ·θ                                   (weight decay λ, only when λ ≠ 0)
 *   v ← α·v + (1 − α)·g²                              (v₀ = 0)
 *   centered:  a ← α·a + (1 − α)·g;  s ← √(v − a²)    (a₀ = 0)
 *   else:      s ← √v
 *   d ← s + ε                                         (ε outside the square root)
 *   μ > 0:     b ← μ·b + g/d;  θ ← θ − lr·b           (b₀ = 0, unlike SGD's buffer)
 *   μ = 0:     θ ← θ − lr·g/d
 * </pre>
 * There is no step count and no bias correction: the first steps are large, lr·g/(√(1 − α)·|g|) =
 * 10·lr per coordinate at α = 0.99. Newer torch (2.x) updates the centered average a with
 * {@code lerp}; it agrees with 1.13's α·a + (1 − α)·g to rounding.
 *
 * Step mode ({@link Stepper#describe}): {@code squareAvgSqrt} = √v per axis, and {@code buffer}
 * = b when μ > 0.
 *
 * @param alpha       smoothing constant α ∈ [0, 1], default 0.99
 * @param eps         ε ≥ 0, default 1e-8
 * @param weightDecay λ ≥ 0, default 0
 * @param momentum    μ ≥ 0, default 0
 * @param centered    normalise by the estimated variance of g instead of its second moment
 */
public record RmsProp(double alpha, double eps, double weightDecay, double momentum, boolean centered)
        implements Optimizer {

    public RmsProp {
        // Differs from PyTorch: torch only asks α ≥ 0; above 1 the average v can turn negative and
        // √v NaN, so LossLab refuses it up front.
        Range.closed(0, 1).check("alpha", alpha);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
        Range.atLeast(0).check("momentum", momentum);
    }

    @Override
    public Stepper newStepper() {
        return new State();
    }

    private final class State implements Stepper {
        private double squareAvgX, squareAvgY;
        private double gradAvgX, gradAvgY;
        private double bufX, bufY;

        @Override
        public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
            double gx = gradient[0];
            double gy = gradient[1];
            if (weightDecay != 0) {
                gx += weightDecay * theta[0];
                gy += weightDecay * theta[1];
            }
            squareAvgX = squareAvgX * alpha + (1 - alpha) * gx * gx;
            squareAvgY = squareAvgY * alpha + (1 - alpha) * gy * gy;
            double avgX, avgY;
            if (centered) {
                gradAvgX = gradAvgX * alpha + (1 - alpha) * gx;
                gradAvgY = gradAvgY * alpha + (1 - alpha) * gy;
                avgX = Math.sqrt(squareAvgX - gradAvgX * gradAvgX) + eps;
                avgY = Math.sqrt(squareAvgY - gradAvgY * gradAvgY) + eps;
            } else {
                avgX = Math.sqrt(squareAvgX) + eps;
                avgY = Math.sqrt(squareAvgY) + eps;
            }
            if (momentum > 0) {
                bufX = bufX * momentum + gx / avgX;
                bufY = bufY * momentum + gy / avgY;
                theta[0] += -lr * bufX;
                theta[1] += -lr * bufY;
            } else {
                theta[0] += -lr * (gx / avgX);
                theta[1] += -lr * (gy / avgY);
            }
            return true;
        }

        @Override
        public void describe(InternalsSink sink) {
            sink.vector("squareAvgSqrt", Math.sqrt(squareAvgX), Math.sqrt(squareAvgY));
            if (momentum > 0) {
                sink.vector("buffer", bufX, bufY);
            }
        }
    }
}

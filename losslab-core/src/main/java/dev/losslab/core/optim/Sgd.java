package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Surface;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov and L2 weight decay:
 * {@code torch.optim.SGD} ({@code _single_tensor_sgd}). LossLab's {@code gd}, {@code sgd},
 * {@code momentum} and {@code nesterov} are this rule with different settings ({@code sgd} adds
 * the runner's Gaussian gradient noise). Followed from torch 1.13.1's code, which current torch keeps.
 * <pre>
 *   g ← ∇f(θ) + λ·θ                          (weight decay λ)
 *   if μ ≠ 0:
 *     b ← g                    at step 1     (the buffer starts as the first gradient, undamped)
 *     b ← μ·b + (1 − τ)·g      after that    (dampening τ)
 *     g ← g + μ·b   if nesterov, else   g ← b
 *   θ ← θ − lr·g
 * </pre>
 *
 * Step mode ({@link Stepper#describe}): {@code buffer} = b, when μ ≠ 0.
 *
 * @param momentum    μ ≥ 0 (PyTorch default 0)
 * @param dampening   τ ≥ 0 (default 0)
 * @param nesterov    Nesterov momentum; needs μ > 0 and τ = 0, as PyTorch requires
 * @param weightDecay λ ≥ 0 (default 0)
 */
public record Sgd(double momentum, double dampening, boolean nesterov, double weightDecay) implements Optimizer {

    public Sgd {
        Range.atLeast(0).check("momentum", momentum);
        Range.atLeast(0).check("dampening", dampening);
        Range.atLeast(0).check("weight-decay", weightDecay);
        if (nesterov && !(momentum > 0 && dampening == 0)) {
            throw new InvalidInputException(momentum > 0 ? "dampening" : "momentum",
                    "nesterov needs momentum > 0 and dampening = 0, got momentum=" + momentum + ", dampening=" + dampening);
        }
    }

    /** Plain gradient descent: θ ← θ − lr·∇f(θ). */
    public static Sgd plain() {
        return new Sgd(0, 0, false, 0);
    }

    @Override
    public Stepper newStepper() {
        return new State();
    }

    private final class State implements Stepper {
        private double bufX, bufY;
        private boolean hasBuffer;

        @Override
        public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
            double gx = gradient[0] + weightDecay * theta[0];
            double gy = gradient[1] + weightDecay * theta[1];
            if (momentum != 0) {
                if (!hasBuffer) {
                    bufX = gx;
                    bufY = gy;
                    hasBuffer = true;
                } else {
                    bufX = momentum * bufX + (1 - dampening) * gx;
                    bufY = momentum * bufY + (1 - dampening) * gy;
                }
                if (nesterov) {
                    gx += momentum * bufX;
                    gy += momentum * bufY;
                } else {
                    gx = bufX;
                    gy = bufY;
                }
            }
            theta[0] -= lr * gx;
            theta[1] -= lr * gy;
            return true;
        }

        @Override
        public void describe(InternalsSink sink) {
            if (momentum != 0) {
                sink.vector("buffer", bufX, bufY);
            }
        }
    }
}

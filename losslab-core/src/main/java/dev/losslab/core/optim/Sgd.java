package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Surface;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov and L2 weight decay:
 * {@code torch.optim.SGD} ({@code _single_tensor_sgd}). LossLab's {@code gd}, {@code sgd},
 * {@code momentum} and {@code nesterov} are this rule with different settings ({@code sgd} adds
 * the runner's Gaussian gradient noise). Followed from torch 1.13.1's code, which current torch keeps.
 * <pre>
 *   g ← ±∇f(θ) + λ·θ                         (−∇f with maximize; weight decay λ)
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
 * @param maximize    climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record Sgd(double momentum, double dampening, boolean nesterov, double weightDecay, boolean maximize)
        implements Optimizer {

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
        return new Sgd(0, 0, false, 0, false);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    /** A schedule may cycle μ, even from 0: PyTorch's SGD always has a {@code momentum} entry. */
    @Override
    public CycledMomentum cycledMomentum() {
        return CycledMomentum.MOMENTUM;
    }

    private final class State extends Stepper {
        /** μ now: the record's, unless a schedule cycles it ({@link #setMomentum}). */
        private double momentum = Sgd.this.momentum;
        /** The momentum buffer b, allocated once μ ≠ 0, and whether it holds anything yet. */
        private double[] buffer;
        private boolean bufferStarted;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            buffer = momentum != 0 ? buffer(dimension) : null;
        }

        @Override
        public void setMomentum(double mu) {
            momentum = mu;
            if (mu != 0 && buffer == null) {
                buffer = buffer(dimension);
            }
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int m = n * dimension;
            double wd = weightDecay;
            // −1·g is exactly −g, and 1·g is g: one multiply instead of a branch per entry.
            double sign = maximize ? -1 : 1;
            if (momentum == 0) {
                for (int j = 0; j < m; j++) {
                    theta[j] -= lr * (sign * gradient[j] + wd * theta[j]);
                }
                return 0;
            }
            double[] b = buffer;
            double mu = momentum;
            double undamped = 1 - dampening;
            // The buffer starts as the first gradient, undamped: PyTorch's momentum_buffer is None
            // until the first step with μ ≠ 0 (step 1 unless a schedule cycles μ up from 0). The
            // branches are per step, not per point, so each loop stays straight.
            if (!bufferStarted) {
                for (int j = 0; j < m; j++) {
                    b[j] = sign * gradient[j] + wd * theta[j];
                }
                bufferStarted = true;
            } else {
                for (int j = 0; j < m; j++) {
                    b[j] = mu * b[j] + undamped * (sign * gradient[j] + wd * theta[j]);
                }
            }
            if (nesterov) {
                for (int j = 0; j < m; j++) {
                    theta[j] -= lr * (sign * gradient[j] + wd * theta[j] + mu * b[j]);
                }
            } else {
                for (int j = 0; j < m; j++) {
                    theta[j] -= lr * b[j];
                }
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            if (momentum != 0) {
                sink.vector("buffer", buffer[i], buffer[n + i]);
            }
        }
    }
}

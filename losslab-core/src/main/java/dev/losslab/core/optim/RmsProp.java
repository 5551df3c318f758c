package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * RMSProp (Hinton's lecture 6e), optionally centered (Graves 2013) and with momentum:
 * {@code torch.optim.RMSprop} ({@code _single_tensor_rmsprop}), followed from torch 1.13.1's code.
 * <pre>
 *   g ← ±∇f(θ) + λ·θ                                  (−∇f with maximize; weight decay λ, only when λ ≠ 0)
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
 * @param maximize    climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record RmsProp(double alpha, double eps, double weightDecay, double momentum, boolean centered,
                      boolean maximize) implements Optimizer {

    public RmsProp {
        // Differs from PyTorch: torch only asks α ≥ 0; above 1 the average v can turn negative and
        // √v NaN, so LossLab refuses it up front.
        Range.closed(0, 1).check("alpha", alpha);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
        Range.atLeast(0).check("momentum", momentum);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    /** A schedule may cycle μ: PyTorch's RMSprop has a {@code momentum} entry. */
    @Override
    public CycledMomentum cycledMomentum() {
        return CycledMomentum.MOMENTUM;
    }

    private final class State extends Stepper {
        /** v (torch's square_avg), a (grad_avg, when centered) and b (momentum_buffer, once μ > 0). */
        private final double[] squareAvg;
        private final double[] gradAvg;
        private double[] momentumBuffer;
        /** μ now: the record's, unless a schedule cycles it ({@link #setMomentum}). */
        private double momentum = RmsProp.this.momentum;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            squareAvg = buffer(dimension);
            gradAvg = centered ? buffer(dimension) : null;
            momentumBuffer = momentum > 0 ? buffer(dimension) : null;
        }

        @Override
        public void setMomentum(double mu) {
            momentum = mu;
            if (mu > 0 && momentumBuffer == null) {
                momentumBuffer = buffer(dimension);
            }
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int m = n * dimension;
            double a = alpha, e = eps, wd = weightDecay, mu = momentum;
            double sign = maximize ? -1 : 1;
            double[] v = squareAvg, avg = gradAvg, b = momentumBuffer;
            // The flags are per run, so each branch below is a straight loop for the JIT.
            if (!centered && mu == 0) {
                for (int j = 0; j < m; j++) {
                    double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
                    v[j] = v[j] * a + (1 - a) * g * g;
                    theta[j] += -lr * (g / (Math.sqrt(v[j]) + e));
                }
                return 0;
            }
            for (int j = 0; j < m; j++) {
                double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
                v[j] = v[j] * a + (1 - a) * g * g;
                double d;
                if (centered) {
                    avg[j] = avg[j] * a + (1 - a) * g;
                    d = Math.sqrt(v[j] - avg[j] * avg[j]) + e;
                } else {
                    d = Math.sqrt(v[j]) + e;
                }
                if (mu > 0) {
                    b[j] = b[j] * mu + g / d;
                    theta[j] += -lr * b[j];
                } else {
                    theta[j] += -lr * (g / d);
                }
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            sink.vector("squareAvgSqrt", Math.sqrt(squareAvg[i]), Math.sqrt(squareAvg[n + i]));
            if (momentum > 0) {
                sink.vector("buffer", momentumBuffer[i], momentumBuffer[n + i]);
            }
        }
    }
}

package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Adamax, Adam with the infinity norm (Kingma and Ba 2015, section 7.1): {@code torch.optim.Adamax}
 * ({@code _single_tensor_adamax}), followed from torch 1.13.1's code.
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ±∇f(θ) + λ·θ                                  (−∇f with maximize; weight decay λ, only when λ ≠ 0)
 *   m ← β₁·m + (1 − β₁)·g                             (m₀ = 0: torch's exp_avg)
 *   u ← max(β₂·u, |g| + ε)                            (u₀ = 0: torch's exp_inf; ε inside the max)
 *   θ ← θ − lr/(1 − β₁ᵗ) · m / u
 * </pre>
 * u needs no bias correction: it is a decaying maximum, not an average, so it is |g| + ε from the
 * first step on. The first update is lr·g/(|g| + ε) ≈ lr·sign(g) per coordinate, as Adam's.
 * Newer torch (2.x) updates m with {@code lerp}; it agrees with 1.13's form to rounding.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code m} = m, {@code mHat} = m/(1 − β₁ᵗ) and
 * {@code u} = u per axis.
 *
 * @param beta1       β₁ ∈ [0, 1), default 0.9
 * @param beta2       β₂ ∈ [0, 1), default 0.999
 * @param eps         ε ≥ 0, default 1e-8
 * @param weightDecay λ ≥ 0, default 0
 * @param maximize    climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record Adamax(double beta1, double beta2, double eps, double weightDecay, boolean maximize)
        implements Optimizer {

    public Adamax {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    /** A schedule may cycle β₁: PyTorch's schedulers set {@code betas[0]}. */
    @Override
    public CycledMomentum cycledMomentum() {
        return CycledMomentum.BETA1;
    }

    private final class State extends Stepper {
        /** β₁ now: the record's, unless a schedule cycles it ({@link #setMomentum}). */
        private double beta1 = Adamax.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m (torch's exp_avg) and u (exp_inf). */
        private final double[] expAvg;
        private final double[] expInf;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            expAvg = buffer(dimension);
            expInf = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            lastStep = step;
            int m = n * dimension;
            double b1 = beta1, b2 = beta2, e = eps, wd = weightDecay;
            double sign = maximize ? -1 : 1;
            double clr = lr / (1 - Math.pow(beta1, step));
            double[] mAvg = expAvg, u = expInf;
            for (int j = 0; j < m; j++) {
                double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
                mAvg[j] = mAvg[j] * b1 + (1 - b1) * g;
                u[j] = Math.max(u[j] * b2, Math.abs(g) + e);
                theta[j] += -clr * (mAvg[j] / u[j]);
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            double biasCorrection = lastStep > 0 ? 1 - Math.pow(beta1, lastStep) : 1;
            sink.vector("m", expAvg[i], expAvg[n + i]);
            sink.vector("mHat", expAvg[i] / biasCorrection, expAvg[n + i] / biasCorrection);
            sink.vector("u", expInf[i], expInf[n + i]);
        }
    }
}

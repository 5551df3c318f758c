package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * RAdam, rectified Adam (Liu et al. 2020, "On the variance of the adaptive learning rate and
 * beyond"): {@code torch.optim.RAdam} ({@code _single_tensor_radam}), followed from torch 2.11's code,
 * which adds {@code decoupled_weight_decay} (RAdamW) and {@code maximize} to 1.13 and otherwise
 * computes the same numbers (to rounding).
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ±∇f(θ)                                        (−∇f with maximize)
 *   g ← g + λ·θ                  L2 weight decay      (λ ≠ 0, not decoupled)
 *   θ ← θ·(1 − lr·λ)             decoupled            (λ ≠ 0: RAdamW, as AdamW)
 *   m ← lerp(m, g, 1 − β₁)   = β₁·m + (1 − β₁)·g      (m₀ = 0)
 *   v ← β₂·v + (1 − β₂)·g²                            (v₀ = 0)
 *   m̂ ← m / (1 − β₁ᵗ)
 *   ρ∞ ← 2/(1 − β₂) − 1;   ρ_t ← ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)  (length of the approximated moving average)
 *   ρ_t > 5:   r ← √((ρ_t − 4)(ρ_t − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρ_t))
 *              θ ← θ − m̂·lr · √(1 − β₂ᵗ)/(√v + ε) · r
 *   ρ_t ≤ 5:   θ ← θ − m̂·lr                       (SGD with momentum while v is too young to trust)
 * </pre>
 * At the default β₂ = 0.999, ρ_t first exceeds 5 at t = 6: the first five updates are plain
 * bias-corrected momentum, lr·m̂ (lr times the gradient, not lr per coordinate as in Adam), then the
 * adaptive step fades in as r climbs towards 1. The rectifier branch is per step, the same for every
 * point. As in 2.11, m is moved with {@link Lerp#lerp} (torch 1.13: β₁·m + (1 − β₁)·g, the same to
 * rounding, and the 1.13 fixtures pass).
 *
 * <p>Step mode ({@link Stepper#describe}): {@code m} = m, {@code mHat} = m̂ and {@code vHatSqrt} =
 * √v/√(1 − β₂ᵗ) per axis (the adaptive denominator, used only once ρ_t &gt; 5).
 *
 * @param beta1                β₁ ∈ [0, 1), default 0.9
 * @param beta2                β₂ ∈ [0, 1), default 0.999
 * @param eps                  ε ≥ 0, default 1e-8
 * @param weightDecay          λ ≥ 0, default 0
 * @param decoupledWeightDecay θ·(1 − lr·λ) instead of λ·θ added to g
 * @param maximize             climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record RAdam(double beta1, double beta2, double eps, double weightDecay, boolean decoupledWeightDecay,
                    boolean maximize) implements Optimizer {

    public RAdam {
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
        private double beta1 = RAdam.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m (torch's exp_avg) and v (exp_avg_sq). */
        private final double[] expAvg;
        private final double[] expAvgSq;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            expAvg = buffer(dimension);
            expAvgSq = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            lastStep = step;
            int m = n * dimension;
            double b1 = beta1, b2 = beta2, e = eps;
            double sign = maximize ? -1 : 1;
            double wd = 0;
            if (weightDecay != 0) {
                if (decoupledWeightDecay) {
                    double decay = 1 - lr * weightDecay;
                    for (int j = 0; j < m; j++) {
                        theta[j] *= decay;
                    }
                } else {
                    wd = weightDecay;
                }
            }
            double biasCorrection1 = 1 - Math.pow(beta1, step);
            double biasCorrection2 = 1 - Math.pow(beta2, step);
            double rhoInf = 2 / (1 - beta2) - 1;
            double rhoT = rhoInf - 2 * step * Math.pow(beta2, step) / biasCorrection2;
            boolean rectified = rhoT > 5;
            double rect = 0, correction2Sqrt = 0;
            if (rectified) {
                rect = Math.pow((rhoT - 4) * (rhoT - 2) * rhoInf / ((rhoInf - 4) * (rhoInf - 2) * rhoT), 0.5);
                correction2Sqrt = Math.pow(biasCorrection2, 0.5);
            }
            double[] mAvg = expAvg, vAvg = expAvgSq;
            for (int j = 0; j < m; j++) {
                double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
                mAvg[j] = Lerp.lerp(mAvg[j], g, 1 - b1);
                vAvg[j] = vAvg[j] * b2 + (1 - b2) * g * g;
                double mHat = mAvg[j] / biasCorrection1;
                // torch multiplies left to right: m̂·lr, then the adaptive factor, then r.
                theta[j] -= rectified ? mHat * lr * (correction2Sqrt / (Math.sqrt(vAvg[j]) + e)) * rect : mHat * lr;
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            double biasCorrection1 = 1, correction2Sqrt = 1;
            if (lastStep > 0) {
                biasCorrection1 = 1 - Math.pow(beta1, lastStep);
                correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, lastStep));
            }
            sink.vector("m", expAvg[i], expAvg[n + i]);
            sink.vector("mHat", expAvg[i] / biasCorrection1, expAvg[n + i] / biasCorrection1);
            sink.vector("vHatSqrt", Math.sqrt(expAvgSq[i]) / correction2Sqrt, Math.sqrt(expAvgSq[n + i]) / correction2Sqrt);
        }
    }
}

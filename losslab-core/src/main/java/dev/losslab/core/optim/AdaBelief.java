package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * AdaBelief (Zhuang et al. 2020, "AdaBelief Optimizer: Adapting Stepsizes by the Belief in
 * Observed Gradients"): Adam with the second moment of g − m (how far the gradient strays from
 * its prediction) in place of g². Followed from the authors' code, adabelief-pytorch 0.2.1
 * (juntang-zhuang/Adabelief-Optimizer, {@code AdaBelief.step}), defaults included: decoupled
 * weight decay and the RAdam-style rectification are on.
 * <pre>
 *   θ ← θ·(1 − lr·λ)                                  (decoupled weight decay, first)
 *   m ← β₁·m + (1 − β₁)·g                             (m₀ = 0)
 *   s ← β₂·s + (1 − β₂)·(g − m)² + ε                  (s₀ = 0; ε joins the state every step)
 *   ŝ ← max(ŝ, s)  with amsgrad, else ŝ ← s
 *   unrectified:  θ ← θ − lr/(1 − β₁ᵗ) · m / (√ŝ/√(1 − β₂ᵗ) + ε)
 *   rectified:    ρ∞ = 2/(1 − β₂) − 1,  ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
 *     ρₜ ≥ 5:     θ ← θ − lr·rₜ/(1 − β₁ᵗ) · m / (√s + ε),
 *                 rₜ = √((1 − β₂ᵗ)·(ρₜ − 4)(ρₜ − 2)ρ∞ / ((ρ∞ − 4)(ρ∞ − 2)ρₜ))
 *     otherwise:  θ ← θ − lr/(1 − β₁ᵗ) · m              (degenerated to SGD; no step without it)
 * </pre>
 * With the default β₂ = 0.999, ρₜ ≈ t for small t, so the first four steps are SGD steps with
 * momentum, lr·m̂ in gradient units: the default lr (the surface's adaptive lr) makes them large on
 * steep surfaces, as the authors' defaults do. Under rectification the step divides by √s without
 * the bias correction (rₜ carries it) and ignores amsgrad's maximum, which is still kept: both as
 * in the authors' code.
 *
 * <p>optax 0.2.8's {@code optax.adabelief} has no rectification and puts its ε_root where the
 * authors' ε joins s: with {@code no-rectify} and eps = 1e-16 (both defaults' value) the two rules
 * are the same up to rounding (optax divides s by 1 − β₂ᵗ under the root, the authors divide the
 * root).
 *
 * <p>Step mode ({@link Stepper#describe}): {@code mHat} = m/(1 − β₁ᵗ); {@code sHatSqrt} =
 * √ŝ/√(1 − β₂ᵗ) per axis, the unrectified denominator before ε.
 *
 * @param beta1            β₁ ∈ [0, 1), default 0.9
 * @param beta2            β₂ ∈ [0, 1), default 0.999
 * @param eps              ε ≥ 0, default 1e-16
 * @param weightDecay      λ ≥ 0, decoupled, default 0
 * @param amsgrad          normalise by the running maximum of s (unrectified steps only)
 * @param rectify          the RAdam-style rectification (the reference's default; LossLab's
 *                         {@code no-rectify} turns it off)
 * @param degeneratedToSgd while ρₜ is under 5, take SGD steps (the reference's default; LossLab's
 *                         {@code no-degenerated-to-sgd}: take none)
 */
public record AdaBelief(
        double beta1,
        double beta2,
        double eps,
        double weightDecay,
        boolean amsgrad,
        boolean rectify,
        boolean degeneratedToSgd) implements Optimizer {

    public AdaBelief {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    /** A schedule may cycle β₁, as PyTorch's schedulers set {@code betas[0]} of any optimizer that has betas. */
    @Override
    public CycledMomentum cycledMomentum() {
        return CycledMomentum.BETA1;
    }

    private final class State extends Stepper {
        /** β₁ now: the record's, unless a schedule cycles it ({@link #setMomentum}). */
        private double beta1 = AdaBelief.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m (the authors' exp_avg), s (exp_avg_var) and, with amsgrad, its running maximum. */
        private final double[] expAvg;
        private final double[] expAvgVar;
        private final double[] maxExpAvgVar;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            expAvg = buffer(dimension);
            expAvgVar = buffer(dimension);
            maxExpAvgVar = amsgrad ? buffer(dimension) : null;
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            lastStep = step;
            int size = n * dimension;
            double b1 = beta1, b2 = beta2, e = eps;
            double correction1 = 1 - Math.pow(b1, step);
            double correction2Sqrt = Math.sqrt(1 - Math.pow(b2, step));
            // The step's form: unrectified (lr/(1 − β₁ᵗ) over the corrected root), rectified (lr·rₜ/(1 − β₁ᵗ)
            // over the raw root), SGD (lr/(1 − β₁ᵗ), no denominator), or none.
            boolean sgd = false, none = false;
            double stepSize = lr / correction1;
            double rootScale = correction2Sqrt;
            if (rectify) {
                double b2t = Math.pow(b2, step);
                double rhoInf = 2 / (1 - b2) - 1;
                double rho = rhoInf - 2 * step * b2t / (1 - b2t);
                rootScale = 1;
                if (rho >= 5) {
                    stepSize = lr * Math.sqrt((1 - b2t) * (rho - 4) / (rhoInf - 4) * (rho - 2) / rho * rhoInf / (rhoInf - 2))
                            / correction1;
                } else if (degeneratedToSgd) {
                    sgd = true;
                } else {
                    none = true;
                }
            }
            if (weightDecay != 0) {
                double decay = 1 - lr * weightDecay;
                for (int j = 0; j < size; j++) {
                    theta[j] *= decay;
                }
            }
            double[] m = expAvg, s = expAvgVar, sMax = maxExpAvgVar;
            // The rectified step reads s itself even under amsgrad (the reference's choice).
            double[] denominator = amsgrad && !rectify ? sMax : s;
            for (int j = 0; j < size; j++) {
                double g = gradient[j];
                m[j] = m[j] * b1 + (1 - b1) * g;
                double residual = g - m[j];
                s[j] = s[j] * b2 + (1 - b2) * residual * residual + e;
                if (amsgrad) {
                    sMax[j] = Math.max(sMax[j], s[j]);
                }
                if (sgd) {
                    theta[j] += -stepSize * m[j];
                } else if (!none) {
                    theta[j] += -stepSize * (m[j] / (Math.sqrt(denominator[j]) / rootScale + e));
                }
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            double[] s = amsgrad ? maxExpAvgVar : expAvgVar;
            double correction1 = 1, correction2Sqrt = 1;
            if (lastStep > 0) {
                correction1 = 1 - Math.pow(beta1, lastStep);
                correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, lastStep));
            }
            sink.vector("mHat", expAvg[i] / correction1, expAvg[n + i] / correction1);
            sink.vector("sHatSqrt", Math.sqrt(s[i]) / correction2Sqrt, Math.sqrt(s[n + i]) / correction2Sqrt);
        }
    }
}

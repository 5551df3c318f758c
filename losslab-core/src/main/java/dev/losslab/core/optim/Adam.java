package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Adam and its variants: {@code torch.optim.Adam} ({@code _single_tensor_adam}) and, with decoupled
 * weight decay, {@code torch.optim.AdamW} ({@code _single_tensor_adamw}). LossLab's {@code adam}
 * and {@code adamw} are this rule; {@code amsgrad} and {@code no-bias-correction} are flags of both.
 * Followed from torch 1.13.1's code (the one Debian ships and the fixtures come from).
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ±∇f(θ)                                        (−∇f with maximize)
 *   g ← g + λ·θ                     Adam                (L2 weight decay λ, only when λ ≠ 0)
 *   θ ← θ·(1 − lr·λ)                AdamW               (decoupled decay, before the moments)
 *   m ← β₁·m + (1 − β₁)·g                             (m₀ = 0)
 *   v ← β₂·v + (1 − β₂)·g²                            (v₀ = 0)
 *   v̂ ← max(v̂, v)  if amsgrad, else  v̂ ← v           (the running max of the raw v)
 *   θ ← θ − lr/(1 − β₁ᵗ) · m / (√v̂ / √(1 − β₂ᵗ) + ε)
 * </pre>
 * ε is added <em>after</em> the bias-corrected square root, as in PyTorch and in Algorithm 1 of the
 * Adam paper: not inside the root, and not to the uncorrected √v as in the paper's "more efficient"
 * reordering (lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) · m/(√v + ε̂)), whose ε weighs differently in early steps.
 * The first update is therefore lr·g/(|g| + ε) per coordinate: about lr·sign(g).
 *
 * <p>Newer torch (2.x) updates m with {@code lerp} (m + (1 − β₁)·(g − m)) instead of β₁·m +
 * (1 − β₁)·g; the two agree to rounding (an ulp per step), and this class keeps 1.13's form.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code m} = m (torch's {@code exp_avg}); {@code mHat} =
 * m/(1 − β₁ᵗ); {@code vHatSqrt} = √v̂/√(1 − β₂ᵗ) per axis, the denominator before ε. Without bias
 * correction mHat = m and vHatSqrt = √v̂.
 *
 * @param beta1                 β₁ ∈ [0, 1), default 0.9
 * @param beta2                 β₂ ∈ [0, 1), default 0.999
 * @param eps                   ε ≥ 0, default 1e-8
 * @param weightDecay           λ ≥ 0: default 0 for Adam, 0.01 for AdamW
 * @param decoupledWeightDecay  AdamW's θ·(1 − lr·λ) instead of Adam's λ·θ added to g
 * @param amsgrad               normalise by the running maximum of v
 * @param biasCorrection        divide by 1 − β₁ᵗ and √(1 − β₂ᵗ) (PyTorch always does; false is
 *                              LossLab's {@code no-bias-correction}: θ ← θ − lr·m / (√v̂ + ε))
 * @param maximize              climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record Adam(
        double beta1,
        double beta2,
        double eps,
        double weightDecay,
        boolean decoupledWeightDecay,
        boolean amsgrad,
        boolean biasCorrection,
        boolean maximize) implements Optimizer {

    public Adam {
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
        private double beta1 = Adam.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m (torch's exp_avg), v (exp_avg_sq) and, with amsgrad, the running max of v. */
        private final double[] expAvg;
        private final double[] expAvgSq;
        private final double[] maxExpAvgSq;
        private long lastStep;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            expAvg = buffer(dimension);
            expAvgSq = buffer(dimension);
            maxExpAvgSq = amsgrad ? buffer(dimension) : null;
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            lastStep = step;
            int m = n * dimension;
            double b1 = beta1, b2 = beta2, e = eps;
            // λ·θ added to g: Adam's L2 decay only; AdamW decays θ itself, below.
            double wd = decoupledWeightDecay ? 0 : weightDecay;
            double sign = maximize ? -1 : 1;
            double[] mAvg = expAvg, vAvg = expAvgSq;
            double stepSize;
            double correction2Sqrt;
            if (biasCorrection) {
                stepSize = lr / (1 - Math.pow(beta1, step));
                correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
            } else {
                // Differs from PyTorch: torch has no switch for this. Without the corrections the step
                // is (1 − β₁ᵗ)/√(1 − β₂ᵗ) times the corrected one (ε aside): (1 − β₁)/√(1 − β₂) ≈ 3.16
                // on the first step at the defaults, tending to 1 once both β powers have died out.
                // Dividing by 1 below changes no bit.
                stepSize = lr;
                correction2Sqrt = 1;
            }
            if (decoupledWeightDecay) {
                // torch 1.13's AdamW multiplies even when λ = 0 (by exactly 1: no effect).
                double decay = 1 - lr * weightDecay;
                for (int j = 0; j < m; j++) {
                    theta[j] *= decay;
                }
            }
            if (amsgrad) {
                double[] vMax = maxExpAvgSq;
                for (int j = 0; j < m; j++) {
                    double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
                    mAvg[j] = mAvg[j] * b1 + (1 - b1) * g;
                    vAvg[j] = vAvg[j] * b2 + (1 - b2) * g * g;
                    vMax[j] = Math.max(vMax[j], vAvg[j]);
                    theta[j] += -stepSize * (mAvg[j] / (Math.sqrt(vMax[j]) / correction2Sqrt + e));
                }
            } else if (wd != 0) {
                for (int j = 0; j < m; j++) {
                    double g = sign * gradient[j] + wd * theta[j];
                    mAvg[j] = mAvg[j] * b1 + (1 - b1) * g;
                    vAvg[j] = vAvg[j] * b2 + (1 - b2) * g * g;
                    theta[j] += -stepSize * (mAvg[j] / (Math.sqrt(vAvg[j]) / correction2Sqrt + e));
                }
            } else {
                for (int j = 0; j < m; j++) {
                    double g = sign * gradient[j];
                    mAvg[j] = mAvg[j] * b1 + (1 - b1) * g;
                    vAvg[j] = vAvg[j] * b2 + (1 - b2) * g * g;
                    theta[j] += -stepSize * (mAvg[j] / (Math.sqrt(vAvg[j]) / correction2Sqrt + e));
                }
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            double[] v = amsgrad ? maxExpAvgSq : expAvgSq;
            double biasCorrection1 = 1, biasCorrection2Sqrt = 1;
            if (biasCorrection && lastStep > 0) {
                biasCorrection1 = 1 - Math.pow(beta1, lastStep);
                biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, lastStep));
            }
            double mx = expAvg[i], my = expAvg[n + i];
            sink.vector("m", mx, my);
            sink.vector("mHat", mx / biasCorrection1, my / biasCorrection1);
            sink.vector("vHatSqrt", Math.sqrt(v[i]) / biasCorrection2Sqrt, Math.sqrt(v[n + i]) / biasCorrection2Sqrt);
        }
    }
}

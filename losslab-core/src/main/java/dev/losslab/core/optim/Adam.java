package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Adam and its variants: {@code torch.optim.Adam} ({@code _single_tensor_adam}) and, with decoupled
 * weight decay, {@code torch.optim.AdamW} ({@code _single_tensor_adamw}). LossLab's {@code adam}
 * and {@code adamw} are this rule; {@code amsgrad} and {@code no-bias-correction} are flags of both.
 * Followed from torch 1.13.1's code (the one Debian ships and the fixtures come from).
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ∇f(θ) + λ·θ                 Adam                (L2 weight decay λ, only when λ ≠ 0)
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
 */
public record Adam(
        double beta1,
        double beta2,
        double eps,
        double weightDecay,
        boolean decoupledWeightDecay,
        boolean amsgrad,
        boolean biasCorrection) implements Optimizer {

    public Adam {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
    }

    @Override
    public Stepper newStepper() {
        return new State();
    }

    private final class State implements Stepper {
        private double expAvgX, expAvgY;
        private double expAvgSqX, expAvgSqY;
        private double maxExpAvgSqX, maxExpAvgSqY;
        private long lastStep;

        @Override
        public boolean step(double[] theta, double[] gradient, double lr, long step, Surface surface) {
            lastStep = step;
            double gx = gradient[0];
            double gy = gradient[1];
            if (decoupledWeightDecay) {
                // torch 1.13's AdamW multiplies even when λ = 0 (by exactly 1: no effect).
                double decay = 1 - lr * weightDecay;
                theta[0] *= decay;
                theta[1] *= decay;
            } else if (weightDecay != 0) {
                gx += weightDecay * theta[0];
                gy += weightDecay * theta[1];
            }
            expAvgX = expAvgX * beta1 + (1 - beta1) * gx;
            expAvgY = expAvgY * beta1 + (1 - beta1) * gy;
            expAvgSqX = expAvgSqX * beta2 + (1 - beta2) * gx * gx;
            expAvgSqY = expAvgSqY * beta2 + (1 - beta2) * gy * gy;
            double vx = expAvgSqX, vy = expAvgSqY;
            if (amsgrad) {
                maxExpAvgSqX = Math.max(maxExpAvgSqX, expAvgSqX);
                maxExpAvgSqY = Math.max(maxExpAvgSqY, expAvgSqY);
                vx = maxExpAvgSqX;
                vy = maxExpAvgSqY;
            }
            double stepSize;
            double denomX, denomY;
            if (biasCorrection) {
                double biasCorrection1 = 1 - Math.pow(beta1, step);
                double biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, step));
                stepSize = lr / biasCorrection1;
                denomX = Math.sqrt(vx) / biasCorrection2Sqrt + eps;
                denomY = Math.sqrt(vy) / biasCorrection2Sqrt + eps;
            } else {
                // Differs from PyTorch: torch has no switch for this. Without the corrections the step
                // is (1 − β₁ᵗ)/√(1 − β₂ᵗ) times the corrected one (ε aside): (1 − β₁)/√(1 − β₂) ≈ 3.16
                // on the first step at the defaults, tending to 1 once both β powers have died out.
                stepSize = lr;
                denomX = Math.sqrt(vx) + eps;
                denomY = Math.sqrt(vy) + eps;
            }
            theta[0] += -stepSize * (expAvgX / denomX);
            theta[1] += -stepSize * (expAvgY / denomY);
            return true;
        }

        @Override
        public void describe(InternalsSink sink) {
            double vx = amsgrad ? maxExpAvgSqX : expAvgSqX;
            double vy = amsgrad ? maxExpAvgSqY : expAvgSqY;
            double biasCorrection1 = 1, biasCorrection2Sqrt = 1;
            if (biasCorrection && lastStep > 0) {
                biasCorrection1 = 1 - Math.pow(beta1, lastStep);
                biasCorrection2Sqrt = Math.sqrt(1 - Math.pow(beta2, lastStep));
            }
            sink.vector("m", expAvgX, expAvgY);
            sink.vector("mHat", expAvgX / biasCorrection1, expAvgY / biasCorrection1);
            sink.vector("vHatSqrt", Math.sqrt(vx) / biasCorrection2Sqrt, Math.sqrt(vy) / biasCorrection2Sqrt);
        }
    }
}

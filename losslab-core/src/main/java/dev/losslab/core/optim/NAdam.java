package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * NAdam, Adam with Nesterov momentum (Dozat 2016, "Incorporating Nesterov momentum into Adam"), with
 * its momentum schedule: {@code torch.optim.NAdam} ({@code _single_tensor_nadam}), followed from
 * torch 2.11's code, which adds {@code decoupled_weight_decay} (NAdamW) and {@code maximize} to 1.13.
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ±∇f(θ)                                        (−∇f with maximize)
 *   g ← g + λ·θ                  L2 weight decay      (λ ≠ 0, not decoupled)
 *   θ ← θ·(1 − lr·λ)             decoupled            (λ ≠ 0: NAdamW, as AdamW)
 *   μ_t ← β₁·(1 − ½·0.96^(t·ψ)),  μ_{t+1} likewise    (momentum decay ψ)
 *   Π_t ← Π_{t−1}·μ_t                                 (Π₀ = 1: torch's mu_product)
 *   m ← lerp(m, g, 1 − β₁)   = β₁·m + (1 − β₁)·g      (m₀ = 0)
 *   v ← β₂·v + (1 − β₂)·g²                            (v₀ = 0)
 *   d ← √(v / (1 − β₂ᵗ)) + ε                          (ε outside the root)
 *   θ ← θ − lr·(1 − μ_t)/(1 − Π_t) · g/d − lr·μ_{t+1}/(1 − Π_t·μ_{t+1}) · m/d
 * </pre>
 * The last line is Adam's step with the bias-corrected m replaced by a Nesterov look-ahead: the
 * current gradient's share (1 − μ_t) now plus the momentum's share μ_{t+1} of the next step. ψ
 * makes μ climb slowly from β₁/2 towards β₁ (ψ = 0 keeps it at β₁/2).
 *
 * <p>Torch 1.13 divided the second term by 1 − Π_t·μ_t·μ_{t+1}, one μ_t too many (a bug torch 2.0
 * fixed); this class follows 2.11, so torch 1.13's NAdam trajectories are not its reference (see
 * {@code Torch211CasesTest}). Also as in 2.11, m is moved with {@link Lerp#lerp}.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code m} = m and {@code vHatSqrt} = √(v/(1 − β₂ᵗ)) per
 * axis, the denominator before ε.
 *
 * @param beta1                β₁ ∈ [0, 1), default 0.9
 * @param beta2                β₂ ∈ [0, 1), default 0.999
 * @param eps                  ε ≥ 0, default 1e-8
 * @param weightDecay          λ ≥ 0, default 0
 * @param momentumDecay        ψ ≥ 0, default 4e-3
 * @param decoupledWeightDecay θ·(1 − lr·λ) instead of λ·θ added to g
 * @param maximize             climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record NAdam(double beta1, double beta2, double eps, double weightDecay, double momentumDecay,
                    boolean decoupledWeightDecay, boolean maximize) implements Optimizer {

    public NAdam {
        Range.closedOpen(0, 1).check("beta1", beta1);
        Range.closedOpen(0, 1).check("beta2", beta2);
        Range.atLeast(0).check("eps", eps);
        Range.atLeast(0).check("weight-decay", weightDecay);
        Range.atLeast(0).check("momentum-decay", momentumDecay);
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
        private double beta1 = NAdam.this.beta1;

        @Override
        public void setMomentum(double b1) {
            beta1 = b1;
        }

        /** m (torch's exp_avg) and v (exp_avg_sq). */
        private final double[] expAvg;
        private final double[] expAvgSq;
        /** Π_t: the same for every point, since they all step together (torch keeps one per tensor). */
        private double muProduct = 1;
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
            double biasCorrection2 = 1 - Math.pow(beta2, step);
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
            double mu = beta1 * (1 - 0.5 * Math.pow(0.96, step * momentumDecay));
            double muNext = beta1 * (1 - 0.5 * Math.pow(0.96, (step + 1) * momentumDecay));
            muProduct *= mu;
            double muProductNext = muProduct * muNext;
            double gradStep = -lr * (1 - mu) / (1 - muProduct);
            double momentumStep = -lr * muNext / (1 - muProductNext);
            double[] mAvg = expAvg, vAvg = expAvgSq;
            for (int j = 0; j < m; j++) {
                double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
                mAvg[j] = Lerp.lerp(mAvg[j], g, 1 - b1);
                vAvg[j] = vAvg[j] * b2 + (1 - b2) * g * g;
                double d = Math.sqrt(vAvg[j] / biasCorrection2) + e;
                theta[j] += gradStep * (g / d);
                theta[j] += momentumStep * (mAvg[j] / d);
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            double biasCorrection2 = lastStep > 0 ? 1 - Math.pow(beta2, lastStep) : 1;
            sink.vector("m", expAvg[i], expAvg[n + i]);
            sink.vector("vHatSqrt", Math.sqrt(expAvgSq[i] / biasCorrection2), Math.sqrt(expAvgSq[n + i] / biasCorrection2));
        }
    }
}

package dev.losslab.core.optim;

import dev.losslab.core.surface.Surface;

/**
 * Averaged stochastic gradient descent (Polyak and Juditsky 1992, with the step-size schedule of
 * Bottou 2012, "Stochastic gradient descent tricks"): {@code torch.optim.ASGD}
 * ({@code _single_tensor_asgd}), followed from torch 1.13.1's code.
 * <pre>
 *   t ← t + 1                                         (step count, 1 on the first update)
 *   g ← ±∇f(θ) + λ·θ                                  (−∇f with maximize; weight decay λ, only when λ ≠ 0)
 *   θ ← θ·(1 − κ·η_t)                                 (decay term κ: torch's lambd)
 *   θ ← θ − η_t·g
 *   θ̄ ← θ̄ + μ_t·(θ − θ̄)   if μ_t ≠ 1,   else  θ̄ ← θ  (θ̄: torch's ax, the averaged point)
 *   η_{t+1} ← lr_t / (1 + κ·lr_t·t)^α                 (η₁ = lr₁)
 *   μ_{t+1} ← 1 / max(1, t − t₀)                      (μ₁ = 1)
 * </pre>
 * The points of a run are the iterates θ, as torch's parameters are: θ̄ is state beside them that
 * never feeds back into the steps. It copies θ until step t₀ + 2; from there on (for a whole t₀) it is
 * the mean of the iterates θ_{t₀+2} … θ_t. At the default t₀ = 10⁶ it is θ itself in any run LossLab
 * takes. η lags the
 * schedule by one step, as in torch, where it is computed at the end of a step from that step's lr.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code ax} = θ̄, the averaged point.
 *
 * @param lambd       κ ≥ 0, default 1e-4: the decay term, and the rate at which η shrinks
 * @param alpha       α ≥ 0, default 0.75: the power of η's decay
 * @param t0          t₀ ≥ 0, default 1e6: the step after which averaging starts
 * @param weightDecay λ ≥ 0, default 0
 * @param maximize    climb f: the rule sees −∇f (PyTorch's {@code maximize})
 */
public record Asgd(double lambd, double alpha, double t0, double weightDecay, boolean maximize) implements Optimizer {

    public Asgd {
        // Differs from PyTorch: torch checks none of these three; negative ones make η or μ grow
        // without bound (μ > 1 extrapolates instead of averaging), so LossLab refuses them.
        Range.atLeast(0).check("lambd", lambd);
        Range.atLeast(0).check("alpha", alpha);
        Range.atLeast(0).check("t0", t0);
        Range.atLeast(0).check("weight-decay", weightDecay);
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    private final class State extends Stepper {
        /** θ̄ (torch's ax). */
        private final double[] ax;
        /** η and μ for the next step: shared by all points, which step together (torch: one per tensor). */
        private double eta;
        private double mu = 1;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            ax = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            if (step == 1) {
                eta = lr;   // torch's state['eta'] starts as the group's lr
            }
            int m = n * dimension;
            double wd = weightDecay, e = eta, u = mu;
            double sign = maximize ? -1 : 1;
            double decay = 1 - lambd * e;
            double[] avg = ax;
            for (int j = 0; j < m; j++) {
                double g = wd != 0 ? sign * gradient[j] + wd * theta[j] : sign * gradient[j];
                theta[j] *= decay;
                theta[j] += -e * g;
                avg[j] = u != 1 ? avg[j] + (theta[j] - avg[j]) * u : theta[j];
            }
            eta = lr / Math.pow(1 + lambd * lr * step, alpha);
            mu = 1 / Math.max(1, step - t0);
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            sink.vector("ax", ax[i], ax[n + i]);
        }
    }
}

package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Surface;

/**
 * Resilient backpropagation (Riedmiller and Braun 1993): {@code torch.optim.Rprop}
 * ({@code _single_tensor_rprop}), followed from torch 1.13.1's code. Each coordinate has its own
 * step size Δ, which grows while the gradient keeps its sign and shrinks when it flips; only the
 * gradient's sign is used, never its size.
 * <pre>
 *   Δ ← lr,  p ← 0                               (at the first update: lr is only Δ's start)
 *   g ← −∇f(θ)  if maximize, else  ∇f(θ)
 *   s ← g·p
 *   Δ ← clamp(Δ·η₊, Δ_min, Δ_max)   where s &gt; 0   (same sign: grow)
 *   Δ ← clamp(Δ·η₋, Δ_min, Δ_max)   where s &lt; 0   (sign flipped: shrink, and skip this update)
 *   g ← 0                            where s &lt; 0
 *   θ ← θ − sign(g)·Δ
 *   p ← g
 * </pre>
 * Where s = 0 (the first update, or after a skipped one) Δ is still clamped, as torch does.
 * Because torch reads lr only when it creates Δ, a learning-rate schedule changes Rprop's first
 * step alone; the rest of the run sizes itself.
 *
 * <p>Step mode ({@link Stepper#describe}): {@code stepSize} = Δ per axis.
 *
 * @param etaMinus     η₋ ∈ (0, 1), default 0.5
 * @param etaPlus      η₊ &gt; 1, default 1.2
 * @param stepSizeMin  Δ_min ≥ 0, default 1e-6
 * @param stepSizeMax  Δ_max ≥ Δ_min, default 50
 * @param maximize     ascend f instead of descending it
 */
public record Rprop(double etaMinus, double etaPlus, double stepSizeMin, double stepSizeMax, boolean maximize)
        implements Optimizer {

    public Rprop {
        if (!(0 < etaMinus && etaMinus < 1 && 1 < etaPlus)) {
            throw new InvalidInputException("etas", "etas must satisfy 0 < η₋ < 1 < η₊, got " + etaMinus + "," + etaPlus);
        }
        if (!(0 <= stepSizeMin && stepSizeMin <= stepSizeMax)) {
            throw new InvalidInputException("step-sizes",
                    "step-sizes must satisfy 0 <= min <= max, got " + stepSizeMin + "," + stepSizeMax);
        }
    }

    @Override
    public Stepper newStepper(int dimension, int capacity) {
        return new State(dimension, capacity);
    }

    private final class State extends Stepper {
        /** Δ (torch's step_size) and p (prev). */
        private final double[] stepSize;
        private final double[] previous;

        State(int dimension, int capacity) {
            super(dimension, capacity);
            stepSize = buffer(dimension);
            previous = buffer(dimension);
        }

        @Override
        public int step(double[] theta, double[] gradient, int n, double lr, long step, Surface surface,
                boolean[] stuck) {
            int m = n * dimension;
            double[] delta = stepSize, prev = previous;
            if (step == 1) {
                java.util.Arrays.fill(delta, 0, m, lr);
            }
            double up = etaPlus, down = etaMinus, min = stepSizeMin, max = stepSizeMax;
            for (int j = 0; j < m; j++) {
                double g = maximize ? -gradient[j] : gradient[j];
                double s = g * prev[j];
                double factor = s > 0 ? up : s < 0 ? down : 1;
                // torch's clamp_(min, max): the lower bound first, then the upper one.
                delta[j] = Math.min(Math.max(delta[j] * factor, min), max);
                if (s < 0) {
                    g = 0;
                }
                theta[j] += -(Math.signum(g) * delta[j]);
                prev[j] = g;
            }
            return 0;
        }

        @Override
        public void describe(int i, int n, InternalsSink sink) {
            sink.vector("stepSize", stepSize[i], stepSize[n + i]);
        }
    }
}

package dev.losslab.core.optim;

/**
 * A learning-rate schedule: the lr of the update that follows k completed updates, given the base
 * lr. PyTorch schedulers are stepped once per optimizer step; LossLab uses their closed forms
 * ({@code _get_closed_form_lr}), which equal the recursive ones up to rounding.
 */
public sealed interface Schedule {

    /** The learning rate for the update after {@code k} completed ones (k = 0 for the first). */
    double learningRate(double base, long k);

    /** The name users type ({@code constant}, {@code step}, …). */
    String name();

    /** lr, always. */
    record Constant() implements Schedule {
        public double learningRate(double base, long k) {
            return base;
        }

        public String name() {
            return "constant";
        }
    }

    /** lr·γ^⌊k / stepSize⌋: {@code torch.optim.lr_scheduler.StepLR}. */
    record StepDecay(long stepSize, double gamma) implements Schedule {
        public StepDecay {
            if (stepSize < 1) {
                throw dev.losslab.core.InvalidInputException.outOfRange("step-size", ">= 1", stepSize);
            }
            Range.above(0).check("gamma", gamma);
        }

        public double learningRate(double base, long k) {
            return base * Math.pow(gamma, Math.floorDiv(k, stepSize));
        }

        public String name() {
            return "step";
        }
    }

    /** lr·γ^k: {@code torch.optim.lr_scheduler.ExponentialLR}. */
    record Exponential(double gamma) implements Schedule {
        public Exponential {
            Range.above(0).check("gamma", gamma);
        }

        public double learningRate(double base, long k) {
            return base * Math.pow(gamma, k);
        }

        public String name() {
            return "exponential";
        }
    }

    /**
     * lr / (1 + k/τ): the Robbins–Monro decay (Σ lr = ∞, Σ lr² < ∞), which lets SGD's noise die
     * out without stopping it short. PyTorch has no class for it (it is a {@code LambdaLR}).
     */
    record InverseTime(double tau) implements Schedule {
        public InverseTime {
            Range.above(0).check("tau", tau);
        }

        public double learningRate(double base, long k) {
            return base / (1 + k / tau);
        }

        public String name() {
            return "inverse-time";
        }
    }

    /**
     * η_min + (lr − η_min)·(1 + cos(π·k / T_max))/2: {@code CosineAnnealingLR}'s closed form
     * (past T_max it rises again, as PyTorch's does).
     */
    record Cosine(long tMax, double etaMin) implements Schedule {
        public Cosine {
            if (tMax < 1) {
                throw dev.losslab.core.InvalidInputException.outOfRange("t-max", ">= 1", tMax);
            }
            Range.atLeast(0).check("eta-min", etaMin);
        }

        public double learningRate(double base, long k) {
            return etaMin + (base - etaMin) * (1 + Math.cos(Math.PI * k / tMax)) / 2;
        }

        public String name() {
            return "cosine";
        }
    }

    /**
     * lr·γ^(milestones passed): {@code torch.optim.lr_scheduler.MultiStepLR}, computed as its
     * chainable form does it, one multiplication by γ at each milestone reached (not γ raised to a
     * power, which rounds differently), so the lrs are PyTorch's to the bit.
     *
     * @param milestones the update counts at which lr is multiplied by γ, increasing
     */
    record MultiStep(java.util.List<Long> milestones, double gamma) implements Schedule {
        public MultiStep {
            milestones = java.util.List.copyOf(milestones);
            Range.above(0).check("gamma", gamma);
        }

        public double learningRate(double base, long k) {
            double lr = base;
            for (long milestone : milestones) {
                if (milestone > k) {
                    break;
                }
                lr *= gamma;
            }
            return lr;
        }

        public String name() {
            return "multi-step";
        }
    }
}

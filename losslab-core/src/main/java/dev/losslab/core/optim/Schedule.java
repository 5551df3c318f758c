package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;

/**
 * A learning-rate schedule: the lr of the update that follows k completed updates, given the base
 * lr. PyTorch schedulers are stepped once per optimizer step, most of them recursively (the
 * "chainable" {@code get_lr}: the new lr from the current one). LossLab computes each lr directly
 * from k, as their closed forms ({@code _get_closed_form_lr}) do; the two agree up to rounding
 * except at a few edges (a zero-length warm-up or decay), where the recursion does something the
 * closed form does not say. There LossLab follows the recursion, the behaviour PyTorch users get;
 * each record's comment names its edges.
 *
 * <p>One schedule, {@link ReduceOnPlateau}, depends on the losses a run reaches rather than on k
 * alone; the engine therefore asks every schedule through {@link #rates}, one {@link Rates} per run.
 */
public sealed interface Schedule {

    /**
     * The learning rate for the update after {@code k} completed ones (k = 0 for the first), for a
     * schedule that depends on k alone.
     *
     * @throws UnsupportedOperationException for a schedule that follows the run's losses
     */
    double learningRate(double base, long k);

    /**
     * One run's learning rates from base lr {@code base}: {@link #learningRate} at each k, unless the
     * schedule follows the losses the run reaches.
     */
    default Rates rates(double base) {
        return k -> learningRate(base, k);
    }

    /**
     * Whether this schedule also sets the optimizer's momentum μ or β₁ before each update, as
     * PyTorch's one-cycle and cyclic schedulers do with {@code cycle_momentum} (see
     * {@link Optimizer#cycledMomentum}).
     */
    default boolean cyclesMomentum() {
        return false;
    }

    /** The momentum μ or β₁ for the update after {@code k} completed ones, when {@link #cyclesMomentum}. */
    default double momentum(long k) {
        throw new UnsupportedOperationException(name() + " does not cycle momentum");
    }

    /** Whether the lr depends on the run's losses, so that one schedule cannot serve a batch of runs. */
    default boolean followsLoss() {
        return false;
    }

    /**
     * The learning rates of one run, as the engine asks for them: {@link #lr} before each update,
     * {@link #reached} with the full loss at the point each update reached.
     */
    @FunctionalInterface
    interface Rates {
        /** The lr of the update after {@code k} completed ones; asked for k = 0, 1, 2, … in order. */
        double lr(long k);

        /** The loss f(θ) at the point the last update reached (not the noisy one SGD saw). */
        default void reached(double loss) {}
    }

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
                throw InvalidInputException.outOfRange("step-size", ">= 1", stepSize);
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
                throw InvalidInputException.outOfRange("t-max", ">= 1", tMax);
            }
            Range.atLeast(0).check("eta-min", etaMin);
        }

        public double learningRate(double base, long k) {
            return annealed(base, etaMin, k, tMax);
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

    /**
     * lr·(s + (e − s)·min(k, T)/T), with s = start-factor, e = end-factor, T = total-iters:
     * {@code torch.optim.lr_scheduler.LinearLR}, the factor moving from s at the first update to e
     * after T updates, then held.
     *
     * <p>PyTorch steps it recursively (lr ← lr·(1 + (e − s)/(T·s + (k − 1)·(e − s))) for 1 ≤ k ≤ T,
     * unchanged after T), equal to the closed form up to rounding except at T = 0: the closed form
     * divides 0 by 0, the recursion never passes k ≤ T and keeps its first value. We follow the
     * recursion: at T = 0 the lr is lr·s at every step.
     */
    record Linear(double startFactor, double endFactor, long totalIters) implements Schedule {
        public Linear {
            // Differs from PyTorch: s = 0 is rejected. LinearLR accepts it, but its recursion then
            // divides by zero at the first step (ZeroDivisionError) whenever T ≥ 1, and from lr 0 no
            // factor can lead anywhere.
            checkStartFactor(startFactor);
            Range.closed(0, 1).check("end-factor", endFactor);
            atLeastZero("total-iters", totalIters);
        }

        public double learningRate(double base, long k) {
            return totalIters == 0 ? base * startFactor : base * linearFactor(startFactor, endFactor, k, totalIters);
        }

        public String name() {
            return "linear";
        }
    }

    /**
     * lr·(1 − min(k, T)/T)^p, with T = total-iters and p = power:
     * {@code torch.optim.lr_scheduler.PolynomialLR}, reaching 0 after T updates (for p &gt; 0) and
     * staying there.
     *
     * <p>PyTorch steps it recursively (lr ← lr·((1 − k/T)/(1 − (k − 1)/T))^p for 1 ≤ k ≤ T,
     * unchanged otherwise), equal to the closed form up to rounding except at T = 0: the closed form
     * divides 0 by 0, the recursion keeps its first value. We follow the recursion: at T = 0 the lr
     * is lr throughout.
     */
    record Polynomial(long totalIters, double power) implements Schedule {
        public Polynomial {
            atLeastZero("total-iters", totalIters);
            // Differs from PyTorch: a negative power is rejected. PolynomialLR does not check it;
            // lr then grows, and fails with ZeroDivisionError (0 to a negative power) at k = T.
            Range.atLeast(0).check("power", power);
        }

        public double learningRate(double base, long k) {
            if (totalIters == 0) {
                return base;
            }
            return base * Math.pow(1.0 - (double) Math.min(totalIters, k) / totalIters, power);
        }

        public String name() {
            return "polynomial";
        }
    }

    /**
     * η_min + (lr − η_min)·(1 + cos(π·T_cur / T_i))/2, where T_cur counts the updates since the last
     * restart and T_i is the length of the current cycle: T_0 for the first, multiplied by T_mult at
     * each restart (cycle i lasts T_0·T_mult^i updates). This is
     * {@code torch.optim.lr_scheduler.CosineAnnealingWarmRestarts} stepped without an epoch
     * argument, which is not recursive in lr: each step advances T_cur by one (wrapping at T_i and
     * growing T_i) and computes the lr from the base lr, as here, so there is no recursion to
     * follow. Same formula, same operation order: the fixtures match it to the bit.
     */
    record CosineWarmRestarts(long t0, long tMult, double etaMin) implements Schedule {
        public CosineWarmRestarts {
            if (t0 < 1) {
                throw InvalidInputException.outOfRange("t-0", ">= 1", t0);
            }
            if (tMult < 1) {
                throw InvalidInputException.outOfRange("t-mult", ">= 1", tMult);
            }
            Range.atLeast(0).check("eta-min", etaMin);
        }

        public double learningRate(double base, long k) {
            long cycle = t0;
            long since = k;
            if (tMult == 1) {
                since = k % t0;
            } else {
                while (since >= cycle) {
                    since -= cycle;
                    // a cycle longer than any run: stop growing before the long overflows
                    cycle = cycle > Long.MAX_VALUE / tMult ? Long.MAX_VALUE : cycle * tMult;
                }
            }
            return annealed(base, etaMin, since, cycle);
        }

        public String name() {
            return "cosine-warm-restarts";
        }
    }

    /**
     * A linear warm-up from lr·s to lr over W updates, then cosine annealing from lr to η_min over
     * T_max updates: PyTorch's {@code SequentialLR(optimizer, [LinearLR(s, 1, W),
     * CosineAnnealingLR(T_max, η_min)], milestones=[W])}, stepped once per update (torch 1.13):
     * <pre>
     *   k &lt; W:  lr·(s + (1 − s)·k/W)
     *   k ≥ W:  η_min + (lr − η_min)·(1 + cos(π·(k − W)/T_max))/2
     * </pre>
     * At the milestone k = W, SequentialLR calls {@code CosineAnnealingLR.step(0)}, which takes the
     * closed form at epoch 0: the base lr, whatever lr the warm-up left. Both phases then step
     * recursively and agree with the lines above up to rounding.
     *
     * <p>W = 0 is a quirk we follow, since PyTorch accepts it: SequentialLR's constructor still
     * gives LinearLR its first step, so the first update uses lr·s; the cosine's first step (at
     * k = 1) has epoch 0 and keeps that lr, so the cosine runs one update late and from lr·s, not
     * lr; and at the bottom of its first arc its recursion adds a term scaled by the base lr, so
     * from there on it follows the arcs of a cosine from lr. With c = max(0, k − 1):
     * <pre>
     *   W = 0:  η_min + (top − η_min)·(1 + cos(π·c/T_max))/2,  top = lr·s while c ≤ T_max, lr after
     * </pre>
     */
    record WarmupCosine(long warmupSteps, double startFactor, long tMax, double etaMin) implements Schedule {
        public WarmupCosine {
            atLeastZero("warmup-steps", warmupSteps);
            // Differs from PyTorch: s = 0 is rejected, as for Linear.
            checkStartFactor(startFactor);
            if (tMax < 1) {
                throw InvalidInputException.outOfRange("t-max", ">= 1", tMax);
            }
            Range.atLeast(0).check("eta-min", etaMin);
        }

        public double learningRate(double base, long k) {
            if (warmupSteps == 0) {
                long c = Math.max(0, k - 1);
                return c == 0 ? base * startFactor : annealed(c <= tMax ? base * startFactor : base, etaMin, c, tMax);
            }
            if (k < warmupSteps) {
                return base * linearFactor(startFactor, 1, k, warmupSteps);
            }
            return annealed(base, etaMin, k - warmupSteps, tMax);
        }

        public String name() {
            return "warmup-cosine";
        }
    }

    /**
     * η_min + (top − η_min)·(1 + cos(π·t/period))/2, in the operation order of PyTorch's cosine
     * schedules (so the rounding is theirs too).
     */
    private static double annealed(double top, double etaMin, double t, double period) {
        return etaMin + (top - etaMin) * (1 + Math.cos(Math.PI * t / period)) / 2;
    }

    /** s + (e − s)·min(k, T)/T for T ≥ 1, in LinearLR's closed form's operation order. */
    private static double linearFactor(double start, double end, long k, long total) {
        return start + (end - start) * Math.min(total, k) / total;
    }

    /** LinearLR's start-factor s, in (0, 1] (PyTorch allows 0; see {@link Linear}). */
    private static void checkStartFactor(double s) {
        new Range(0, false, 1, true).check("start-factor", s);
    }

    private static void atLeastZero(String field, long count) {
        if (count < 0) {
            throw InvalidInputException.outOfRange(field, ">= 0", count);
        }
    }

    /**
     * {@code torch.optim.lr_scheduler.ReduceLROnPlateau} in mode {@code min}, stepped with the full
     * loss at the new point after every update (PyTorch users step it once per epoch with a
     * validation loss; here an update is an epoch and f is the metric). With best the lowest loss
     * seen so far (∞ at first) and bad the updates since it improved:
     * <pre>
     *   better  ⇔  f &lt; best·(1 − threshold)      (threshold-mode rel)
     *           ⇔  f &lt; best − threshold          (threshold-mode abs)
     *   if better: best ← f, bad ← 0;  else bad ← bad + 1
     *   in cooldown (cool &gt; 0): cool ← cool − 1, bad ← 0
     *   if bad &gt; patience: lr' ← max(lr·factor, min-lr), taken only if lr − lr' &gt; ε (min-decay);
     *                       cool ← cooldown, bad ← 0
     * </pre>
     * In rel mode a negative best makes "better" stricter than it looks (best·(1 − threshold) lies
     * above best); that is PyTorch's rule, kept.
     */
    record ReduceOnPlateau(double factor, long patience, double threshold, String thresholdMode, long cooldown,
            double minLr, double minDecay) implements Schedule {
        public ReduceOnPlateau {
            if (!thresholdMode.equals("rel") && !thresholdMode.equals("abs")) {
                throw new InvalidInputException("threshold-mode", "threshold-mode must be rel or abs, got " + thresholdMode);
            }
            Range.closedOpen(0, 1).check("factor", factor);
            Range.atLeast(0).check("threshold", threshold);
            Range.atLeast(0).check("min-lr", minLr);
            Range.atLeast(0).check("min-decay", minDecay);
        }

        public double learningRate(double base, long k) {
            throw new UnsupportedOperationException("reduce-on-plateau's lr follows the run's losses: use rates()");
        }

        @Override
        public boolean followsLoss() {
            return true;
        }

        @Override
        public Rates rates(double base) {
            boolean absolute = thresholdMode.equals("abs");
            return new Rates() {
                private double lr = base;
                private double best = Double.POSITIVE_INFINITY;
                private long bad;
                private long cool;

                public double lr(long k) {
                    return lr;
                }

                @Override
                public void reached(double loss) {
                    boolean better = absolute ? loss < best - threshold : loss < best * (1 - threshold);
                    if (better) {
                        best = loss;
                        bad = 0;
                    } else {
                        bad++;
                    }
                    if (cool > 0) {
                        cool--;
                        bad = 0;
                    }
                    if (bad > patience) {
                        double reduced = Math.max(lr * factor, minLr);
                        if (lr - reduced > minDecay) {
                            lr = reduced;
                        }
                        cool = cooldown;
                        bad = 0;
                    }
                }
            };
        }

        public String name() {
            return "reduce-on-plateau";
        }
    }

    /**
     * {@code torch.optim.lr_scheduler.OneCycleLR} (Smith and Topin 2019), computed as its
     * {@code get_lr} does at step k (it is not recursive). With η_max = maxLr (0: the run's lr),
     * η₀ = η_max/divFactor, η_min = η₀/finalDivFactor and T = totalSteps, the phases end at
     * e₁ = pct·T − 1 and e₂ = T − 1 (three-phase: e₁, e₂ = 2·pct·T − 2, e₃ = T − 1):
     * <pre>
     *   two phases:    η₀ → η_max on [0, e₁],  η_max → η_min on [e₁, e₂]
     *   three phases:  η₀ → η_max, η_max → η₀, η₀ → η_min
     *   within a phase [a, b]: p = (k − a)/(b − a);  cos: end + (start − end)/2·(cos(π·p) + 1);
     *                  linear: (end − start)·p + start
     *   momentum, the other way: μ_max → μ_base → μ_max (three-phase: then held at μ_max)
     * </pre>
     * The run's lr is η_max when maxLr is 0; PyTorch ignores the optimizer's lr, as does this.
     */
    record OneCycle(double maxLr, long totalSteps, double pctStart, String annealStrategy, double divFactor,
            double finalDivFactor, boolean threePhase, boolean cycleMomentum, double baseMomentum,
            double maxMomentum) implements Schedule {
        public OneCycle {
            Range.atLeast(0).check("max-lr", maxLr);
            if (totalSteps < 1) {
                throw InvalidInputException.outOfRange("total-steps", ">= 1", totalSteps);
            }
            Range.closed(0, 1).check("pct-start", pctStart);
            if (!annealStrategy.equals("cos") && !annealStrategy.equals("linear")) {
                throw new InvalidInputException("anneal-strategy", "anneal-strategy must be cos or linear, got " + annealStrategy);
            }
            Range.above(0).check("div-factor", divFactor);
            Range.above(0).check("final-div-factor", finalDivFactor);
            for (double length : phaseLengths(totalSteps, pctStart, threePhase)) {
                if (length == 0) {
                    // PyTorch divides by this length and stops with a ZeroDivisionError.
                    throw new InvalidInputException("pct-start", "pct-start " + pctStart + " with total-steps " + totalSteps
                            + " makes a phase of length 0" + (threePhase ? " (three-phase)" : "")
                            + ": PyTorch fails on it; pick another pct-start");
                }
            }
        }

        /** e_i − e_{i−1} for each phase, as PyTorch divides by them. */
        private static double[] phaseLengths(long totalSteps, double pctStart, boolean threePhase) {
            double[] ends = ends(totalSteps, pctStart, threePhase);
            double[] lengths = new double[ends.length];
            double start = 0;
            for (int i = 0; i < ends.length; i++) {
                lengths[i] = ends[i] - start;
                start = ends[i];
            }
            return lengths;
        }

        private static double[] ends(long totalSteps, double pctStart, boolean threePhase) {
            double first = pctStart * totalSteps - 1;
            return threePhase
                    ? new double[] {first, 2 * pctStart * totalSteps - 2, totalSteps - 1}
                    : new double[] {first, totalSteps - 1};
        }

        public double learningRate(double base, long k) {
            double top = maxLr == 0 ? base : maxLr;
            double initial = top / divFactor;
            double min = initial / finalDivFactor;
            double[] starts = threePhase ? new double[] {initial, top, initial} : new double[] {initial, top};
            double[] endsLr = threePhase ? new double[] {top, initial, min} : new double[] {top, min};
            return inPhase(k, starts, endsLr);
        }

        @Override
        public boolean cyclesMomentum() {
            return cycleMomentum;
        }

        @Override
        public double momentum(long k) {
            double[] starts = threePhase
                    ? new double[] {maxMomentum, baseMomentum, maxMomentum} : new double[] {maxMomentum, baseMomentum};
            double[] endsMomentum = threePhase
                    ? new double[] {baseMomentum, maxMomentum, maxMomentum} : new double[] {baseMomentum, maxMomentum};
            return inPhase(k, starts, endsMomentum);
        }

        /** PyTorch's walk over the phases: the first whose end is at or past k (the last one past it). */
        private double inPhase(long k, double[] starts, double[] endValues) {
            double[] ends = ends(totalSteps, pctStart, threePhase);
            double start = 0;
            for (int i = 0; i < ends.length; i++) {
                if (k <= ends[i] || i == ends.length - 1) {
                    double pct = (k - start) / (ends[i] - start);
                    return annealStrategy.equals("cos")
                            ? endValues[i] + (starts[i] - endValues[i]) / 2.0 * (Math.cos(Math.PI * pct) + 1)
                            : (endValues[i] - starts[i]) * pct + starts[i];
                }
                start = ends[i];
            }
            throw new AssertionError("the last phase takes every k");
        }

        public String name() {
            return "one-cycle";
        }
    }

    /**
     * {@code torch.optim.lr_scheduler.CyclicLR} (Smith 2017), computed as its {@code get_lr} does at
     * step k. With S = up + down (down 0: up) and r = up/S:
     * <pre>
     *   c = ⌊1 + k/S⌋;  x = 1 + k/S − c;  s = x/r  if x ≤ r,  else (x − 1)/(r − 1)
     *   lr = base + (max − base)·s·scale,   momentum = μ_max − (μ_max − μ_base)·s·scale
     *   scale = 1 (triangular), 1/2^(c − 1) (triangular2), γ^k (exp-range)
     * </pre>
     * base = baseLr (0: maxLr/4), max = maxLr (0: the run's lr). PyTorch has no default for either;
     * a base a quarter of the peak is the range Smith suggests. Momentum is cycled as torch 2.x does
     * it, μ or β₁ (torch 1.13 cycles only μ).
     */
    record Cyclic(double baseLr, double maxLr, long stepSizeUp, long stepSizeDown, String mode, double gamma,
            boolean cycleMomentum, double baseMomentum, double maxMomentum) implements Schedule {
        public Cyclic {
            Range.atLeast(0).check("base-lr", baseLr);
            Range.atLeast(0).check("max-lr", maxLr);
            if (stepSizeUp < 1) {
                throw InvalidInputException.outOfRange("step-size-up", ">= 1", stepSizeUp);
            }
            if (stepSizeDown < 0) {
                throw InvalidInputException.outOfRange("step-size-down", ">= 0", stepSizeDown);
            }
            if (!java.util.List.of("triangular", "triangular2", "exp-range").contains(mode)) {
                throw new InvalidInputException("mode", "mode must be triangular, triangular2 or exp-range, got " + mode);
            }
            Range.above(0).check("gamma", gamma);
        }

        public double learningRate(double base, long k) {
            double top = maxLr == 0 ? base : maxLr;
            double bottom = baseLr == 0 ? top / 4 : baseLr;
            return bottom + (top - bottom) * scaleFactor(k) * scale(k);
        }

        @Override
        public boolean cyclesMomentum() {
            return cycleMomentum;
        }

        @Override
        public double momentum(long k) {
            return maxMomentum - (maxMomentum - baseMomentum) * scaleFactor(k) * scale(k);
        }

        /** PyTorch's x/r or (x − 1)/(r − 1): where in the triangle step k is, 0 at the base, 1 at the top. */
        private double scaleFactor(long k) {
            double up = stepSizeUp;
            double total = up + (stepSizeDown == 0 ? up : stepSizeDown);
            double ratio = up / total;
            double cycle = Math.floor(1 + k / total);
            double x = 1. + k / total - cycle;
            return x <= ratio ? x / ratio : (x - 1) / (ratio - 1);
        }

        private double scale(long k) {
            double up = stepSizeUp;
            double total = up + (stepSizeDown == 0 ? up : stepSizeDown);
            double cycle = Math.floor(1 + k / total);
            return switch (mode) {
                case "triangular" -> 1.;
                case "triangular2" -> 1 / Math.pow(2., cycle - 1);
                default -> Math.pow(gamma, k);
            };
        }

        public String name() {
            return "cyclic";
        }
    }
}

package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.Registry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every learning-rate schedule LossLab offers, by name: the one registry the CLI, the web API and
 * the README read. Any optimizer takes any schedule. Defaults are PyTorch's where it has the class
 * (StepLR's γ = 0.1; {@code eta_min} = 0; LinearLR's 1/3, 1 and 5); k below counts the updates
 * already taken. Counts of updates must be whole numbers.
 */
public final class Schedules {

    /** The schedule of a run that names none: lr at every step. */
    public static final String DEFAULT = "constant";

    /** PyTorch's cycle_momentum=True is the default; a flag turns it off. */
    private static final Param NO_CYCLE_MOMENTUM = Param.flag("no-cycle-momentum",
            "leave the optimizer's momentum μ (or β₁) alone (PyTorch's cycle_momentum=False)");

    private static final Registry<ScheduleKind> REGISTRY = new Registry<>("schedule", ScheduleKind::name);

    /** LinearLR's start_factor, but not 0 (see {@link Schedule.Linear}); declared before the entries use it. */
    private static final Range START_FACTOR = new Range(0, false, 1, true);

    static {
        add(new ScheduleKind(DEFAULT, "lr at every step", List.of(),
                (s, steps) -> new Schedule.Constant()));
        add(new ScheduleKind("step", "lr·γ^⌊k / step-size⌋ (PyTorch's StepLR)",
                List.of(Param.count("step-size", "K", 100, Range.atLeast(1), "updates between two decays"),
                        Param.real("gamma", "γ", 0.1, Range.above(0), "factor γ applied every step-size updates")),
                (s, steps) -> new Schedule.StepDecay(whole(s, "step-size"), s.real("gamma"))));
        add(new ScheduleKind("multi-step", "lr·γ^(milestones reached by k) (PyTorch's MultiStepLR)",
                List.of(Param.increasingCounts("milestones", "k₁,k₂,…", List.of(), Range.atLeast(1),
                                "updates after which lr is multiplied by γ; none given = half and three quarters of the run's step budget"),
                        Param.real("gamma", "γ", 0.1, Range.above(0), "factor γ applied at each milestone")),
                (s, steps) -> new Schedule.MultiStep(milestones(s.numbers("milestones"), steps), s.real("gamma"))));
        add(new ScheduleKind("exponential", "lr·γ^k (PyTorch's ExponentialLR)",
                List.of(Param.real("gamma", "γ", 0.99, Range.above(0), "factor γ applied every update")),
                (s, steps) -> new Schedule.Exponential(s.real("gamma"))));
        add(new ScheduleKind("inverse-time", "lr / (1 + k/τ): Robbins–Monro decay (a LambdaLR in PyTorch)",
                List.of(Param.real("tau", "τ", 100, Range.above(0), "updates τ until lr has halved")),
                (s, steps) -> new Schedule.InverseTime(s.real("tau"))));
        add(new ScheduleKind("cosine",
                "η_min + (lr − η_min)·(1 + cos(π·k / T_max))/2 (PyTorch's CosineAnnealingLR; rises again past T_max)",
                List.of(Param.count("t-max", "T_max", 0, Range.atLeast(0), "updates T_max to reach η_min; 0 = the run's step budget"),
                        Param.real("eta-min", "η_min", 0, Range.atLeast(0), "the lowest lr η_min")),
                (s, steps) -> {
                    long tMax = whole(s, "t-max");
                    return new Schedule.Cosine(tMax == 0 ? Math.max(1, steps) : tMax, s.real("eta-min"));
                }));
        add(new ScheduleKind("linear", "lr·(s + (e − s)·min(k, T)/T) (PyTorch's LinearLR; T = 0 keeps lr·s)",
                List.of(Param.real("start-factor", "s", 1.0 / 3, START_FACTOR, "factor s on lr at the first update"),
                        Param.real("end-factor", "e", 1.0, Range.closed(0, 1), "factor e on lr from update T on"),
                        Param.count("total-iters", "T", 5, Range.atLeast(0), "updates T over which the factor changes")),
                (s, steps) -> new Schedule.Linear(s.real("start-factor"), s.real("end-factor"), whole(s, "total-iters"))));
        add(new ScheduleKind("polynomial", "lr·(1 − min(k, T)/T)^p (PyTorch's PolynomialLR; T = 0 keeps lr)",
                List.of(Param.count("total-iters", "T", 5, Range.atLeast(0), "updates T over which the factor changes"),
                        Param.real("power", "p", 1.0, Range.atLeast(0), "the power p of the decay")),
                (s, steps) -> new Schedule.Polynomial(whole(s, "total-iters"), s.real("power"))));
        // PyTorch requires T_0; 100 updates (step's step-size) gives a run of the default 1000 steps
        // ten cycles at t-mult 1, three and part of a fourth at t-mult 2.
        add(new ScheduleKind("cosine-warm-restarts",
                "η_min + (lr − η_min)·(1 + cos(π·T_cur / T_i))/2, T_cur back to 0 after T_i updates, T_i = T_0·T_mult^i"
                        + " (PyTorch's CosineAnnealingWarmRestarts)",
                List.of(Param.count("t-0", "T_0", 100, Range.atLeast(1), "updates T_0 in the first cycle"),
                        Param.real("t-mult", "T_mult", 1, Range.atLeast(1), "whole factor T_mult on each next cycle's length"),
                        Param.real("eta-min", "η_min", 0, Range.atLeast(0), "the lowest lr η_min")),
                (s, steps) -> new Schedule.CosineWarmRestarts(whole(s, "t-0"), wholeFactor(s, "t-mult"), s.real("eta-min"))));
        add(new ScheduleKind("warmup-cosine",
                "lr·(s + (1 − s)·k/W) for k < W, then η_min + (lr − η_min)·(1 + cos(π·(k − W)/T_max))/2"
                        + " (PyTorch's SequentialLR of LinearLR and CosineAnnealingLR)",
                List.of(Param.count("warmup-steps", "W", 5, Range.atLeast(0), "updates W of linear warm-up"),
                        Param.real("start-factor", "s", 1.0 / 3, START_FACTOR, "factor s on lr at the first update"),
                        Param.count("t-max", "T_max", 0, Range.atLeast(0),
                                "updates T_max of the cosine after the warm-up; 0 = the run's step budget − W"),
                        Param.real("eta-min", "η_min", 0, Range.atLeast(0), "the lowest lr η_min")),
                (s, steps) -> {
                    long warmup = whole(s, "warmup-steps");
                    long tMax = whole(s, "t-max");
                    return new Schedule.WarmupCosine(warmup, s.real("start-factor"),
                            tMax == 0 ? Math.max(1, steps - warmup) : tMax, s.real("eta-min"));
                }));
        add(new ScheduleKind("one-cycle",
                "η₀ = max-lr/div-factor up to max-lr by pct-start·T, then down to η₀/final-div-factor at T, cos or linear; "
                        + "momentum the other way (PyTorch's OneCycleLR)",
                List.of(Param.real("max-lr", "η_max", 0, Range.atLeast(0), "the peak lr η_max; 0 = the run's lr"),
                        Param.count("total-steps", "T", 0, Range.atLeast(0),
                                "updates T of the whole cycle; 0 = the run's step budget"),
                        Param.real("pct-start", "p", 0.3, Range.closed(0, 1), "the share p of the cycle spent rising"),
                        Param.choice("anneal-strategy", "cos", List.of("cos", "linear"), "the shape of each phase"),
                        Param.real("div-factor", "d", 25, Range.above(0), "the first lr is η_max/d"),
                        Param.real("final-div-factor", "d_f", 1e4, Range.above(0), "the last lr is η_max/(d·d_f)"),
                        Param.flag("three-phase", "rise, fall back to η_max/d, then anneal to the last lr"),
                        NO_CYCLE_MOMENTUM,
                        Param.real("base-momentum", "μ_base", 0.85, Range.closed(0, 1),
                                "the lowest momentum μ (or β₁), at the peak lr"),
                        Param.real("max-momentum", "μ_max", 0.95, Range.closed(0, 1),
                                "the highest momentum μ (or β₁), at the lowest lr")),
                (s, steps) -> {
                    long total = whole(s, "total-steps");
                    if (total != 0 && total < steps) {
                        throw new InvalidInputException("total-steps", "one-cycle's total-steps (" + total
                                + ") is shorter than the run's " + steps + " steps: PyTorch's OneCycleLR stops with an "
                                + "error past it; give at least " + steps + ", or 0 for the run's budget");
                    }
                    return new Schedule.OneCycle(s.real("max-lr"), total == 0 ? Math.max(1, steps) : total,
                            s.real("pct-start"), s.choice("anneal-strategy"), s.real("div-factor"),
                            s.real("final-div-factor"), s.flag("three-phase"), !s.flag("no-cycle-momentum"),
                            s.real("base-momentum"), s.real("max-momentum"));
                }));
        add(new ScheduleKind("cyclic",
                "lr between base-lr and max-lr in triangles of step-size-up + step-size-down updates; "
                        + "momentum the other way (PyTorch's CyclicLR)",
                List.of(Param.real("base-lr", "η_base", 0, Range.atLeast(0), "the lowest lr; 0 = max-lr/4"),
                        Param.real("max-lr", "η_max", 0, Range.atLeast(0), "the peak lr η_max; 0 = the run's lr"),
                        Param.count("step-size-up", "S_up", 2000, Range.atLeast(1), "updates rising from base-lr to max-lr"),
                        Param.count("step-size-down", "S_down", 0, Range.atLeast(0),
                                "updates falling back; 0 = step-size-up"),
                        Param.choice("mode", "triangular", List.of("triangular", "triangular2", "exp-range"),
                                "each cycle the same, its height halved each cycle, or scaled by γ^k"),
                        Param.real("gamma", "γ", 1.0, Range.above(0), "exp-range's factor γ^k on the height"),
                        NO_CYCLE_MOMENTUM,
                        Param.real("base-momentum", "μ_base", 0.8, Range.closed(0, 1),
                                "the lowest momentum μ (or β₁), at the peak lr"),
                        Param.real("max-momentum", "μ_max", 0.9, Range.closed(0, 1),
                                "the highest momentum μ (or β₁), at the lowest lr")),
                (s, steps) -> new Schedule.Cyclic(s.real("base-lr"), s.real("max-lr"), whole(s, "step-size-up"),
                        whole(s, "step-size-down"), s.choice("mode"), s.real("gamma"), !s.flag("no-cycle-momentum"),
                        s.real("base-momentum"), s.real("max-momentum"))));
        add(new ScheduleKind("reduce-on-plateau",
                "lr·factor once the loss has not improved for patience updates (PyTorch's ReduceLROnPlateau, "
                        + "mode min, stepped with f at each new point); single runs only",
                List.of(Param.real("factor", "φ", 0.1, Range.closedOpen(0, 1), "factor φ on lr at each reduction"),
                        Param.count("patience", "P", 10, Range.atLeast(0), "updates without improvement tolerated"),
                        Param.real("threshold", "δ", 1e-4, Range.atLeast(0), "how much better a loss must be to count"),
                        Param.choice("threshold-mode", "rel", List.of("rel", "abs"),
                                "better means f < best·(1 − δ) (rel) or f < best − δ (abs)"),
                        Param.count("cooldown", "C", 0, Range.atLeast(0), "updates after a reduction that count as fine"),
                        Param.real("min-lr", "lr_min", 0, Range.atLeast(0), "the lowest lr"),
                        // PyTorch's eps; renamed because the command line's --eps is the optimizers'.
                        Param.real("min-decay", "ε", 1e-8, Range.atLeast(0),
                                "a reduction smaller than ε is skipped (PyTorch's eps)")),
                (s, steps) -> new Schedule.ReduceOnPlateau(s.real("factor"), whole(s, "patience"), s.real("threshold"),
                        s.choice("threshold-mode"), whole(s, "cooldown"), s.real("min-lr"), s.real("min-decay"))));
    }

    private Schedules() {}

    private static void add(ScheduleKind kind) {
        REGISTRY.add(kind);
    }

    /** The milestones given, or ⌊steps/2⌋ and ⌊3·steps/4⌋ (those that are ≥ 1 and distinct). */
    private static List<Long> milestones(double[] given, int steps) {
        if (given.length > 0) {
            return java.util.Arrays.stream(given).mapToObj(v -> (long) v).toList();
        }
        return java.util.stream.LongStream.of(steps / 2, 3L * steps / 4).filter(k -> k >= 1).distinct().boxed().toList();
    }

    /** A count of updates ({@link Param#count}: whole, checked when given). */
    private static long whole(Settings s, String name) {
        return (long) s.real(name);
    }

    /** A whole number that is not a count of updates (a factor), so the message says less. */
    private static long wholeFactor(Settings s, String name) {
        double v = s.real(name);
        if (v != Math.rint(v) || v > Integer.MAX_VALUE) {
            throw InvalidInputException.outOfRange(name, "a whole number", v);
        }
        return (long) v;
    }

    public static List<ScheduleKind> all() {
        return REGISTRY.all();
    }

    public static List<String> names() {
        return REGISTRY.names();
    }

    public static Optional<ScheduleKind> find(String name) {
        return REGISTRY.find(name);
    }

    /** The schedule called {@code name}; an unknown name fails with the closest valid one suggested. */
    public static ScheduleKind get(String name) {
        return REGISTRY.get(name);
    }

    /**
     * Builds the schedule {@code name} from the parameters the user gave, validated as
     * {@link OptimizerKind#configure} validates hyper-parameters.
     *
     * @param given the parameters by name ({@code step-size}, {@code gamma}, {@code t-max}, …);
     *              missing ones take their defaults
     * @param steps the run's step budget: {@code t-max}'s default (less the warm-up, for
     *              {@code warmup-cosine})
     * @throws InvalidInputException for an unknown name, a parameter this schedule does not take,
     *                               or a value out of range
     */
    public static Schedule create(String name, Map<String, ?> given, int steps) {
        return get(name).create(given, steps);
    }
}

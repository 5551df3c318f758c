package dev.losslab.core.optim;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.Registry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every learning-rate schedule LossLab offers, by name: the one registry the CLI, the web API and
 * the README read. Any optimizer takes any schedule. Defaults are PyTorch's where it has the class
 * (StepLR's γ = 0.1; {@code eta_min} = 0); k below counts the updates already taken.
 */
public final class Schedules {

    /** The schedule of a run that names none: lr at every step. */
    public static final String DEFAULT = "constant";

    private static final Registry<ScheduleKind> REGISTRY = new Registry<>("schedule", ScheduleKind::name);

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
     * @param given the parameters by name ({@code step-size}, {@code gamma}, {@code tau},
     *              {@code t-max}, {@code eta-min}); missing ones take their defaults
     * @param steps the run's step budget: {@code t-max}'s default
     * @throws InvalidInputException for an unknown name, a parameter this schedule does not take,
     *                               or a value out of range
     */
    public static Schedule create(String name, Map<String, ?> given, int steps) {
        return get(name).create(given, steps);
    }
}

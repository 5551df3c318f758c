package dev.losslab.app.cli;

import dev.losslab.app.output.Numbers;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import dev.losslab.core.optim.ScheduleKind;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.MinibatchSurface;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options shared by the commands that run an optimizer ({@code run}, {@code race},
 * {@code basins}, {@code sweep}): the step budget, the learning rate, SGD noise, and one option per
 * hyper-parameter of the optimizers and schedules in the core's registries. Those are built from
 * the registries (name, symbol, defaults, help), so an optimizer added there has its options here.
 * Values the user did not give stay unset, so that defaults come from the registries too.
 *
 * <p>A name that an optimizer and a schedule both take ({@code --warmup-steps}: the schedule-free
 * rules' own warm-up and the warmup-cosine schedule's) is one option, meaning the same for both:
 * each run gives it to its optimizer if that takes it and to its schedule if that takes it.
 *
 * @param steps               most updates
 * @param tolerance           the gradient norm under which a run has converged
 * @param learningRate        the lr given, or null for the optimizer's default on the surface
 * @param noise               the SGD noise σ given, or null for the optimizer's default
 * @param batchSize           the minibatch size given (a surface made of data), or null for the default
 * @param seed                the noise generator's seed
 * @param schedule            the lr schedule's name
 * @param hyperParameters     the optimizer hyper-parameters given, by name: numbers, flags as 1, and
 *                            the text of the others ({@code 0.5,1.2}, {@code cos}) for the core to read
 * @param scheduleParameters  the schedule parameters given, by name, likewise
 */
record RunOptions(int steps, double tolerance, Double learningRate, Double noise, Integer batchSize, long seed, String schedule,
                  Map<String, Object> hyperParameters, Map<String, Object> scheduleParameters) {

    static final Opt<Integer> STEPS = Opt.integer("--steps", "N",
            "most updates to take (0 to " + RunSpec.MAX_STEPS + "; default: ${DEFAULT-VALUE})").defaultValue(RunSpec.DEFAULT_STEPS);
    static final Opt<Double> TOLERANCE = Opt.real("--tol", "F",
            "stop as converged when the gradient norm is below F; 0 disables (default: ${DEFAULT-VALUE})")
            .defaultValue(RunSpec.DEFAULT_TOLERANCE);
    static final Opt<Double> LEARNING_RATE = Opt.real("--lr", "LR",
            "learning rate (default: the surface's, see `surfaces`; 1 for " + String.join(", ", Optimizers.all().stream()
                    .filter(k -> k.learningRateDefault() == OptimizerKind.LearningRateDefault.ONE).map(OptimizerKind::name).toList())
                    + ")");
    static final Opt<Double> NOISE = Opt.real("--noise", "SIGMA",
            "standard deviation σ of Gaussian noise added to each gradient coordinate " + defaults(noiseDefaults()));
    static final Opt<Integer> BATCH_SIZE = Opt.integer("--" + RunBuilder.BATCH_SIZE, "B",
            "on a surface made of data (regression:…, logistic:…), estimate each step's gradient from B examples",
            "drawn without replacement, reshuffled each epoch (default: all, the exact gradient; "
                    + MinibatchSurface.DEFAULT_BATCH_SIZE + " for optimizers noisy by default, such as sgd)");
    static final Opt<Long> SEED = Opt.whole("--seed", "S", "seed of the noise generator and the minibatches (default: ${DEFAULT-VALUE})")
            .defaultValue(RunSpec.DEFAULT_SEED);
    static final Opt<String> SCHEDULE = Opt.text("--schedule", "NAME",
            "learning-rate schedule: " + String.join(", ", Schedules.names()) + " (default: ${DEFAULT-VALUE})")
            .defaultValue(Schedules.names().getFirst());

    /** From this many entries taking one setting, help names only those off the most common default. */
    private static final int MANY_ENTRIES = 5;

    /** One option per optimizer hyper-parameter name in the registry, in the order they first appear. */
    static final List<Opt<?>> HYPER_PARAMETERS = hyperParameterOptions();

    /**
     * One option per schedule parameter name in the registry; a name an optimizer takes too is the
     * same command-line option as its {@link #HYPER_PARAMETERS} one, whose help names both.
     */
    static final List<Opt<?>> SCHEDULE_PARAMETERS = scheduleParameterOptions();

    /** A command's own options followed by these: its whole list, in the order help lists them. */
    static List<Opt<?>> after(Opt<?>... own) {
        List<Opt<?>> options = new ArrayList<>(List.of(own));
        options.addAll(all());
        return options;
    }

    /**
     * The heading help lists {@code option} under, or null for the command's own options and the
     * run's (steps, lr, noise, …), which come first.
     */
    static String heading(Opt<?> option) {
        if (HYPER_PARAMETERS.contains(option)) {
            return "Optimizer hyper-parameters (each for the optimizers it names):";
        }
        if (SCHEDULE_PARAMETERS.contains(option)) {
            return "Schedule parameters (for the --schedule named):";
        }
        return null;
    }

    /** Every option, in the order help lists them. */
    static List<Opt<?>> all() {
        List<Opt<?>> all = new ArrayList<>(List.of(STEPS, TOLERANCE, LEARNING_RATE));
        all.addAll(HYPER_PARAMETERS);
        all.add(NOISE);
        all.add(BATCH_SIZE);
        all.add(SEED);
        all.add(SCHEDULE);
        SCHEDULE_PARAMETERS.stream().filter(o -> !sharedWithOptimizers(o.name().substring(2))).forEach(all::add);
        return all;
    }

    /** The values {@code command} was given for {@link #all()}. */
    static RunOptions of(Subcommand command) {
        return new RunOptions(command.get(STEPS), command.get(TOLERANCE), command.get(LEARNING_RATE),
                command.get(NOISE), command.get(BATCH_SIZE), command.get(SEED), command.get(SCHEDULE),
                given(command, HYPER_PARAMETERS), given(command, SCHEDULE_PARAMETERS));
    }

    /**
     * Applies these options to a run of {@code kind}. With {@code onlyTaken}, hyper-parameters the
     * optimizer does not take are skipped (a race passes each racer what applies to it).
     */
    RunBuilder applyTo(RunBuilder builder, OptimizerKind kind, boolean onlyTaken) {
        builder.optimizer(kind.name()).steps(steps).tolerance(tolerance).seed(seed)
                .schedule(schedule, scheduleParametersFor(kind, onlyTaken));
        if (learningRate != null) {
            builder.learningRate(learningRate);
        }
        if (noise != null) {
            builder.noise(noise);
        }
        if (batchSize != null) {
            builder.batchSize(batchSize);
        }
        hyperParameters.forEach((name, value) -> {
            if (kind.takes(name) || (!onlyTaken && !(sharedWithOptimizers(name) && scheduleTakes(name)))) {
                builder.set(name, value);
            }
        });
        return builder;
    }

    /**
     * The hyper-parameters given that go to {@code kind}, as {@link #applyTo} without
     * {@code onlyTaken} passes them: every one but a shared option only the schedule takes, so that
     * a name the optimizer does not take is refused by name.
     */
    Map<String, Object> optimizerParametersFor(OptimizerKind kind) {
        Map<String, Object> taken = new LinkedHashMap<>();
        hyperParameters.forEach((name, value) -> {
            if (kind.takes(name) || !(sharedWithOptimizers(name) && scheduleTakes(name))) {
                taken.put(name, value);
            }
        });
        return taken;
    }

    /**
     * The schedule parameters given, but for a shared option the schedule does not take and the
     * optimizer does (or, in a race, neither does): a shared option that no one takes is left to
     * the optimizer to refuse.
     */
    Map<String, Object> scheduleParametersFor(OptimizerKind kind, boolean onlyTaken) {
        Map<String, Object> taken = new LinkedHashMap<>(scheduleParameters);
        taken.keySet().removeIf(name -> sharedWithOptimizers(name) && !scheduleTakes(name)
                && (onlyTaken || kind.takes(name)));
        return taken;
    }

    /** True when the chosen schedule takes a parameter of that name. */
    private boolean scheduleTakes(String name) {
        return Schedules.find(schedule).map(k -> k.takes(name)).orElse(false);
    }

    /** True when a schedule parameter of that name is an optimizer's hyper-parameter too: one option for both. */
    private static boolean sharedWithOptimizers(String name) {
        return Schedules.all().stream().anyMatch(k -> k.takes(name))
                && Optimizers.all().stream().anyMatch(k -> k.takes(name));
    }

    /** True when the user fixed the setting {@code name} (lr, noise or a hyper-parameter). */
    boolean fixes(String name) {
        return switch (name) {
            case "lr" -> learningRate != null;
            case "noise" -> noise != null;
            case RunBuilder.BATCH_SIZE -> batchSize != null;
            default -> hyperParameters.containsKey(name);
        };
    }

    /** Fails when a given hyper-parameter applies to none of the racing optimizers. */
    void requireEachTakenBySome(Collection<OptimizerKind> kinds) {
        for (String name : hyperParameters.keySet()) {
            if (kinds.stream().noneMatch(k -> k.takes(name)) && !(sharedWithOptimizers(name) && scheduleTakes(name))) {
                throw new InvalidInputException(name, "--" + name + " applies to none of "
                        + String.join(", ", kinds.stream().map(OptimizerKind::name).toList()));
            }
        }
    }

    static Map<String, Object> given(Subcommand command, List<Opt<?>> options) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (Opt<?> option : options) {
            switch (command.get(option)) {
                case Boolean flag -> given.put(option.name().substring(2), flag ? 1.0 : 0.0);
                case null -> { }
                case Object value -> given.put(option.name().substring(2), value);
            }
        }
        return given;
    }

    private static List<Opt<?>> hyperParameterOptions() {
        Map<String, Map<String, Param>> byName = new LinkedHashMap<>();
        for (OptimizerKind kind : Optimizers.all()) {
            for (Param p : kind.params()) {
                byName.computeIfAbsent(p.name(), n -> new LinkedHashMap<>()).put(kind.name(), p);
            }
        }
        // A schedule's parameter of an optimizer's name is the same option: its help names the schedule too.
        for (ScheduleKind kind : Schedules.all()) {
            for (Param p : kind.params()) {
                Map<String, Param> takers = byName.get(p.name());
                if (takers != null) {
                    takers.put(kind.name() + " schedule", p);
                }
            }
        }
        List<Opt<?>> options = new ArrayList<>();
        byName.values().forEach(takers -> options.add(option(takers)));
        return options;
    }

    private static List<Opt<?>> scheduleParameterOptions() {
        Map<String, Map<String, Param>> byName = new LinkedHashMap<>();
        for (ScheduleKind kind : Schedules.all()) {
            for (Param p : kind.params()) {
                byName.computeIfAbsent(p.name(), n -> new LinkedHashMap<>()).put(kind.name() + " schedule", p);
            }
        }
        List<Opt<?>> options = new ArrayList<>();
        byName.values().forEach(takers -> options.add(option(takers)));
        return options;
    }

    /**
     * The option for one parameter name, from every registry entry that takes it (by entry name):
     * "momentum factor μ; momentum, nesterov: 0.9; rmsprop: 0". Where entries describe it
     * differently, the help names the first description (each entry's own is in `optimizers`).
     * A real is read as a number here; pairs, lists and choices as text the core reads
     * ({@link Param#accept}), so their errors are the same as the API's.
     */
    private static Opt<?> option(Map<String, Param> takers) {
        Param first = takers.values().iterator().next();
        String name = "--" + first.name();
        if (first.flag()) {
            return Opt.flag(name, first.help() + " (" + String.join(", ", takers.keySet()) + ")");
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        takers.forEach((entry, p) -> defaults.put(entry, Numbers.setting(p.defaultValue())));
        String help = first.help() + " " + defaults(defaults);
        return switch (first.kind()) {
            case Param.Real r -> Opt.real(name, first.symbol(), help);
            case Param.Numbers n -> Opt.text(name, first.symbol().isEmpty() ? "A,B" : first.symbol(),
                    help + "; " + first.allowed());
            case Param.Choice c -> Opt.text(name, String.join("|", c.choices()), help);
            case Param.Flag f -> throw new AssertionError("flags are handled above");
        };
    }

    private static Map<String, String> noiseDefaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        Optimizers.all().forEach(k -> defaults.put(k.name(), Numbers.brief(k.defaultNoise())));
        return defaults;
    }

    /**
     * The defaults of one setting across the entries that take it, by entry:
     * "(momentum, nesterov: 0.9; rmsprop: 0)", or "(adagrad: 0)" for one. When most but not all of
     * many entries share a default, only the others are named: "(default 0; adamw: 0.01)".
     */
    static String defaults(Map<String, String> byEntry) {
        Map<String, List<String>> byValue = new LinkedHashMap<>();
        byEntry.forEach((entry, value) -> byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(entry));
        String most = byValue.entrySet().stream().max(Comparator.comparingInt(e -> e.getValue().size()))
                .orElseThrow().getKey();
        // Shorthand only with exceptions to name: when all share V, naming them says who takes it.
        boolean shorthand = byValue.size() > 1 && byEntry.size() >= MANY_ENTRIES
                && byValue.get(most).size() > byEntry.size() / 2;
        List<String> parts = new ArrayList<>();
        if (shorthand) {
            parts.add("default " + most);
        }
        byValue.forEach((value, entries) -> {
            if (!shorthand || !value.equals(most)) {
                parts.add(String.join(", ", entries) + ": " + value);
            }
        });
        return "(" + String.join("; ", parts) + ")";
    }
}

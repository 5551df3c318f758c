package dev.losslab.core.run;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.Landscapes;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Schedule;
import dev.losslab.core.optim.Schedules;
import dev.losslab.core.optim.Settings;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.MinibatchSurface;
import dev.losslab.core.surface.Vec2;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The library's front door: names in, a validated {@link RunSpec} (or a finished {@link Run}) out.
 * Whatever is not set gets its default: the landscape's start and learning rate, PyTorch's
 * hyper-parameters, a constant schedule, {@value RunSpec#DEFAULT_STEPS} steps, tol 1e-8.
 * <pre>{@code
 * Run run = RunBuilder.on("himmelblau").optimizer("adam").set("lr", 0.1).start(0, 0).run();
 * }</pre>
 */
public final class RunBuilder {

    /** The batch size's name, as the CLI option, the API and {@link #set} spell it. */
    public static final String BATCH_SIZE = "batch-size";
    /** The settings of a run that are not an optimizer's hyper-parameters, by the names {@link #set} takes. */
    public static final List<String> RUN_SETTINGS = List.of("lr", "noise", BATCH_SIZE);

    private final Landscape landscape;
    private OptimizerKind kind = Optimizers.get("gd");
    private final Map<String, Object> hyperParameters = new LinkedHashMap<>();
    private Double learningRate;
    private Double noise;
    private Integer batchSize;
    private long seed = RunSpec.DEFAULT_SEED;
    private Vec2 start;
    private Schedule schedule;
    private String scheduleName = Schedules.DEFAULT;
    private Map<String, ?> scheduleParameters = Map.of();
    private int maxSteps = RunSpec.DEFAULT_STEPS;
    private double tolerance = RunSpec.DEFAULT_TOLERANCE;
    private Recording recording = Recording.POINTS;

    private RunBuilder(Landscape landscape) {
        this.landscape = landscape;
    }

    /** A run on the catalog surface of that name, or on a formula in x and y. */
    public static RunBuilder on(String surfaceNameOrFormula) {
        return new RunBuilder(Landscapes.resolve(surfaceNameOrFormula));
    }

    public static RunBuilder on(Landscape landscape) {
        return new RunBuilder(landscape);
    }

    public RunBuilder optimizer(String name) {
        kind = Optimizers.get(name);
        return this;
    }

    /**
     * Sets a hyper-parameter by its CLI name ({@code lr}, {@code momentum}, {@code beta1}, …; flags
     * as 0 or 1). Checked against the optimizer when the spec is built.
     */
    public RunBuilder set(String name, double value) {
        if (name.equals("lr")) {
            learningRate = value;
        } else if (name.equals("noise")) {
            noise = value;
        } else if (name.equals(BATCH_SIZE)) {
            if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
                throw new InvalidInputException(BATCH_SIZE, "batch-size must be a whole number of examples, got " + value);
            }
            batchSize = (int) value;
        } else {
            hyperParameters.put(name, value);
        }
        return this;
    }

    /**
     * Sets a hyper-parameter that is not a single number ({@code etas} as {@code "0.5,1.2"} or a
     * list, a choice by name), in any form {@link dev.losslab.core.optim.Param#accept} takes.
     * Checked against the optimizer when the spec is built.
     */
    public RunBuilder set(String name, Object value) {
        if (value instanceof Number n) {
            return set(name, n.doubleValue());
        }
        if (RUN_SETTINGS.contains(name)) {
            throw new InvalidInputException(name, name + " takes a number, got " + value);
        }
        hyperParameters.put(name, value);
        return this;
    }

    public RunBuilder learningRate(double lr) {
        return set("lr", lr);
    }

    public RunBuilder noise(double sigma) {
        return set("noise", sigma);
    }

    /** The examples each step's gradient is estimated from, on a surface made of data (0: all of them). */
    public RunBuilder batchSize(int batchSize) {
        this.batchSize = batchSize;
        return this;
    }

    public RunBuilder seed(long seed) {
        this.seed = seed;
        return this;
    }

    public RunBuilder start(double x, double y) {
        this.start = new Vec2(x, y);
        return this;
    }

    public RunBuilder start(Vec2 start) {
        this.start = start;
        return this;
    }

    public RunBuilder schedule(Schedule schedule) {
        this.schedule = schedule;
        return this;
    }

    /**
     * A schedule by registry name and parameters ({@code step-size}, {@code gamma}, …), validated
     * when the spec is built, once the step budget (cosine's default T_max) is known.
     */
    public RunBuilder schedule(String name, Map<String, ?> parameters) {
        this.schedule = null;
        this.scheduleName = name;
        this.scheduleParameters = Map.copyOf(parameters);
        return this;
    }

    public RunBuilder steps(int maxSteps) {
        this.maxSteps = maxSteps;
        return this;
    }

    public RunBuilder tolerance(double tolerance) {
        this.tolerance = tolerance;
        return this;
    }

    /** What {@link #run()} keeps besides the points (default: {@link Recording#POINTS}). */
    public RunBuilder recording(Recording recording) {
        this.recording = java.util.Objects.requireNonNull(recording, "recording");
        return this;
    }

    public RunSpec spec() {
        Settings settings = kind.settings(hyperParameters);
        return new RunSpec(
                landscape,
                kind,
                settings,
                learningRate != null ? learningRate : kind.defaultLearningRate(landscape),
                schedule != null ? schedule : Schedules.create(scheduleName, scheduleParameters, maxSteps),
                noise != null ? noise : defaultNoise(),
                batchSize != null ? batchSize : defaultBatchSize(),
                seed,
                start != null ? start : landscape.defaultStart(),
                maxSteps,
                tolerance);
    }

    /**
     * An optimizer that is noisy by default (SGD) gets its noise from minibatches on a surface made of
     * data — the real thing — and Gaussian noise σ elsewhere.
     */
    private double defaultNoise() {
        return landscape.surface() instanceof MinibatchSurface ? 0 : kind.defaultNoise();
    }

    private int defaultBatchSize() {
        return landscape.surface() instanceof MinibatchSurface data && kind.defaultNoise() > 0 && noise == null
                ? Math.min(MinibatchSurface.DEFAULT_BATCH_SIZE, data.examples())
                : 0;
    }

    public Run run() {
        return Runner.run(spec(), recording);
    }
}

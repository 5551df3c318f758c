package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * A hyper-parameter sweep: one run per point of a 1-D or 2-D grid of settings, each from the same
 * start, each kept as its {@link Outcome} (stop reason, steps, where it ended).
 *
 * <p>The caller says how a setting becomes a run ({@code specFor}: the varied values by name →
 * a validated {@link RunSpec}); every spec is built before any run starts, so a bad value fails at
 * once, naming the parameter. Runs follow {@code Runner}'s rules exactly and are spread over all
 * cores.
 */
public final class Sweep {

    /** Most runs in one sweep. */
    public static final int MAX_RUNS = 1 << 20;

    private Sweep() {}

    /**
     * Runs the sweep: {@link #plan} then {@link Plan#run}.
     *
     * @param axes    one or two axes; the first varies fastest in {@link SweepResult}'s cell order
     * @param specFor the run for the values {name → value} of one cell
     */
    public static SweepResult run(List<Axis> axes, Function<Map<String, Double>, RunSpec> specFor, Job job) {
        return plan(axes, specFor).run(job);
    }

    /**
     * Builds and checks every cell's run without running any: a bad value or too much work fails
     * here, naming the parameter, so a caller that runs the sweep later (a web job) can refuse it at
     * once instead of failing in the background.
     */
    public static Plan plan(List<Axis> axes, Function<Map<String, Double>, RunSpec> specFor) {
        if (axes.isEmpty() || axes.size() > 2) {
            throw new InvalidInputException("vary", "a sweep varies one or two hyper-parameters, got " + axes.size());
        }
        if (axes.size() == 2 && axes.get(0).name().equals(axes.get(1).name())) {
            throw new InvalidInputException("vary", "the two swept hyper-parameters must differ, got " + axes.get(0).name() + " twice");
        }
        long cells = axes.stream().mapToLong(Axis::count).reduce(1, (a, b) -> a * b);
        if (cells > MAX_RUNS) {
            throw InvalidInputException.outOfRange("vary", "at most " + MAX_RUNS + " runs in all", cells);
        }
        List<RunSpec> specs = new ArrayList<>((int) cells);
        int maxSteps = 0;
        long mostCost = 1;
        for (int c = 0; c < cells; c++) {
            Map<String, Double> values = new LinkedHashMap<>();
            values.put(axes.get(0).name(), axes.get(0).value(c % axes.get(0).count()));
            if (axes.size() == 2) {
                values.put(axes.get(1).name(), axes.get(1).value(c / axes.get(0).count()));
            }
            RunSpec spec = specFor.apply(values);
            maxSteps = Math.max(maxSteps, spec.maxSteps());
            mostCost = Math.max(mostCost, spec.costPerStep());
            specs.add(spec);
        }
        Budget.checkWork(cells, maxSteps, mostCost, Budget.MAX_STEPS, Budget.MAX_WORK);
        return new Plan(axes, specs);
    }

    /**
     * A checked sweep, ready to run: the axes and every cell's run, in {@link SweepResult}'s order.
     * Only {@link Sweep#plan} makes one, so every plan has passed its checks. Running it twice gives
     * the same result.
     */
    public static final class Plan {

        private final List<Axis> axes;
        private final List<RunSpec> specs;

        private Plan(List<Axis> axes, List<RunSpec> specs) {
            this.axes = List.copyOf(axes);
            this.specs = List.copyOf(specs);
        }

        /** The swept axes, the first varying fastest. */
        public List<Axis> axes() {
            return axes;
        }

        /** Every cell's run, in {@link SweepResult}'s order. */
        public List<RunSpec> specs() {
            return specs;
        }

        /** The number of runs. */
        public int cells() {
            return specs.size();
        }

        /**
         * Runs every cell, spread over all cores.
         *
         * @throws CancellationException when the job is cancelled or the calling thread interrupted
         */
        public SweepResult run(Job job) {
            Outcome[] outcomes = new Outcome[specs.size()];
            job.forEachUnit(specs.size(), c -> {
                outcomes[c] = Engine.outcome(specs.get(c), step -> job.check());
            });
            return new SweepResult(axes, specs, List.of(outcomes));
        }
    }
}

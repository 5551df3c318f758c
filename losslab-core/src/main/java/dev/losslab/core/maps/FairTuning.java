package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.optim.OptimizerKind;
import dev.losslab.core.optim.Param;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcome;
import dev.losslab.core.run.Outcomes;
import dev.losslab.core.run.RunSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * Fair settings for the racers of a race, so that a race compares optimizers each at its best on
 * this surface rather than at hand-picked settings — with the same budget for every racer, and
 * chosen by how they do from several starts, not one.
 *
 * <p>For each racer (a spec as the race would run it):
 * <ol>
 *   <li>its configurations are those of its {@link TuningGrid}: learning rates from 1/100 to 10 times
 *       its default lr on the surface, crossed with its momentum μ or β₁ when the scope is
 *       {@link TuningScope#LR_AND_MOMENTUM} — the same number for every racer;</li>
 *   <li>each configuration runs from every start of its {@link TuningTrials} (the race's start and
 *       four around it) with every seed (three when the gradient is noisy), otherwise exactly as the
 *       racer's spec says (steps, tolerance, schedule, noise, its other hyper-parameters);</li>
 *   <li>each configuration gets its {@link TuningScore}, ranked by fewer diverged runs, then median
 *       steps to converge at a minimum, then median final loss;</li>
 *   <li>the best score wins; ties go to the earlier configuration in the grid, the smaller lr and then
 *       the smaller momentum: the more cautious choice.</li>
 * </ol>
 * When no configuration is usable (even the best has more than half its runs diverged), the racer keeps
 * its defaults — lr₀ and the momentum its spec has — and {@link Tuned#found()} is false; its score is
 * then that of the defaults. The racer's runs at the chosen settings from the race's start with the
 * race's seed is the first run of the winning configuration's trials.
 *
 * <p>The work, racers × configurations × runs per configuration runs of up to the racers' step
 * budget, is checked with {@link Budget#checkWork} before anything runs. Each configuration of each
 * racer is one unit of the {@link Job}, its runs stepped together as one engine batch (one by one
 * under a schedule that follows a run's own loss); every run's numbers are those of its own single
 * run, so the choice does not depend on how many threads did the work.
 */
public final class FairTuning {

    private FairTuning() {}

    /**
     * One racer's tuning.
     *
     * @param spec   the racer at the chosen settings, from the race's start with its seed: what the
     *               race runs
     * @param found  false when no configuration was usable and the defaults were kept
     * @param scope  what was tuned
     * @param grid   the configurations tried
     * @param trials the starts and seeds each was scored over
     * @param score  how the chosen configuration did over the trials
     */
    public record Tuned(RunSpec spec, boolean found, TuningScope scope, TuningGrid grid, TuningTrials trials, TuningScore score) {

        public double learningRate() {
            return spec.learningRate();
        }

        /**
         * True when the chosen lr is the grid's smallest or largest (and was found): the best lr may lie
         * beyond the grid, so the racer may be better than this race shows.
         */
        public boolean learningRateAtGridEnd() {
            List<Double> lrs = grid.learningRates();
            return found && (learningRate() == lrs.getFirst() || learningRate() == lrs.getLast());
        }

        /** The momentum μ or β₁ chosen, when the grid tunes one. */
        public OptionalDouble momentum() {
            return grid.parameter().map(p -> OptionalDouble.of(spec.hyperParameters().real(p.name())))
                    .orElse(OptionalDouble.empty());
        }

        /** The runs this racer was given in all: configurations × runs per configuration. */
        public long runs() {
            return (long) grid.size() * trials.runs();
        }
    }

    /** {@link #tune(TuningScope, List, Job)} for one racer. */
    public static Tuned tune(TuningScope scope, RunSpec racer, Job job) {
        return tune(scope, List.of(racer), job).getFirst();
    }

    /**
     * Tunes every racer, in one piece of work.
     *
     * @param racers each racer's spec as the race would run it untuned; its lr is replaced by the
     *               grid's, and so is its momentum when the scope tunes it
     * @return one per racer, in order
     * @throws InvalidInputException when the work is over budget, or the scope would tune a momentum
     *                               the racer's schedule cycles
     */
    public static List<Tuned> tune(TuningScope scope, List<RunSpec> racers, Job job) {
        return tune(scope, racers, job, Budget.MAX_STEPS, Budget.MAX_WORK);
    }

    /**
     * {@link #tune(TuningScope, List, Job)} within a caller's own bounds on each run's steps and on
     * all the runs' steps together (a web page waits for its answer; the command line may wait longer).
     */
    public static List<Tuned> tune(TuningScope scope, List<RunSpec> racers, Job job, int maxSteps, long maxWork) {
        List<TuningGrid> grids = new ArrayList<>();
        List<TuningTrials> trials = new ArrayList<>();
        long runs = 0;
        int mostSteps = 0;
        long mostCost = 1;
        for (RunSpec racer : racers) {
            OptimizerKind kind = racer.optimizerKind();
            TuningGrid grid = TuningGrid.of(scope, kind, kind.defaultLearningRate(racer.landscape()));
            if (grid.parameter().isPresent() && racer.schedule().cyclesMomentum()) {
                throw new InvalidInputException("tune", "--tune " + scope.label() + ": " + kind.name() + "'s "
                        + grid.parameter().get().name() + " cannot be tuned while the " + racer.schedule().name()
                        + " schedule cycles it; tune lr alone, or turn cycling off with no-cycle-momentum");
            }
            grids.add(grid);
            trials.add(TuningTrials.around(racer));
            runs += (long) grid.size() * trials.getLast().runs();
            mostSteps = Math.max(mostSteps, racer.maxSteps());
            mostCost = Math.max(mostCost, racer.costPerStep());
        }
        Budget.checkWork(runs, mostSteps, mostCost, maxSteps, maxWork);
        int[] first = new int[racers.size() + 1];
        for (int k = 0; k < racers.size(); k++) {
            first[k + 1] = first[k] + grids.get(k).size();
        }
        TuningScore[] scores = new TuningScore[first[racers.size()]];
        job.forEachUnit(scores.length, unit -> {
            int k = racerOf(first, unit);
            RunSpec spec = configured(racers.get(k), grids.get(k), unit - first[k]);
            scores[unit] = score(spec, trials.get(k), job);
        });
        List<Tuned> tuned = new ArrayList<>();
        for (int k = 0; k < racers.size(); k++) {
            int from = first[k];
            TuningGrid grid = grids.get(k);
            int best = IntStream.range(0, grid.size()).boxed()
                    .min(Comparator.comparing((Integer i) -> scores[from + i], TuningScore.BETTER_FIRST)
                            .thenComparingInt(i -> i))
                    .orElseThrow();
            RunSpec racer = racers.get(k);
            if (scores[from + best].usable()) {
                tuned.add(new Tuned(configured(racer, grid, best), true, scope, grid, trials.get(k), scores[from + best]));
            } else {
                tuned.add(defaults(racer, scope, grid, trials.get(k), scores, from, job));
            }
        }
        return tuned;
    }

    /** The racer at its default lr and momentum, scored (from the grid when it is there). */
    private static Tuned defaults(RunSpec racer, TuningScope scope, TuningGrid grid, TuningTrials trials, TuningScore[] scores, int from,
            Job job) {
        double lr0 = racer.optimizerKind().defaultLearningRate(racer.landscape());
        double momentum = grid.parameter().map(p -> racer.hyperParameters().real(p.name())).orElse(0.0);
        RunSpec spec = at(racer, lr0, grid.parameter().map(Param::name).orElse(null), momentum);
        int index = grid.indexOf(lr0, momentum);
        TuningScore score = index >= 0 ? scores[from + index] : score(spec, trials, job);
        return new Tuned(spec, false, scope, grid, trials, score);
    }

    private static int racerOf(int[] first, int unit) {
        int k = 0;
        while (unit >= first[k + 1]) {
            k++;
        }
        return k;
    }

    /** The racer at configuration i of its grid. */
    private static RunSpec configured(RunSpec racer, TuningGrid grid, int i) {
        return at(racer, grid.learningRate(i), grid.parameter().map(Param::name).orElse(null),
                grid.parameter().isPresent() ? grid.value(i) : 0);
    }

    /** The racer at lr, and with {@code parameter} (unless null) at value. */
    private static RunSpec at(RunSpec racer, double lr, String parameter, double value) {
        var settings = racer.hyperParameters();
        if (parameter != null) {
            Map<String, Object> values = new HashMap<>(settings.values());
            values.put(parameter, value);
            settings = racer.optimizerKind().settings(values);
        }
        return new RunSpec(racer.landscape(), racer.optimizerKind(), settings, lr, racer.schedule(), racer.noise(),
                racer.batchSize(), racer.seed(), racer.start(), racer.maxSteps(), racer.tolerance());
    }

    /** The score of {@code spec} over the trials. */
    private static TuningScore score(RunSpec spec, TuningTrials trials, Job job) {
        int n = trials.runs();
        List<Outcome> outcomes = new ArrayList<>(n);
        if (spec.schedule().followsLoss()) {
            // One schedule state per run: such a schedule cannot drive a batch.
            for (int r = 0; r < n; r++) {
                outcomes.add(batch(spec, trials, r, 1, job).get(0));
            }
        } else {
            Outcomes ended = batch(spec, trials, 0, n, job);
            for (int r = 0; r < n; r++) {
                outcomes.add(ended.get(r));
            }
        }
        return TuningScore.of(outcomes, spec.landscape());
    }

    /** Runs {@code count} of the trials from run {@code from}, as one engine batch. */
    private static Outcomes batch(RunSpec spec, TuningTrials trials, int from, int count, Job job) {
        double[] starts = new double[2 * count];
        long[] seeds = new long[count];
        for (int r = 0; r < count; r++) {
            starts[r] = trials.start(from + r).x();
            starts[count + r] = trials.start(from + r).y();
            seeds[r] = trials.seed(from + r);
        }
        return Engine.run(spec, starts, count, seeds, step -> job.check());
    }
}

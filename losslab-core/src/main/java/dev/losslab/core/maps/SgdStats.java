package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Destinations;
import dev.losslab.core.run.EndPoint;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcomes;
import dev.losslab.core.run.RunSpec;

/**
 * How often gradient noise carries a run into each basin: at each level — a noise level σ, or on a
 * surface made of data a minibatch size B ({@link SgdLevels}) — R runs of the same spec from the same
 * start with seeds s, s + 1, …, s + R − 1, each labelled by the basin it ends in.
 *
 * <p>A noisy run rarely stops exactly at a minimum: it jitters around one until its steps run out.
 * So its basin is decided after the noise ({@link Destinations#classify(RunSpec, Outcomes)}): from its
 * last point, the same optimizer and lr run again without noise (fresh state, same step budget), and
 * the minimum that clean run ends at (numbered as {@link Destinations#minima()}: listed first, then
 * every other local minimum in the window) is the run's. A noisy run that diverged counts as diverged;
 * one whose clean run ends anywhere else (still moving, or — rarer than rare with noise — at a saddle
 * or maximum) as unconverged. A minibatched run (B &lt; n) is noisy in just this sense ({@link RunSpec#noisy()})
 * and is decided alike. With σ = 0, or B = n, no random numbers are drawn, so every seed gives the
 * full-batch run's basin.
 */
public final class SgdStats {

    /** Most runs per level. */
    public static final int MAX_RUNS = 100_000;

    /** Runs (seeds) per level when none is asked for: shares to about ±5 %, in a fraction of a second. */
    public static final int DEFAULT_RUNS = 100;
    /** The most runs of one level stepped together in one engine batch (one unit of progress). */
    private static final int MAX_CHUNK = 256;
    /** Units per level at least, when there are runs enough: work for every core, a moving progress bar. */
    private static final int MIN_UNITS_PER_LEVEL = 16;

    private SgdStats() {}

    /** {@link #run(RunSpec, SgdLevels, int, Job)} at noise levels σ. */
    public static SgdStatsResult run(RunSpec spec, Axis noise, int runs, Job job) {
        return run(spec, SgdLevels.noise(noise), runs, job);
    }

    /**
     * @param spec   the run (optimizer, lr, start, steps, first seed); each level replaces its noise
     *               or its batch size ({@link SgdLevels#at})
     * @param levels the noise levels σ, or the batch sizes B
     * @param runs   R, the seeds per level
     */
    public static SgdStatsResult run(RunSpec spec, SgdLevels levels, int runs, Job job) {
        if (runs < 1 || runs > MAX_RUNS) {
            throw InvalidInputException.outOfRange("runs", "in [1, " + MAX_RUNS + "]", runs);
        }
        levels.check(spec);
        RunSpec[] specs = new RunSpec[levels.count()];
        RunSpec costliest = spec;
        for (int level = 0; level < specs.length; level++) {
            specs[level] = levels.at(spec, level);
            costliest = specs[level].costPerStep() > costliest.costPerStep() ? specs[level] : costliest;
        }
        long total = (long) levels.count() * runs;
        // Each run, then the clean run that decides its basin; every step counted at the dearest level's cost.
        Budget.checkWork(2 * total, costliest);
        Destinations places = Destinations.of(spec.landscape());
        short[] labels = new short[(int) total];
        int chunk = Math.clamp((runs + MIN_UNITS_PER_LEVEL - 1) / MIN_UNITS_PER_LEVEL, 1, MAX_CHUNK);
        int chunks = (runs + chunk - 1) / chunk;
        job.forEachUnit(levels.count() * chunks, unit -> {
            int level = unit / chunks;
            int first = unit % chunks * chunk;
            int count = Math.min(chunk, runs - first);
            long[] seeds = new long[count];
            double[] starts = new double[2 * count];
            for (int r = 0; r < count; r++) {
                seeds[r] = spec.seed() + first + r;
                starts[r] = spec.start().x();
                starts[count + r] = spec.start().y();
            }
            RunSpec noisy = specs[level];
            Outcomes ended = Engine.run(noisy, starts, count, seeds, step -> job.check());
            // Noise-free (σ = 0, B = n) is classified as it ended; noisy by the clean run from each end (where it hovered).
            EndPoint[] ends = places.classify(noisy, ended);
            for (int r = 0; r < count; r++) {
                labels[level * runs + first + r] = BasinMap.label(ends[r]);
            }
        });
        int minima = places.minima().size();
        int[][] counts = new int[levels.count()][minima + 2];
        for (int c = 0; c < total; c++) {
            short label = labels[c];
            counts[c / runs][label >= 0 ? label : minima + (label == BasinMap.DIVERGED ? 0 : 1)]++;
        }
        return new SgdStatsResult(levels, runs, places.minima(), counts);
    }
}

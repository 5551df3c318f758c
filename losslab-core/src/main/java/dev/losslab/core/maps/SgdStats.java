package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Destinations;
import dev.losslab.core.run.EndPoint;
import dev.losslab.core.run.Engine;
import dev.losslab.core.run.Outcomes;
import dev.losslab.core.run.RunSpec;

/**
 * How often gradient noise carries a run into each basin: at each noise level σ, R runs of the same
 * spec from the same start with seeds s, s + 1, …, s + R − 1, each labelled by the basin it ends in.
 *
 * <p>A noisy run rarely stops exactly at a minimum: it jitters around one until its steps run out.
 * So its basin is decided after the noise ({@link Destinations#classify(RunSpec, Outcomes)}): from its
 * last point, the same optimizer and lr run again without noise (fresh state, same step budget), and
 * the minimum that clean run ends at (numbered as {@link Destinations#minima()}: listed first, then
 * every other local minimum in the window) is the run's. A noisy run that diverged counts as diverged;
 * one whose clean run ends anywhere else (still moving, or — rarer than rare with noise — at a saddle
 * or maximum) as unconverged. With σ = 0 no random numbers are drawn, so every seed gives the batch
 * run's basin.
 */
public final class SgdStats {

    /** Most runs per noise level. */
    public static final int MAX_RUNS = 100_000;

    /** Runs (seeds) per noise level when none is asked for: shares to about ±5 %, in a fraction of a second. */
    public static final int DEFAULT_RUNS = 100;
    /** The most runs of one level stepped together in one engine batch (one unit of progress). */
    private static final int MAX_CHUNK = 256;
    /** Units per level at least, when there are runs enough: work for every core, a moving progress bar. */
    private static final int MIN_UNITS_PER_LEVEL = 16;

    private SgdStats() {}

    /**
     * @param spec  the run (optimizer, lr, start, steps, first seed); its noise is replaced by each level
     * @param noise the noise levels σ (≥ 0)
     * @param runs  R, the seeds per level
     */
    public static SgdStatsResult run(RunSpec spec, Axis noise, int runs, Job job) {
        if (runs < 1 || runs > MAX_RUNS) {
            throw InvalidInputException.outOfRange("runs", "in [1, " + MAX_RUNS + "]", runs);
        }
        for (double sigma : noise.values()) {
            if (!(sigma >= 0)) {
                throw InvalidInputException.outOfRange("noise", ">= 0", sigma);
            }
        }
        long total = (long) noise.count() * runs;
        Budget.checkWork(2 * total, spec);
        Destinations places = Destinations.of(spec.landscape());
        short[] labels = new short[(int) total];
        int chunk = Math.clamp((runs + MIN_UNITS_PER_LEVEL - 1) / MIN_UNITS_PER_LEVEL, 1, MAX_CHUNK);
        int chunks = (runs + chunk - 1) / chunk;
        job.forEachUnit(noise.count() * chunks, unit -> {
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
            RunSpec noisy = spec.withNoise(noise.value(level), spec.seed());
            Outcomes ended = Engine.run(noisy, starts, count, seeds, step -> job.check());
            // σ = 0 is classified as it ended; σ > 0 by the clean run from each end (where it hovered).
            EndPoint[] ends = places.classify(noisy, ended);
            for (int r = 0; r < count; r++) {
                labels[level * runs + first + r] = BasinMap.label(ends[r]);
            }
        });
        int minima = places.minima().size();
        int[][] counts = new int[noise.count()][minima + 2];
        for (int c = 0; c < total; c++) {
            short label = labels[c];
            counts[c / runs][label >= 0 ? label : minima + (label == BasinMap.DIVERGED ? 0 : 1)]++;
        }
        return new SgdStatsResult(noise, runs, places.minima(), counts);
    }
}

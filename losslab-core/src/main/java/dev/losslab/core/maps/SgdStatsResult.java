package dev.losslab.core.maps;

import dev.losslab.core.surface.Minimum;
import java.util.List;
import java.util.Objects;

/**
 * The basins noisy runs ended in, per level.
 *
 * @param levels what was varied, and its values: noise levels σ ({@link SgdLevels.Noise}) or batch
 *               sizes B ({@link SgdLevels.BatchSizes}), in the order run
 * @param runs   runs (seeds) per level
 * @param minima the numbered minima ({@code Destinations.minima()}: the listed ones first)
 * @param counts per level: the runs that ended at each minimum, then diverged, then unconverged
 *               (length minima + 2); kept private to this record's accessors
 */
public record SgdStatsResult(SgdLevels levels, int runs, List<Minimum> minima, int[][] counts) {

    public SgdStatsResult {
        Objects.requireNonNull(levels, "levels");
        if (counts.length != levels.count()) {
            throw new IllegalArgumentException(counts.length + " rows of counts for " + levels.count() + " levels");
        }
        minima = List.copyOf(minima);
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** The share of runs at level {@code level} that ended at minimum {@code m}. */
    public double share(int level, int m) {
        return counts[level][m] / (double) runs;
    }

    public double divergedShare(int level) {
        return counts[level][minima.size()] / (double) runs;
    }

    public double unconvergedShare(int level) {
        return counts[level][minima.size() + 1] / (double) runs;
    }
}

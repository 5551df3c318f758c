package dev.losslab.app.cli;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.net.Batches;
import dev.losslab.core.net.Training;
import dev.losslab.core.optim.OptimizerKind;
import java.util.List;
import java.util.Locale;

/**
 * The runs of a sweep over training runs: every combination of an optimizer, a learning rate, a
 * batch size and a seed, numbered in one fixed order, the seed varying fastest:
 * <pre>
 *   run r = ((o·L + l)·B + b)·S + s     for optimizer o of O, lr l of L, batch size b of B, seed s of S
 * </pre>
 * so runs 0 … S − 1 are the first setting's seeds. The number of a run depends only on the lists, so
 * it names the same run on every machine that runs a shard ({@link Shard}).
 *
 * @param optimizers the optimizers, in the order given
 * @param lrs        the learning rates, in the order given; empty for each optimizer's default
 *                   ({@link Training#defaultLearningRate}), one value per optimizer
 * @param batchSizes the batch sizes, in the order given
 * @param seeds      the seeds, in the order given: each run's initial weights (without --init) and minibatches
 */
record TrainSweep(List<OptimizerKind> optimizers, List<Double> lrs, List<BatchSize> batchSizes, List<Long> seeds) {

    /** Most runs in one sweep, whatever the shards: a table a person can still read through. */
    static final int MAX_RUNS = 10_000;

    /**
     * Rows per update: B of them, or every row ({@code full}, plain gradient descent).
     *
     * @param rows B, or 0 for every row
     */
    record BatchSize(int rows) {
        static final BatchSize FULL = new BatchSize(0);

        /** The rows of each update of a run seeded with {@code seed}. */
        Batches batches(long seed) {
            return rows == 0 ? new Batches.Full() : new Batches.Sampled(rows, seed);
        }

        /** "16" or "full", as {@code --batch-sizes} takes it and the table shows it. */
        String label() {
            return rows == 0 ? "full" : Integer.toString(rows);
        }
    }

    /**
     * One run of the sweep.
     *
     * @param index its number, 0 … runs − 1
     * @param lr    the learning rate, the optimizer's default when the sweep lists none
     */
    record Run(int index, OptimizerKind optimizer, double lr, BatchSize batchSize, long seed) {}

    TrainSweep {
        optimizers = List.copyOf(optimizers);
        lrs = List.copyOf(lrs);
        batchSizes = List.copyOf(batchSizes);
        seeds = List.copyOf(seeds);
        if (optimizers.isEmpty() || batchSizes.isEmpty() || seeds.isEmpty()) {
            throw new IllegalArgumentException("a sweep needs at least one optimizer, batch size and seed");
        }
        // The fields are not set yet in a compact constructor: count from the parameters.
        int lrCount = Math.max(1, lrs.size());
        long runs = (long) optimizers.size() * lrCount * batchSizes.size() * seeds.size();
        if (runs > MAX_RUNS) {
            throw new InvalidInputException("optimizers", String.format(Locale.ROOT,
                    "%d optimizers × %d lrs × %d batch sizes × %d seeds make %,d runs, more than the %,d a sweep may have",
                    optimizers.size(), lrCount, batchSizes.size(), seeds.size(), runs, MAX_RUNS));
        }
    }

    private int lrCount() {
        return Math.max(1, lrs.size());
    }

    /** How many runs: O × L × B × S. */
    int runs() {
        return optimizers.size() * lrCount() * batchSizes.size() * seeds.size();
    }

    /** Run {@code r}, by the order above. */
    Run run(int r) {
        if (r < 0 || r >= runs()) {
            throw new IndexOutOfBoundsException("run " + r + " of " + runs());
        }
        int s = r % seeds.size();
        int b = r / seeds.size() % batchSizes.size();
        int l = r / (seeds.size() * batchSizes.size()) % lrCount();
        int o = r / (seeds.size() * batchSizes.size() * lrCount());
        OptimizerKind kind = optimizers.get(o);
        double lr = lrs.isEmpty() ? Training.defaultLearningRate(kind) : lrs.get(l);
        return new Run(r, kind, lr, batchSizes.get(b), seeds.get(s));
    }
}

package dev.losslab.core.maps;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.surface.MinibatchSurface;
import java.util.List;
import java.util.Objects;

/**
 * What SGD statistics vary from level to level, and so where each run's noise comes from: Gaussian
 * noise σ added to every gradient coordinate ({@link Noise}), or, on a surface made of data, the
 * minibatch size B each step's gradient is estimated from ({@link BatchSizes}). A level is nothing
 * but a variant of the run spec ({@link #at}), so {@link SgdStats} runs every kind through one loop.
 */
public sealed interface SgdLevels {

    /** How many levels. */
    int count();

    /** Level {@code level}'s value: σ, or B. */
    double value(int level);

    /** Every level's value, in order. */
    default double[] values() {
        double[] v = new double[count()];
        for (int level = 0; level < v.length; level++) {
            v[level] = value(level);
        }
        return v;
    }

    /** {@code spec} at level {@code level}: its noise, or its batch size with no Gaussian noise; the rest unchanged. */
    RunSpec at(RunSpec spec, int level);

    /**
     * Fails, naming the field, when a level cannot be run as {@code spec}: a σ below 0; a batch size
     * on a formula, or outside [1, n].
     */
    void check(RunSpec spec);

    static Noise noise(Axis sigmas) {
        return new Noise(sigmas);
    }

    static BatchSizes batchSizes(List<Integer> sizes) {
        return new BatchSizes(sizes);
    }

    /** Noise levels σ ≥ 0; each run adds N(0, σ²) to every coordinate of every gradient. */
    record Noise(Axis sigmas) implements SgdLevels {

        /** The field bad levels are reported under, as the CLI ({@code --noise}) and the API spell it. */
        public static final String FIELD = "noise";

        public Noise {
            Objects.requireNonNull(sigmas, "sigmas");
        }

        @Override
        public int count() {
            return sigmas.count();
        }

        @Override
        public double value(int level) {
            return sigmas.value(level);
        }

        @Override
        public RunSpec at(RunSpec spec, int level) {
            return spec.withNoise(value(level), spec.seed());
        }

        @Override
        public void check(RunSpec spec) {
            for (double sigma : sigmas.values()) {
                if (!(sigma >= 0)) {
                    throw InvalidInputException.outOfRange(FIELD, ">= 0", sigma);
                }
            }
        }
    }

    /**
     * Minibatch sizes B, in the order given, on a surface made of data ({@link MinibatchSurface}) of n
     * examples: each step's gradient is the mean over B examples drawn without replacement, with
     * no Gaussian noise. B = n is the exact gradient (no random numbers drawn, so every seed runs the
     * same full-batch run).
     */
    record BatchSizes(List<Integer> sizes) implements SgdLevels {

        /** The field bad levels are reported under, as the CLI ({@code --batch-sizes}) and the API spell it. */
        public static final String FIELD = "batch-sizes";

        public BatchSizes {
            sizes = List.copyOf(sizes);
            if (sizes.isEmpty() || sizes.size() > Axis.MAX_COUNT) {
                throw new InvalidInputException(FIELD, FIELD + " takes 1 to " + Axis.MAX_COUNT + " sizes, got " + sizes.size());
            }
        }

        @Override
        public int count() {
            return sizes.size();
        }

        @Override
        public double value(int level) {
            return sizes.get(level);
        }

        /** B of level {@code level}. */
        public int size(int level) {
            return sizes.get(level);
        }

        @Override
        public RunSpec at(RunSpec spec, int level) {
            return spec.withNoise(0, spec.seed()).withBatchSize(size(level), spec.seed());
        }

        @Override
        public void check(RunSpec spec) {
            if (!(spec.landscape().surface() instanceof MinibatchSurface data)) {
                throw new InvalidInputException(FIELD, FIELD + " need a surface made of data (regression:…, logistic:…); "
                        + spec.landscape().name() + " is a formula, whose SGD noise is swept with noise (σ)");
            }
            for (int b : sizes) {
                if (b < 1 || b > data.examples()) {
                    throw InvalidInputException.outOfRange(FIELD, "in [1, " + data.examples() + "] (the examples in "
                            + spec.landscape().name() + ")", b);
                }
            }
        }
    }
}

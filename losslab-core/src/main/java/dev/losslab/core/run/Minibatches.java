package dev.losslab.core.run;

import java.util.SplittableRandom;

/**
 * One point's minibatches: sampling without replacement, reshuffled each epoch, as a PyTorch
 * {@code DataLoader(shuffle=True, drop_last=True)} draws them. Each epoch is a fresh random
 * permutation of the n examples (Fisher–Yates, from the point's own seeded generator); its batches
 * are consecutive runs of B examples; the n mod B examples left at an epoch's end sit that epoch
 * out (the next permutation draws from all n again), so every batch has exactly B distinct
 * examples and every example is equally likely in every batch.
 */
public final class Minibatches {

    private final int[] order;
    private final int size;
    private final SplittableRandom random;
    private int next;

    /**
     * @param examples n
     * @param size     B, in [1, n]
     * @param random   the point's generator (shared with its Gaussian noise, if any)
     */
    public Minibatches(int examples, int size, SplittableRandom random) {
        this.order = new int[examples];
        for (int i = 0; i < examples; i++) {
            order[i] = i;
        }
        this.size = size;
        this.random = random;
        this.next = examples; // the first call shuffles
    }

    /** Advances to the next batch: its examples are {@link #rows()}[from … from + B − 1]; returns from. */
    public int next() {
        if (next + size > order.length) {
            shuffle();
            next = 0;
        }
        int from = next;
        next += size;
        return from;
    }

    /** The current permutation of the examples. */
    public int[] rows() {
        return order;
    }

    public int size() {
        return size;
    }

    /** Fisher–Yates: every permutation equally likely. */
    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}

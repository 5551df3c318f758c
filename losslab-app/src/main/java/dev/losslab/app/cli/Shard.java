package dev.losslab.app.cli;

import dev.losslab.core.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shard i of n of a sweep ({@code --shard i/n}): the runs whose index r has r mod n = i − 1. Dealt
 * round-robin, the n shards are disjoint, their union is every run, and their sizes differ by at most
 * one; neighbouring runs (the seeds of one setting) land on different shards, so a slow setting is
 * shared out too. i counts from 1, as SLURM's {@code SLURM_ARRAY_TASK_ID} does with {@code --array=1-n}.
 *
 * @param index i, in 1 … n
 * @param count n, at least 1
 */
record Shard(int index, int count) {

    /** Every run: no --shard. */
    static final Shard ALL = new Shard(1, 1);

    private static final Pattern FORM = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    Shard {
        if (count < 1 || index < 1 || index > count) {
            throw new InvalidInputException("shard", "--shard i/n needs 1 ≤ i ≤ n, got " + index + "/" + count
                    + (index == 0 ? " (i counts from 1: a 0-based index such as Kubernetes' JOB_COMPLETION_INDEX needs + 1)" : ""));
        }
    }

    /** "2/8" → shard 2 of 8. */
    static Shard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidInputException("shard", "--shard expects i/n, such as 2/8 (shard 2 of 8, counting from 1), got '"
                    + text + "'");
        }
        return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** True when run {@code run} is this shard's. */
    boolean has(int run) {
        return run % count == index - 1;
    }

    /** How many of {@code runs} runs (indices 0 … runs − 1) are this shard's. */
    int size(int runs) {
        return runs / count + (index - 1 < runs % count ? 1 : 0);
    }

    /** The index of this shard's k-th run (k from 0). */
    int run(int k) {
        return k * count + index - 1;
    }

    String label() {
        return index + "/" + count;
    }
}

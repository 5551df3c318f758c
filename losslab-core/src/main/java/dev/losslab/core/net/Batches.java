package dev.losslab.core.net;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.run.Minibatches;
import java.util.List;
import java.util.SplittableRandom;

/** Which rows each update of a training run sees. */
public sealed interface Batches {

    /** Every row at every update: gradient descent on the full-data loss. */
    record Full() implements Batches {}

    /**
     * B rows at each update, sampled without replacement and reshuffled each epoch from a generator
     * seeded with {@code seed} ({@link Minibatches}, a {@code DataLoader(shuffle=True, drop_last=True)}).
     */
    record Sampled(int size, long seed) implements Batches {}

    /** The rows of update k are {@code batches.get(k)}, as a {@code --batches} file lists them. */
    record Listed(List<int[]> batches) implements Batches {
        public Listed {
            batches = List.copyOf(batches);
        }
    }

    /**
     * Checks these batches against {@code rows} examples and {@code steps} updates.
     *
     * @throws InvalidInputException naming the option at fault
     */
    default void check(int rows, int steps) {
        switch (this) {
            case Full f -> { }
            case Sampled s -> {
                if (s.size() < 1 || s.size() > rows) {
                    throw InvalidInputException.outOfRange("batch-size", "in 1 … " + rows + " (the rows)", s.size());
                }
            }
            case Listed l -> {
                if (l.batches().size() < steps) {
                    throw new InvalidInputException("batches", "the file lists " + l.batches().size()
                            + " batches, fewer than the " + steps + " steps asked for");
                }
                for (int k = 0; k < l.batches().size(); k++) {
                    int[] batch = l.batches().get(k);
                    if (batch.length == 0) {
                        throw new InvalidInputException("batches", "batch " + k + " is empty");
                    }
                    for (int r : batch) {
                        if (r < 0 || r >= rows) {
                            throw new InvalidInputException("batches", "batch " + k + " has row " + r
                                    + ", not in 0 … " + (rows - 1));
                        }
                    }
                }
            }
        }
    }

    /** The rows an update averages over: rows[from … from + count − 1], or rows 0 … count − 1 when rows is null. */
    record Draw(int[] rows, int from, int count) {}

    /** One run's draws, update by update. */
    interface Drawer {
        /** The rows of update k (k = 0, 1, … in order). */
        Draw draw(int k);
    }

    /** A fresh sequence of draws over {@code rows} examples. */
    default Drawer drawer(int rows) {
        return switch (this) {
            case Full f -> k -> new Draw(null, 0, rows);
            case Sampled s -> {
                Minibatches minibatches = new Minibatches(rows, s.size(), new SplittableRandom(s.seed()));
                yield k -> {
                    int from = minibatches.next();
                    return new Draw(minibatches.rows(), from, s.size());
                };
            }
            case Listed l -> k -> new Draw(l.batches().get(k), 0, l.batches().get(k).length);
        };
    }
}

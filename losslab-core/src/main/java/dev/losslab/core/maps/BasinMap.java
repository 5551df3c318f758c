package dev.losslab.core.maps;

import dev.losslab.core.surface.Minimum;
import java.util.List;
import java.util.Objects;

/**
 * Where every start of a grid ends: for each cell, the label of its basin — the index of the known
 * minimum it ends at, {@link #DIVERGED} or {@link #UNCONVERGED} — and the updates its run took.
 * See {@link Basins} for the rule. Immutable: the arrays are private and never handed out.
 */
public final class BasinMap {

    /** The run diverged (a non-finite or huge coordinate, loss or gradient). */
    public static final byte DIVERGED = -1;
    /** The run ended away from every known minimum: still moving at the step limit, or stopped elsewhere. */
    public static final byte UNCONVERGED = -2;

    private final Grid grid;
    private final List<Minimum> minima;
    private final byte[] labels;
    private final int[] steps;
    private final int[] counts;
    private final int diverged;
    private final int unconverged;

    BasinMap(Grid grid, List<Minimum> minima, byte[] labels, int[] steps) {
        this.grid = Objects.requireNonNull(grid);
        this.minima = List.copyOf(minima);
        this.labels = labels;
        this.steps = steps;
        this.counts = new int[minima.size()];
        int d = 0;
        int u = 0;
        for (byte label : labels) {
            switch (label) {
                case DIVERGED -> d++;
                case UNCONVERGED -> u++;
                default -> counts[label]++;
            }
        }
        this.diverged = d;
        this.unconverged = u;
    }

    public Grid grid() {
        return grid;
    }

    /** The known minima, in the landscape's order: label m means {@code minima().get(m)}. */
    public List<Minimum> minima() {
        return minima;
    }

    /** The label of the start (x_i, y_j). */
    public byte label(int i, int j) {
        return labels[j * grid.columns() + i];
    }

    /** The updates the run from (x_i, y_j) took before it stopped. */
    public int steps(int i, int j) {
        return steps[j * grid.columns() + i];
    }

    /** The updates taken in all, over every start: the work the map did. */
    public long updates() {
        long sum = 0;
        for (int s : steps) {
            sum += s;
        }
        return sum;
    }

    /** How many starts ended at minimum {@code m}. */
    public int count(int m) {
        return counts[m];
    }

    /** The fraction of starts that ended at minimum {@code m}. */
    public double share(int m) {
        return counts[m] / (double) labels.length;
    }

    public double divergedShare() {
        return diverged / (double) labels.length;
    }

    public double unconvergedShare() {
        return unconverged / (double) labels.length;
    }

    /** True when both maps have the same grid, minima and labels (steps aside). */
    public boolean sameLabels(BasinMap other) {
        return grid.equals(other.grid) && minima.equals(other.minima) && java.util.Arrays.equals(labels, other.labels);
    }
}

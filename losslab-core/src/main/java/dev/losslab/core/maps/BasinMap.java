package dev.losslab.core.maps;

import dev.losslab.core.analysis.CurvatureKind;
import dev.losslab.core.run.EndPoint;
import dev.losslab.core.surface.Minimum;
import java.util.List;
import java.util.Objects;

/**
 * Where every start of a grid ends: for each cell, the label of its basin — the index of the minimum
 * it ends at (numbered as {@link dev.losslab.core.run.Destinations#minima()}: the listed ones, then
 * the others found), {@link #SADDLE}, {@link #MAXIMUM}, {@link #DIVERGED} or {@link #UNCONVERGED} —
 * and the updates its run took. See {@link Basins} for the rule. Immutable: the arrays are private
 * and never handed out.
 */
public final class BasinMap {

    /** The run diverged (a non-finite or huge coordinate, loss or gradient). */
    public static final short DIVERGED = -1;
    /** The run ended away from every critical point: still moving at the step limit, or stopped elsewhere. */
    public static final short UNCONVERGED = -2;
    /** The run ended at (or stuck near) a saddle, or a degenerate critical point. */
    public static final short SADDLE = -3;
    /** The run ended at (or stuck near) a maximum. */
    public static final short MAXIMUM = -4;

    private final Grid grid;
    private final List<Minimum> minima;
    private final int listed;
    private final short[] labels;
    private final int[] steps;
    private final int[] counts;
    /** Starts per outcome that is not a minimum, by −label − 1: diverged, unconverged, saddle, maximum. */
    private final int[] others = new int[4];

    /**
     * @param minima every numbered minimum; label m means {@code minima.get(m)}
     * @param listed how many of them, the first, the landscape lists
     */
    BasinMap(Grid grid, List<Minimum> minima, int listed, short[] labels, int[] steps) {
        this.grid = Objects.requireNonNull(grid);
        this.minima = List.copyOf(minima);
        this.listed = listed;
        this.labels = labels;
        this.steps = steps;
        this.counts = new int[minima.size()];
        for (short label : labels) {
            if (label >= 0) {
                counts[label]++;
            } else {
                others[-label - 1]++;
            }
        }
    }

    /** The label of a run that ended at {@code end}. */
    static short label(EndPoint end) {
        return switch (end) {
            case EndPoint.AtMinimum m -> (short) (m.number() - 1);
            case EndPoint.NearMinimum m -> (short) (m.number() - 1);
            case EndPoint.AtCriticalPoint p -> p.kind() == CurvatureKind.MAXIMUM ? MAXIMUM
                    // a minimum outside the window, where nothing was searched or numbered
                    : p.kind() == CurvatureKind.MINIMUM ? UNCONVERGED : SADDLE;
            case EndPoint.Diverged d -> DIVERGED;
            case EndPoint.Unsettled u -> UNCONVERGED;
        };
    }

    public Grid grid() {
        return grid;
    }

    /** The numbered minima, the listed ones first: label m means {@code minima().get(m)}. */
    public List<Minimum> minima() {
        return minima;
    }

    /** How many of {@link #minima()}, the first ones, the landscape lists. */
    public int listedCount() {
        return listed;
    }

    /** The label of the start (x_i, y_j). */
    public short label(int i, int j) {
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
        return share(DIVERGED);
    }

    public double unconvergedShare() {
        return share(UNCONVERGED);
    }

    /** The fraction of starts that ended at (or stuck near) a saddle or a degenerate critical point. */
    public double saddleShare() {
        return share(SADDLE);
    }

    /** The fraction of starts that ended at (or stuck near) a maximum. */
    public double maximumShare() {
        return share(MAXIMUM);
    }

    private double share(short outcome) {
        return others[-outcome - 1] / (double) labels.length;
    }

    /** True when both maps have the same grid, minima and labels (steps aside). */
    public boolean sameLabels(BasinMap other) {
        return grid.equals(other.grid) && minima.equals(other.minima) && java.util.Arrays.equals(labels, other.labels);
    }
}

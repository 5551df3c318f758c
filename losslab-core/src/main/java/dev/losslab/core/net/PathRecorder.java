package dev.losslab.core.net;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a training run's path θ_0, θ_s, θ_2s, … and its last θ, as a {@link Training.Observer}:
 * what a slice projects and what its PCA directions are fitted to.
 *
 * <p>Every s-th step, not every step: a path of T steps of N parameters is (T + 1)·N numbers, and
 * T may be a million. The stride s is the smallest that keeps at most {@link #MAX_POINTS} points
 * and {@link #MAX_VALUES} numbers (so PCA's Gram matrix, M²·N work, stays small); the last step
 * reached is always kept, whatever its index. Recorders that keep the paths of one race together
 * share the numbers: each of P keeps at most MAX_VALUES/P.
 */
public final class PathRecorder implements Training.Observer {

    /** Most points kept: enough to draw a path, few enough for PCA's M×M Gram matrix (M²·N work). */
    public static final int MAX_POINTS = 201;
    /** Most numbers kept, (points)·N: 32 MB. */
    public static final long MAX_VALUES = 4_000_000;

    /** θ_k and the full-data loss there. */
    public record Point(int step, double loss, double[] theta) {}

    private final int every;
    private final List<Point> points = new ArrayList<>();
    private Point last;

    /** For a run of up to {@code steps} steps of {@code parameters} parameters. */
    public PathRecorder(int steps, int parameters) {
        this(steps, parameters, 1);
    }

    /** For one of {@code paths} runs of up to {@code steps} steps recorded together, sharing the numbers kept. */
    public PathRecorder(int steps, int parameters, int paths) {
        this.every = stride(steps, parameters, paths);
    }

    /** s: the smallest stride that keeps θ_0, θ_s, … and θ_T within the bounds. */
    public static int stride(int steps, int parameters) {
        return stride(steps, parameters, 1);
    }

    /** s for one of {@code paths} runs recorded together. */
    public static int stride(int steps, int parameters, int paths) {
        long most = Math.min(MAX_POINTS, Math.max(2, MAX_VALUES / Math.max(1, paths) / Math.max(1, parameters)));
        // Steps 0, s, …, ⌊T/s⌋·s and T: at least ⌈T/(most − 1)⌉, one more when T is not a multiple.
        int s = (int) Math.max(1, -Math.floorDiv(-(long) steps, most - 1));
        while (EveryKthStep.count(steps, s) > most) {
            s++;
        }
        return s;
    }

    /** The most points a run of {@code steps} steps of {@code parameters} parameters leaves. */
    public static int pointsFor(int steps, int parameters) {
        return pointsFor(steps, parameters, 1);
    }

    /** The most points each of {@code paths} runs recorded together leaves. */
    public static int pointsFor(int steps, int parameters, int paths) {
        return EveryKthStep.count(steps, stride(steps, parameters, paths));
    }

    @Override
    public void reached(TrainStep step, double[] theta) {
        last = new Point(step.step(), step.loss(), theta.clone());
        if (step.step() % every == 0) {
            points.add(last);
        }
    }

    public int every() {
        return every;
    }

    /** The last θ reached with a finite loss: the trained point (also when the run diverged after it). */
    public Point last() {
        if (last == null) {
            throw new IllegalStateException("no step was recorded");
        }
        return last;
    }

    /** θ_0, θ_s, θ_2s, …, and the last θ reached. */
    public List<Point> path() {
        List<Point> path = new ArrayList<>(points);
        if (last != null && (path.isEmpty() || path.getLast() != last)) {
            path.add(last);
        }
        return path;
    }

    /** The path's θs alone. */
    public List<double[]> thetas() {
        return path().stream().map(Point::theta).toList();
    }
}

package dev.losslab.core.analysis;

import static dev.losslab.core.analysis.CriticalPoints.CONNECTED_FRACTION;
import static dev.losslab.core.analysis.CriticalPoints.SEGMENT_SAMPLES;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the roots that many seeds reached into one point per critical point.
 *
 * <p>Roots are taken best-converged first (smallest ‖∇f‖, then seed order); a root is dropped as a
 * duplicate of a point already kept, at distance d, when
 * <pre>
 *   d &lt; mergeFraction · span                                      (the same simple root), or
 *   d &lt; CONNECTED_FRACTION · span  and  ‖∇f‖ ≤ tolerance at SEGMENT_SAMPLES points
 *                                      evenly spaced on the segment between them
 * </pre>
 * The second rule is for degenerate roots. Where f grows like uⁿ along a direction u (n ≥ 4),
 * rounding in ∇f hides the root within a region of radius about (ε·‖p‖/n)^(1/(n−2)), up to
 * 10⁻³ of the span for n = 8, and seeds stop anywhere in it. Two distinct simple roots d apart
 * have ‖∇f‖ ≈ |λ|·d/2 between them, far above tolerance, so the rule does not join them.
 */
final class RootMerger {

    private final Surface surface;
    private final Window window;
    private final double distance;
    private final double connectedDistance;
    private final double tolerance;

    RootMerger(Surface surface, Window window, double mergeFraction, double tolerance) {
        this.surface = surface;
        this.window = window;
        this.distance = mergeFraction * window.span();
        this.connectedDistance = CONNECTED_FRACTION * window.span();
        this.tolerance = tolerance;
    }

    /**
     * One point per critical point, in the order kept. Kept points are bucketed in square cells
     * {@code connectedDistance} wide, so each root is compared only with those of 3 × 3 cells.
     */
    List<Vec2> merge(List<NewtonOnGradient.Root> roots) {
        List<NewtonOnGradient.Root> ordered = new ArrayList<>(roots);
        ordered.sort(Comparator.comparingDouble(NewtonOnGradient.Root::gradientNorm)
                .thenComparingInt(NewtonOnGradient.Root::seed));
        List<Vec2> kept = new ArrayList<>();
        Map<Long, List<Vec2>> cells = new HashMap<>();
        for (NewtonOnGradient.Root root : ordered) {
            Vec2 p = root.at();
            long cx = (long) Math.floor((p.x() - window.xMin()) / connectedDistance);
            long cy = (long) Math.floor((p.y() - window.yMin()) / connectedDistance);
            if (!isDuplicate(cells, cx, cy, p)) {
                kept.add(p);
                cells.computeIfAbsent(cellKey(cx, cy), k -> new ArrayList<>()).add(p);
            }
        }
        return kept;
    }

    private boolean isDuplicate(Map<Long, List<Vec2>> cells, long cx, long cy, Vec2 p) {
        for (long i = cx - 1; i <= cx + 1; i++) {
            for (long j = cy - 1; j <= cy + 1; j++) {
                for (Vec2 k : cells.getOrDefault(cellKey(i, j), List.of())) {
                    double d = k.distanceTo(p);
                    if (d < distance || (d < connectedDistance && flatBetween(k, p))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether ‖∇f‖ ≤ tolerance at SEGMENT_SAMPLES evenly spaced interior points of [a, b]. */
    private boolean flatBetween(Vec2 a, Vec2 b) {
        double[] g = new double[2];
        for (int i = 1; i <= SEGMENT_SAMPLES; i++) {
            double t = (double) i / (SEGMENT_SAMPLES + 1);
            surface.valueAndGradient(a.x() + t * (b.x() - a.x()), a.y() + t * (b.y() - a.y()), g);
            if (!(Math.hypot(g[0], g[1]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }

    /** Cells are at most 1/CONNECTED_FRACTION + 1 = 101 per axis inside the window: keys are unique. */
    private static long cellKey(long cx, long cy) {
        return cx * 1_000L + cy;
    }
}

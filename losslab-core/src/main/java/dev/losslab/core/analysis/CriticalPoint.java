package dev.losslab.core.analysis;

import dev.losslab.core.surface.Vec2;
import java.util.Objects;

/**
 * A point where ∇f = 0 (to the search's tolerance), found by {@link CriticalPoints}, with the
 * analysis of f there. Its {@link #kind()} is then a true classification: a local minimum, a local
 * maximum, a saddle, or degenerate (second derivatives cannot tell).
 */
public record CriticalPoint(PointAnalysis analysis) {

    public CriticalPoint {
        Objects.requireNonNull(analysis, "analysis");
    }

    public Vec2 at() {
        return analysis.point();
    }

    public double x() {
        return analysis.point().x();
    }

    public double y() {
        return analysis.point().y();
    }

    public double value() {
        return analysis.value();
    }

    public CurvatureKind kind() {
        return analysis.kind();
    }
}

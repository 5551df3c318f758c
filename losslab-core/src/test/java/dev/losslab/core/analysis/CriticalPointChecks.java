package dev.losslab.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Assertions shared by the critical-point tests. */
final class CriticalPointChecks {

    private CriticalPointChecks() {}

    /**
     * Inside the window, ‖∇f‖ ≤ maxGradient, f and ∇f as the surface gives them there, no two points
     * closer than the default merge distance, sorted by value then x then y.
     */
    static void assertWellFormed(
            List<CriticalPoint> points, Surface surface, Window window, double maxGradient) {
        double mergeDistance = CriticalPointOptions.DEFAULTS.mergeFraction() * window.span();
        for (CriticalPoint p : points) {
            assertThat(window.contains(p.at())).as("%s inside", p.at()).isTrue();
            assertThat(p.analysis().gradientNorm()).as("‖∇f‖ at %s", p.at()).isLessThanOrEqualTo(maxGradient);
            assertThat(surface.gradient(p.at()).norm()).isEqualTo(p.analysis().gradientNorm());
            assertThat(p.value()).isEqualTo(surface.value(p.at()));
        }
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                Vec2 a = points.get(i).at(), b = points.get(j).at();
                if (a.distanceTo(b) < mergeDistance) {
                    throw new AssertionError("points " + a + " and " + b + " are closer than " + mergeDistance);
                }
            }
        }
        assertThat(points).isSortedAccordingTo(Comparator.comparingDouble(CriticalPoint::value)
                .thenComparingDouble(CriticalPoint::x)
                .thenComparingDouble(CriticalPoint::y));
    }

    static Map<CurvatureKind, Long> countByKind(List<CriticalPoint> points) {
        Map<CurvatureKind, Long> counts = new EnumMap<>(CurvatureKind.class);
        points.forEach(p -> counts.merge(p.kind(), 1L, Long::sum));
        return counts;
    }

    static CriticalPoint nearest(List<CriticalPoint> points, Vec2 target) {
        return points.stream().min(Comparator.comparingDouble(p -> p.at().distanceTo(target))).orElseThrow();
    }
}

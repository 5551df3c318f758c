package dev.losslab.core.field;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.PointwiseSurface;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Window;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Contour lines against curves known in closed form, and the saddle-cell rule by hand. */
class MarchingSquaresTest {

    /** A surface from f alone: enough for sampling (derivatives are never asked for here). */
    static Surface surface(DoubleBinaryOperator f) {
        return new PointwiseSurface() {
            @Override
            public double value(double x, double y) {
                return f.applyAsDouble(x, y);
            }

            @Override
            public double valueAndGradient(double x, double y, double[] gradient) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Sym2 hessian(double x, double y) {
                throw new UnsupportedOperationException();
            }
        };
    }

    static final Surface CONE = surface((x, y) -> x * x + y * y);

    @ParameterizedTest(name = "level {0}: radius {1}")
    @CsvSource({"1, 1", "2.25, 1.5", "0.09, 0.3", "3.24, 1.8"})
    void coneContoursAreClosedCirclesOfRadiusSqrtLevel(double level, double radius) {
        SampledField field = SampledField.sample(CONE, Window.square(2), 101);
        List<double[]> paths = new MarchingSquares(field).trace(level);
        assertThat(paths).hasSize(1);
        double[] circle = paths.getFirst();
        int points = circle.length / 2;
        assertThat(points).as("a polyline, not a handful of points").isGreaterThan(20);
        // Linear interpolation of r² along an edge of length h = 0.04 errs by at most h²/(8r).
        for (int k = 0; k < points; k++) {
            assertThat(Math.hypot(circle[2 * k], circle[2 * k + 1])).isCloseTo(radius, within(0.04 * 0.04 / (8 * radius) + 1e-12));
        }
        assertThat(circle[0]).as("closed: the first point is repeated at the end").isEqualTo(circle[2 * points - 2]);
        assertThat(circle[1]).isEqualTo(circle[2 * points - 1]);
        // Consecutive points are neighbours on the circle, so the path goes round once.
        double length = 0;
        for (int k = 1; k < points; k++) {
            length += Math.hypot(circle[2 * k] - circle[2 * k - 2], circle[2 * k + 1] - circle[2 * k - 1]);
        }
        assertThat(length).isCloseTo(2 * Math.PI * radius, within(0.02 * radius));
    }

    @Test
    void aCircleCutByTheWindowGivesFourOpenArcsEndingOnTheBorder() {
        SampledField field = SampledField.sample(CONE, Window.square(2), 81);
        List<double[]> arcs = new MarchingSquares(field).trace(5); // radius √5 > 2: only the corners
        assertThat(arcs).hasSize(4);
        for (double[] arc : arcs) {
            int n = arc.length / 2;
            assertThat(onBorder(arc[0], arc[1])).isTrue();
            assertThat(onBorder(arc[2 * n - 2], arc[2 * n - 1])).isTrue();
            for (int k = 0; k < n; k++) {
                assertThat(Math.hypot(arc[2 * k], arc[2 * k + 1])).isCloseTo(Math.sqrt(5), within(1e-3));
            }
        }
    }

    private static boolean onBorder(double x, double y) {
        return Math.abs(Math.abs(x) - 2) < 1e-12 || Math.abs(Math.abs(y) - 2) < 1e-12;
    }

    @Test
    void saddleLevelSetsAreTheTwoBranchesOfAHyperbola() {
        Surface saddle = surface((x, y) -> x * x - y * y);
        SampledField field = SampledField.sample(saddle, Window.square(2), 60);
        for (double level : new double[] {0.5, -0.5}) {
            List<double[]> branches = new MarchingSquares(field).trace(level);
            assertThat(branches).as("x² − y² = " + level).hasSize(2);
            for (double[] branch : branches) {
                for (int k = 0; k < branch.length / 2; k++) {
                    double x = branch[2 * k];
                    double y = branch[2 * k + 1];
                    assertThat(x * x - y * y).isCloseTo(level, within(2e-3));
                    // Each branch stays on its own side: x ≠ 0 on x² − y² = 0.5, y ≠ 0 on −0.5.
                    assertThat(level > 0 ? Math.abs(x) : Math.abs(y)).isGreaterThanOrEqualTo(Math.sqrt(0.5) - 1e-3);
                }
            }
        }
    }

    /** One cell: a = 1 at (0,0), b = 0 at (1,0), c = 1 at (1,1), d = 0 at (0,1); centre value 0.5. */
    static SampledField saddleCell() {
        return new SampledField(Window.of(0, 1, 0, 1), 2, new double[] {1, 0, 0, 1});
    }

    @Test
    void anAmbiguousCellWithItsCentreAboveJoinsTheHighCornersAndCutsOffTheLowOnes() {
        List<double[]> paths = new MarchingSquares(saddleCell()).trace(0.4); // centre 0.5 ≥ 0.4
        assertThat(paths).hasSize(2);
        // Around b = (1, 0): from the bottom edge at x = 0.6 to the right edge at y = 0.4 (or reversed).
        assertThat(paths).anySatisfy(p -> assertThat(sorted(p)).containsExactly(0.0, 0.4, 0.6, 1.0));
        // Around d = (0, 1): left edge y = 0.6, top edge x = 0.4.
        assertThat(paths).anySatisfy(p -> assertThat(sorted(p)).containsExactly(0.0, 0.4, 0.6, 1.0));
        assertThat(paths).allSatisfy(p -> assertThat(nearCorner(p, 1, 0) || nearCorner(p, 0, 1)).isTrue());
    }

    @Test
    void anAmbiguousCellWithItsCentreBelowCutsOffTheHighCorners() {
        List<double[]> paths = new MarchingSquares(saddleCell()).trace(0.6); // centre 0.5 < 0.6
        assertThat(paths).hasSize(2);
        assertThat(paths).allSatisfy(p -> assertThat(nearCorner(p, 0, 0) || nearCorner(p, 1, 1)).isTrue());
        assertThat(paths).anySatisfy(p -> assertThat(nearCorner(p, 0, 0)).isTrue());
        assertThat(paths).anySatisfy(p -> assertThat(nearCorner(p, 1, 1)).isTrue());
    }

    @Test
    void theMirroredAmbiguousCellFollowsTheSameRule() {
        // b = (1, 0) and d = (0, 1) high, a and c low (values row-major: a, b, d, c).
        SampledField cell = new SampledField(Window.of(0, 1, 0, 1), 2, new double[] {0, 1, 1, 0});
        assertThat(new MarchingSquares(cell).trace(0.4))
                .as("centre above: b and d joined, a and c cut off")
                .hasSize(2).allSatisfy(p -> assertThat(nearCorner(p, 0, 0) || nearCorner(p, 1, 1)).isTrue());
        assertThat(new MarchingSquares(cell).trace(0.6))
                .as("centre below: b and d cut off")
                .hasSize(2).allSatisfy(p -> assertThat(nearCorner(p, 1, 0) || nearCorner(p, 0, 1)).isTrue());
    }

    /** Both ends of a two-point path within 0.41 (less than half the diagonal) of a corner. */
    private static boolean nearCorner(double[] p, double cx, double cy) {
        return p.length == 4 && Math.hypot(p[0] - cx, p[1] - cy) < 0.41 && Math.hypot(p[2] - cx, p[3] - cy) < 0.41;
    }

    private static double[] sorted(double[] p) {
        double[] copy = p.clone();
        java.util.Arrays.sort(copy);
        return copy;
    }

    @Test
    void linesStopWhereTheSurfaceIsUndefined() {
        Surface halfCone = surface((x, y) -> x < 0 ? Double.NaN : x * x + y * y);
        SampledField field = SampledField.sample(halfCone, Window.square(2), 81);
        List<double[]> paths = new MarchingSquares(field).trace(1);
        assertThat(paths).hasSize(1);
        double[] arc = paths.getFirst();
        assertThat(arc[1] * arc[arc.length - 1]).as("an open arc from y = ±1 to y = ∓1, not closed through the undefined half")
                .isNegative();
        for (int k = 0; k < arc.length / 2; k++) {
            assertThat(arc[2 * k]).isGreaterThanOrEqualTo(0);
            assertThat(Math.hypot(arc[2 * k], arc[2 * k + 1])).isCloseTo(1, within(1e-3));
        }
    }

    @Test
    void levelsOutsideTheRangeGiveNoLines() {
        SampledField field = SampledField.sample(CONE, Window.square(1), 21);
        assertThat(new MarchingSquares(field).trace(-1)).isEmpty();
        assertThat(new MarchingSquares(field).trace(3)).isEmpty();
    }

    @Test
    void oneTracerServesManyLevelsWithoutCrossTalk() {
        SampledField field = SampledField.sample(CONE, Window.square(2), 41);
        MarchingSquares tracer = new MarchingSquares(field);
        List<double[]> first = tracer.trace(1);
        tracer.trace(2);
        tracer.trace(0.5);
        List<double[]> again = tracer.trace(1);
        assertThat(again).hasSameSizeAs(first);
        assertThat(again.getFirst()).containsExactly(first.getFirst());
    }
}

package dev.losslab.core.analysis;

import static dev.losslab.core.analysis.CriticalPointChecks.assertWellFormed;
import static dev.losslab.core.analysis.CriticalPointChecks.countByKind;
import static dev.losslab.core.analysis.CriticalPointChecks.nearest;
import static dev.losslab.core.analysis.CurvatureKind.DEGENERATE;
import static dev.losslab.core.analysis.CurvatureKind.MAXIMUM;
import static dev.losslab.core.analysis.CurvatureKind.MINIMUM;
import static dev.losslab.core.analysis.CurvatureKind.SADDLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Critical points of surfaces whose critical points are known. Searches are also checked for the
 * invariants of {@link CriticalPointChecks#assertWellFormed}: inside the window, ‖∇f‖ tiny, no two
 * points closer than the merge distance, sorted.
 */
class CriticalPointsTest {

    private static final Landscape HIMMELBLAU = Catalog.get("himmelblau");
    private static final Landscape RASTRIGIN = Catalog.get("rastrigin");
    private static final Landscape MONKEY_SADDLE = Catalog.get("monkey-saddle");

    @Test
    void himmelblauHasFourMinimaOneMaximumFourSaddles() {
        assertThat(HIMMELBLAU.window()).isEqualTo(Window.square(5));
        List<CriticalPoint> points = CriticalPoints.find(HIMMELBLAU);

        assertWellFormed(points, HIMMELBLAU.surface(), HIMMELBLAU.window(), 1e-9);
        assertThat(points).hasSize(9);
        assertThat(countByKind(points)).isEqualTo(Map.of(MINIMUM, 4L, MAXIMUM, 1L, SADDLE, 4L));

        // The four minima (all f = 0) from the literature, to 6 decimals.
        double[][] minima = {{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}};
        for (double[] m : minima) {
            CriticalPoint p = nearest(points, Vec2.of(m[0], m[1]));
            assertThat(p.kind()).isEqualTo(MINIMUM);
            assertThat(p.x()).isCloseTo(m[0], within(1e-6));
            assertThat(p.y()).isCloseTo(m[1], within(1e-6));
            assertThat(p.value()).isCloseTo(0, within(1e-20));
        }
        CriticalPoint maximum = points.stream().filter(p -> p.kind() == MAXIMUM).findFirst().orElseThrow();
        assertThat(maximum.x()).isCloseTo(-0.270845, within(1e-6));
        assertThat(maximum.y()).isCloseTo(-0.923039, within(1e-6));
        assertThat(maximum.value()).isCloseTo(181.617, within(1e-3));
        assertThat(points.getLast()).isEqualTo(maximum);
    }

    @Test
    void monkeySaddleHasOneDegenerateCriticalPoint() {
        assertThat(MONKEY_SADDLE.window()).isEqualTo(Window.square(2));
        List<CriticalPoint> points = CriticalPoints.find(MONKEY_SADDLE);

        assertWellFormed(points, MONKEY_SADDLE.surface(), MONKEY_SADDLE.window(), 1e-12);
        assertThat(points).hasSize(1);
        CriticalPoint centre = points.getFirst();
        assertThat(centre.kind()).isEqualTo(DEGENERATE);
        assertThat(centre.at().norm()).isLessThan(1e-8);
        assertThat(centre.analysis().conditionNumber()).isInfinite();
        assertThat(centre.analysis().maxStableLearningRate()).isEmpty();
    }

    @Test
    void monkeySaddleOffCentreWindowStillFindsIt() {
        Window window = Window.of(-0.3, 1.7, -1.1, 0.4);
        List<CriticalPoint> points = CriticalPoints.find(MONKEY_SADDLE.surface(), window);

        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(DEGENERATE);
            assertThat(p.at().norm()).isLessThan(1e-8);
        });
    }

    /**
     * A monkey saddle centred at (0.3, −0.7) in axes turned by θ: rounding leaves the found
     * centre ~1e-16 away from the true one, where ∇²f has eigenvalues of about ±3e-16 — of equal
     * size, so round by the relative rule, but zero against the window's curvature scale (~10).
     */
    @ParameterizedTest(name = "θ = {0}")
    @ValueSource(doubles = {0.4, 1.0, 2.2})
    void turnedMonkeySaddleIsDegenerateByTheCurvatureScale(double theta) {
        Window window = Window.square(1.5);
        Surface surface = TestSurfaces.turned(TestSurfaces.monkeySaddle(0.3, -0.7), theta);
        Vec2 centre = Vec2.of(
                Math.cos(theta) * 0.3 + Math.sin(theta) * 0.7, Math.sin(theta) * 0.3 - Math.cos(theta) * 0.7);
        List<CriticalPoint> points = CriticalPoints.find(surface, window);

        assertWellFormed(points, surface, window, 1e-12);
        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(DEGENERATE);
            assertThat(p.at().distanceTo(centre)).isLessThan(1e-8);
        });
    }

    @Test
    void doubleWellHasTwoMinimaAndASaddle() {
        List<CriticalPoint> points = CriticalPoints.find(TestSurfaces.DOUBLE_WELL, Window.square(2));

        assertWellFormed(points, TestSurfaces.DOUBLE_WELL, Window.square(2), 1e-12);
        assertThat(points).extracting(CriticalPoint::kind).containsExactly(MINIMUM, MINIMUM, SADDLE);
        assertThat(points).extracting(CriticalPoint::x).containsExactly(-1.0, 1.0, 0.0);
    }

    @Test
    void flatBottomedMinimaAreDegenerate() {
        Window window = Window.of(-1.3, 2.1, -1.7, 0.9);
        for (int n : new int[] {4, 6, 8}) {
            for (double theta : new double[] {0, 0.4, 2.0}) {
                Surface surface = TestSurfaces.turned(TestSurfaces.flatBottom(n), theta);
                List<CriticalPoint> points = CriticalPoints.find(surface, window);

                assertWellFormed(points, surface, window, 1e-12);
                assertThat(points).as("x^%d + y^2 turned by %s", n, theta).singleElement().satisfies(p -> {
                    assertThat(p.kind()).isEqualTo(DEGENERATE);
                    assertThat(p.at().norm()).isLessThan(1e-6);
                });
            }
        }
    }

    @Test
    void bowlHasOneMinimumAtTheOrigin() {
        List<CriticalPoint> points = CriticalPoints.find(Catalog.get("bowl"));

        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(MINIMUM);
            assertThat(p.x()).isCloseTo(0, within(1e-12));
            assertThat(p.y()).isCloseTo(0, within(1e-12));
            assertThat(p.analysis().conditionNumber()).isCloseTo(10, within(1e-12));
        });
    }

    @Test
    void saddleHasOneSaddle() {
        List<CriticalPoint> points = CriticalPoints.find(Catalog.get("saddle"));

        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(SADDLE);
            assertThat(p.at().norm()).isLessThan(1e-12);
        });
    }

    @Test
    void rotatedQuadraticCentreIsFoundAndClassified() {
        Window window = Window.of(-1, 3, -2, 2);
        var surface = new TestSurfaces.RotatedQuadratic(4, -0.25, 0.6, 1.25, -0.5);
        List<CriticalPoint> points = CriticalPoints.find(surface, window);

        assertThat(points).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(SADDLE);
            assertThat(p.x()).isCloseTo(1.25, within(1e-12));
            assertThat(p.y()).isCloseTo(-0.5, within(1e-12));
        });
    }

    @Test
    void rastriginHas441CriticalPoints() {
        assertThat(RASTRIGIN.window()).isEqualTo(Window.square(5.12));
        List<CriticalPoint> points = CriticalPoints.find(RASTRIGIN);

        assertWellFormed(points, RASTRIGIN.surface(), RASTRIGIN.window(), 1e-9);
        assertThat(points).hasSize(441);
        assertThat(countByKind(points)).isEqualTo(Map.of(MINIMUM, 121L, MAXIMUM, 100L, SADDLE, 220L));
        assertThat(points.getFirst().at().norm()).as("global minimum").isLessThan(1e-12);
        assertThat(points.getFirst().value()).isCloseTo(0, within(1e-12));
    }

    /**
     * The independent check of Rastrigin's count: f(x, y) = F(x) + F(y) with
     * F(t) = 10 + t² − 10·cos 2πt, so ∇f = 0 exactly where F'(x) = 0 and F'(y) = 0, and ∇²f =
     * diag(F''(x), F''(y)). A sign-change scan of F' = 2t + 20π·sin 2πt on a 10⁵-step grid finds its
     * 1-D roots; every pair of them must be among the 2-D points, with the kind the two signs of F''
     * give. F' is positive at ±5.12 (F'(5.12) ≈ 53), so no root sits at the window's edge.
     */
    @Test
    void rastriginPointsAreThePairsOfOneDimensionalRoots() {
        List<double[]> roots = new ArrayList<>();
        int steps = 100_003; // odd, so no grid point lands exactly on the root at t = 0
        double previous = derivative(-5.12);
        for (int i = 1; i <= steps; i++) {
            double t = -5.12 + 10.24 * i / steps;
            double current = derivative(t);
            if (Math.signum(current) != Math.signum(previous)) {
                double tPrev = -5.12 + 10.24 * (i - 1) / steps;
                double root = bisect(tPrev, t);
                roots.add(new double[] {root, 2 + 40 * Math.PI * Math.PI * Math.cos(2 * Math.PI * root)});
            }
            previous = current;
        }
        assertThat(roots.stream().filter(r -> r[1] > 0)).as("1-D minima").hasSize(11);
        assertThat(roots.stream().filter(r -> r[1] < 0)).as("1-D maxima").hasSize(10);

        List<CriticalPoint> points = CriticalPoints.find(RASTRIGIN);
        for (double[] rx : roots) {
            for (double[] ry : roots) {
                CriticalPoint p = nearest(points, Vec2.of(rx[0], ry[0]));
                assertThat(p.x()).isCloseTo(rx[0], within(1e-9));
                assertThat(p.y()).isCloseTo(ry[0], within(1e-9));
                CurvatureKind expected = rx[1] > 0 && ry[1] > 0 ? MINIMUM : rx[1] < 0 && ry[1] < 0 ? MAXIMUM : SADDLE;
                assertThat(p.kind()).isEqualTo(expected);
            }
        }
    }

    @Test
    void noCriticalPointGivesAnEmptyList() {
        assertThat(CriticalPoints.find(TestSurfaces.TILTED_TROUGH, Window.square(3))).isEmpty();
    }

    @Test
    void pointsOutsideTheWindowAreLeftOut() {
        var offCentre = new TestSurfaces.RotatedQuadratic(1, 2, 0.3, 2.5, 0);
        assertThat(CriticalPoints.find(offCentre, Window.square(2))).isEmpty();

        // Of Himmelblau's nine points, [0, 5]² holds the minimum (3, 2) and the saddles near
        // (3.385154, 0.073852) and (0.086678, 2.884255).
        List<CriticalPoint> quadrant = CriticalPoints.find(HIMMELBLAU.surface(), Window.of(0, 5, 0, 5));
        assertThat(quadrant).extracting(CriticalPoint::kind).containsExactly(MINIMUM, SADDLE, SADDLE);
        assertThat(quadrant.get(0).at().distanceTo(Vec2.of(3, 2))).isLessThan(1e-12);
        assertThat(quadrant.get(1).at().distanceTo(Vec2.of(3.385154, 0.073852))).isLessThan(1e-6);
        assertThat(quadrant.get(2).at().distanceTo(Vec2.of(0.086678, 2.884255))).isLessThan(1e-6);
    }

    @Test
    void undefinedRegionsAreSkippedNotFatal() {
        // ln x + y² is NaN for x < 0 and has no critical point: ∂f/∂x = 1/x never vanishes.
        assertThat(CriticalPoints.find(TestSurfaces.LOG_TROUGH, Window.square(1))).isEmpty();
    }

    @Test
    void resultsAreDeterministic() {
        assertThat(CriticalPoints.find(HIMMELBLAU)).isEqualTo(CriticalPoints.find(HIMMELBLAU));
    }

    @Test
    void tooFewSeedsMissPoints() {
        // A guard that the search is not vacuous: 8 × 8 seeds cannot see Rastrigin's 441 points.
        CriticalPointOptions coarse = gridSize(8);
        assertThat(CriticalPoints.find(RASTRIGIN.surface(), RASTRIGIN.window(), coarse).size()).isLessThan(441);
    }

    @Test
    void optionsAreRangeChecked() {
        assertThatThrownBy(() -> gridSize(1))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("grid must be in [2, 400], got 1");
        assertThatThrownBy(() -> new CriticalPointOptions(80, 0, 1e-10, 1e-6))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("max-iterations must be in [1, 1000], got 0");
        assertThatThrownBy(() -> new CriticalPointOptions(80, 100, Double.NaN, 1e-6))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("gradient-tolerance must be in (0, 0.001], got NaN");
        assertThatThrownBy(() -> new CriticalPointOptions(80, 100, 1e-10, 0.5))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("merge-fraction must be in [1e-12, 0.01], got 0.5");
    }

    /** F'(t) = 2t + 20π·sin 2πt. */
    private static double derivative(double t) {
        return 2 * t + 20 * Math.PI * Math.sin(2 * Math.PI * t);
    }

    private static double bisect(double lo, double hi) {
        double fLo = derivative(lo);
        for (int i = 0; i < 100; i++) {
            double mid = 0.5 * (lo + hi);
            double fMid = derivative(mid);
            if (Math.signum(fMid) == Math.signum(fLo)) {
                lo = mid;
                fLo = fMid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    private static CriticalPointOptions gridSize(int seedsPerAxis) {
        CriticalPointOptions d = CriticalPointOptions.DEFAULTS;
        return new CriticalPointOptions(seedsPerAxis, d.maxIterations(), d.gradientTolerance(), d.mergeFraction());
    }
}

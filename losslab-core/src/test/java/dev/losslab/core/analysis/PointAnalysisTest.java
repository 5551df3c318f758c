package dev.losslab.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Quadratic;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** PointAnalysis on surfaces whose answers are known in closed form. Tolerances: 1e-12 unless stated. */
class PointAnalysisTest {

    private static final double EPS = 1e-12;

    @Test
    void saddleOffCentreIsClassifiedByCurvatureAlone() {
        PointAnalysis a = PointAnalysis.at(new Quadratic(2, -2), Vec2.of(0.05, 0.05));

        assertThat(a.value()).isCloseTo(0, within(EPS));
        assertThat(a.gradient().x()).isCloseTo(0.1, within(EPS));
        assertThat(a.gradient().y()).isCloseTo(-0.1, within(EPS));
        assertThat(a.eigen().first()).isCloseTo(2, within(EPS));
        assertThat(a.eigen().second()).isCloseTo(-2, within(EPS));
        assertThat(Math.abs(a.eigen().firstVector().x())).isCloseTo(1, within(EPS));
        assertThat(a.eigen().firstVector().y()).isCloseTo(0, within(EPS));
        assertThat(a.eigen().secondVector().x()).isCloseTo(0, within(EPS));
        assertThat(Math.abs(a.eigen().secondVector().y())).isCloseTo(1, within(EPS));
        assertThat(a.trace()).isCloseTo(0, within(EPS));
        assertThat(a.determinant()).isCloseTo(-4, within(EPS));
        assertThat(a.kind()).isEqualTo(CurvatureKind.SADDLE);
        assertThat(a.kind().code()).isEqualTo("saddle");
        assertThat(a.conditionNumber()).isCloseTo(1, within(EPS));
        assertThat(a.maxStableLearningRate()).hasValueCloseTo(1.0, within(EPS));
    }

    @Test
    void stretchedBowlHasConditionNumberTenAndStableRateTwoTenths() {
        PointAnalysis a = PointAnalysis.at(new Quadratic(1, 10), Vec2.of(-3.5, 2.5));

        assertThat(a.eigen().first()).isCloseTo(10, within(EPS));
        assertThat(a.eigen().second()).isCloseTo(1, within(EPS));
        assertThat(Math.abs(a.eigen().firstVector().y())).isCloseTo(1, within(EPS));
        assertThat(Math.abs(a.eigen().secondVector().x())).isCloseTo(1, within(EPS));
        assertThat(a.trace()).isCloseTo(11, within(EPS));
        assertThat(a.determinant()).isCloseTo(10, within(EPS));
        assertThat(a.kind()).isEqualTo(CurvatureKind.MINIMUM);
        assertThat(a.conditionNumber()).isCloseTo(10, within(EPS));
        assertThat(a.maxStableLearningRate()).hasValueCloseTo(0.2, within(EPS));
        assertThat(a.value()).isCloseTo(0.5 * 3.5 * 3.5 + 5 * 2.5 * 2.5, within(EPS));
        assertThat(a.gradientNorm()).isCloseTo(Math.hypot(3.5, 25), within(EPS));
    }

    @Test
    void dishUpsideDownIsAMaximumWithNoStableRate() {
        PointAnalysis a = PointAnalysis.at(new Quadratic(-1, -4), Vec2.of(0.3, 0.1));

        assertThat(a.kind()).isEqualTo(CurvatureKind.MAXIMUM);
        assertThat(a.conditionNumber()).isCloseTo(4, within(EPS));
        assertThat(a.maxStableLearningRate()).isEmpty();
    }

    static Stream<Arguments> rotatedQuadratics() {
        return Stream.of(
                Arguments.of(3.0, 1.0, 0.0),
                Arguments.of(3.0, 1.0, 0.3),
                Arguments.of(1.0, 3.0, 1.1),
                Arguments.of(5.0, -2.0, -0.7),
                Arguments.of(-0.5, -4.0, 2.9),
                Arguments.of(100.0, 0.01, Math.PI / 4),
                Arguments.of(2.0, 2.0, 0.4));
    }

    @ParameterizedTest(name = "a={0}, b={1}, θ={2}")
    @MethodSource("rotatedQuadratics")
    void rotatedQuadraticHasUnitOrthogonalEigenvectors(double a, double b, double theta) {
        PointAnalysis analysis = PointAnalysis.at(new TestSurfaces.RotatedQuadratic(a, b, theta), Vec2.of(0.4, -0.9));
        Sym2.Eigen e = analysis.eigen();

        assertThat(e.first()).isCloseTo(Math.max(a, b), within(EPS));
        assertThat(e.second()).isCloseTo(Math.min(a, b), within(EPS));
        assertIsEigenpairs(analysis.hessian(), e);
        if (a != b) {
            // The eigenvector of a is ±(cos θ, sin θ).
            Vec2 ofA = a > b ? e.firstVector() : e.secondVector();
            assertThat(Math.abs(ofA.dot(Vec2.of(Math.cos(theta), Math.sin(theta))))).isCloseTo(1, within(EPS));
        }
        assertThat(analysis.trace()).isCloseTo(a + b, within(EPS));
        assertThat(analysis.determinant()).isCloseTo(a * b, within(1e-11));
    }

    /** Sym2 cases by shape: expected eigenvalues (descending) and kind. */
    static Stream<Arguments> sym2Cases() {
        return Stream.of(
                Arguments.of("diagonal", Sym2.of(3, 0, 1), 3.0, 1.0, CurvatureKind.MINIMUM),
                Arguments.of("diagonal, smaller first", Sym2.of(1, 0, 3), 3.0, 1.0, CurvatureKind.MINIMUM),
                Arguments.of("equal eigenvalues", Sym2.of(2, 0, 2), 2.0, 2.0, CurvatureKind.MINIMUM),
                Arguments.of("tiny off-diagonal", Sym2.of(1, 1e-13, 1), 1 + 1e-13, 1 - 1e-13, CurvatureKind.MINIMUM),
                Arguments.of("tiny off-diagonal, unequal", Sym2.of(2, 1e-13, 1), 2.0, 1.0, CurvatureKind.MINIMUM),
                Arguments.of("negative definite", Sym2.of(-3, 1, -2), -2.5 + Math.sqrt(1.25), -2.5 - Math.sqrt(1.25),
                        CurvatureKind.MAXIMUM),
                Arguments.of("indefinite, full", Sym2.of(1, 2, 1), 3.0, -1.0, CurvatureKind.SADDLE),
                Arguments.of("singular", Sym2.of(1, 1, 1), 2.0, 0.0, CurvatureKind.DEGENERATE),
                Arguments.of("zero", Sym2.of(0, 0, 0), 0.0, 0.0, CurvatureKind.DEGENERATE),
                Arguments.of("flat direction below 1e-9", Sym2.of(1, 0, 1e-10), 1.0, 1e-10, CurvatureKind.DEGENERATE),
                Arguments.of("flat direction above 1e-9", Sym2.of(1, 0, 1e-8), 1.0, 1e-8, CurvatureKind.MINIMUM),
                Arguments.of("tiny but round", Sym2.of(1e-20, 0, 1e-20), 1e-20, 1e-20, CurvatureKind.MINIMUM));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sym2Cases")
    void eigenAndKindOfSym2Cases(String name, Sym2 h, double first, double second, CurvatureKind kind) {
        PointAnalysis a = new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, h, 0);
        double scale = Math.max(1e-300, Math.max(Math.abs(first), Math.abs(second)));

        assertThat(a.eigen().first()).isCloseTo(first, within(EPS * scale));
        assertThat(a.eigen().second()).isCloseTo(second, within(EPS * scale));
        assertIsEigenpairs(h, a.eigen());
        assertThat(a.kind()).isEqualTo(kind);
        assertThat(Double.isInfinite(a.conditionNumber())).isEqualTo(kind == CurvatureKind.DEGENERATE);
    }

    @Test
    void absoluteZeroCurvatureMakesAUniformlyTinyHessianDegenerate() {
        Sym2 tiny = Sym2.of(1e-20, 0, -1e-20);
        assertThat(new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, tiny, 0).kind()).isEqualTo(CurvatureKind.SADDLE);

        PointAnalysis flat = new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, tiny, 1e-12);
        assertThat(flat.kind()).isEqualTo(CurvatureKind.DEGENERATE);
        assertThat(flat.conditionNumber()).isInfinite();
        assertThat(flat.maxStableLearningRate()).isEmpty();
    }

    @Test
    void stableRateNeedsPositiveLargestEigenvalue() {
        assertThat(new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, Sym2.of(0, 0, -1), 0).maxStableLearningRate()).isEmpty();
        assertThat(new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, Sym2.of(4, 0, 0), 0).maxStableLearningRate())
                .hasValueCloseTo(0.5, within(EPS));
        assertThat(new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, Sym2.of(1e-310, 0, 1e-310), 0).maxStableLearningRate())
                .as("2/λ would overflow")
                .isEmpty();
    }

    @Test
    void curvatureKindCodes() {
        assertThat(Stream.of(CurvatureKind.values()).map(CurvatureKind::code))
                .containsExactly("minimum", "maximum", "saddle", "degenerate");
    }

    /** Exact boundaries of the zero rule |λ| ≤ max(1e-9·max|λ|, zeroCurvature). */
    @Test
    void zeroRuleBoundaries() {
        assertThat(CurvatureKind.of(1, 1e-9, 0)).isEqualTo(CurvatureKind.DEGENERATE);
        assertThat(CurvatureKind.of(1, 1.0000001e-9, 0)).isEqualTo(CurvatureKind.MINIMUM);
        assertThat(CurvatureKind.of(-1e-9, -1, 0)).isEqualTo(CurvatureKind.DEGENERATE);
        assertThat(CurvatureKind.of(-1.0000001e-9, -1, 0)).isEqualTo(CurvatureKind.MAXIMUM);
        assertThat(CurvatureKind.of(1, -1.0000001e-9, 0)).isEqualTo(CurvatureKind.SADDLE);
        assertThat(CurvatureKind.of(0.5, 0.5, 0.5)).isEqualTo(CurvatureKind.DEGENERATE);
        assertThat(CurvatureKind.of(0.5, 0.6, 0.5)).isEqualTo(CurvatureKind.DEGENERATE);
        assertThat(CurvatureKind.of(0.51, 0.6, 0.5)).isEqualTo(CurvatureKind.MINIMUM);
    }

    @Test
    void undefinedPointsFailWithAMessageNamingThePoint() {
        assertThatThrownBy(() -> PointAnalysis.at(TestSurfaces.LOG_TROUGH, Vec2.of(-1, 0.5)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("f is undefined at (-1.0, 0.5)")
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("at");
        assertThatThrownBy(() -> PointAnalysis.at(TestSurfaces.LOG_TROUGH, Vec2.of(0, 0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("f is undefined at (0.0, 0.0)");
        assertThatThrownBy(() -> PointAnalysis.at(new Quadratic(1, 1), Vec2.of(Double.NaN, 0)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("f is undefined at (NaN, 0.0)");
        assertThatThrownBy(() -> new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, Sym2.of(Double.POSITIVE_INFINITY, 0, 1), 0))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("f is undefined at (0.0, 0.0)");
    }

    @Test
    void zeroCurvatureMustBeFiniteAndNonNegative() {
        assertThatThrownBy(() -> new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, Sym2.of(1, 0, 1), -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("zeroCurvature must be finite and >= 0, got -1.0");
        assertThatThrownBy(() -> new PointAnalysis(Vec2.ZERO, 0, Vec2.ZERO, Sym2.of(1, 0, 1), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Unit, orthogonal, and H·v = λ·v, all to 1e-12 relative to the largest |λ|. */
    static void assertIsEigenpairs(Sym2 h, Sym2.Eigen e) {
        double scale = Math.max(Double.MIN_NORMAL, Math.max(Math.abs(e.first()), Math.abs(e.second())));
        assertThat(e.first()).isGreaterThanOrEqualTo(e.second());
        assertThat(e.firstVector().norm()).isCloseTo(1, within(EPS));
        assertThat(e.secondVector().norm()).isCloseTo(1, within(EPS));
        assertThat(e.firstVector().dot(e.secondVector())).isCloseTo(0, within(EPS));
        Vec2 r1 = h.times(e.firstVector()).minus(e.firstVector().times(e.first()));
        Vec2 r2 = h.times(e.secondVector()).minus(e.secondVector().times(e.second()));
        assertThat(r1.norm()).as("‖H·v1 − λ1·v1‖").isLessThanOrEqualTo(EPS * scale);
        assertThat(r2.norm()).as("‖H·v2 − λ2·v2‖").isLessThanOrEqualTo(EPS * scale);
    }

    /** Newton's step H⁺∇f, worked by hand for a bowl, a trough and a plane. */
    @Test
    void distanceToFlatIsTheLengthOfNewtonsStep() {
        // f = (x² + 10y²)/2 at (1, 1): ∇f = (1, 10), H = diag(1, 10), step (1, 1): the bottom is √2 away
        PointAnalysis bowl = new PointAnalysis(Vec2.of(1, 1), 5.5, Vec2.of(1, 10), Sym2.of(1, 0, 10), 0);
        assertThat(bowl.distanceToFlat()).isCloseTo(Math.sqrt(2), within(1e-15));
        // f = x² (flat along y) at (0.5, 7): ∇f = (1, 0), H = diag(2, 0): the trough's floor is 0.5 away
        PointAnalysis trough = new PointAnalysis(Vec2.of(0.5, 7), 0.25, Vec2.of(1, 0), Sym2.of(2, 0, 0), 0);
        assertThat(trough.distanceToFlat()).isCloseTo(0.5, within(1e-15));
        // f = x + y²: along x a slope of 1 and no curvature, the plane never levels out
        PointAnalysis plane = new PointAnalysis(Vec2.of(0, 0), 0, Vec2.of(1, 0), Sym2.of(0, 0, 2), 0);
        assertThat(plane.distanceToFlat()).isInfinite();
        // at a critical point, 0
        assertThat(new PointAnalysis(Vec2.of(0, 0), 0, Vec2.of(0, 0), Sym2.of(2, 0, -2), 0).distanceToFlat()).isZero();
    }
}

package dev.losslab.core.surface;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every known minimum in the catalog is a minimum of its surface, where the catalog says, with the
 * value it says. Tolerances:
 * <pre>
 *   value       |f(m) − published| ≤ 1e-9·max(1, |published|)
 *   gradient    ‖∇f(m)‖ ≤ 1e-8·max(1, λ_max)        (λ_max: the largest Hessian eigenvalue there)
 *   position    ‖(∇²f)⁻¹·∇f(m)‖ ≤ 1e-9              (the Newton step: distance to the true critical point)
 *   curvature   λ_min ≥ −1e-9·max(1, λ_max)         (positive semi-definite)
 *   neighbours  f(m + r·u) ≥ f(m) for r = 1e-3·span, 16 directions u
 * </pre>
 * Ackley's origin is a kink: its gradient is 0 by the documented convention and its "Hessian" is
 * the smooth part's, so the same checks hold there; only the Newton-step check would also pass
 * trivially and means nothing at a kink.
 */
class KnownMinimaTest {

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#knownMinima")
    void isInsideTheWindow(Landscape landscape, Minimum minimum) {
        assertThat(landscape.window().contains(minimum.at())).isTrue();
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#knownMinima")
    void hasThePublishedValue(Landscape landscape, Minimum minimum) {
        double value = landscape.surface().value(minimum.at());
        assertThat(Math.abs(value - minimum.value()))
                .as("f = %s, published %s", value, minimum.value())
                .isLessThanOrEqualTo(1e-9 * Math.max(1, Math.abs(minimum.value())));
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#knownMinima")
    void isACriticalPoint(Landscape landscape, Minimum minimum) {
        Surface s = landscape.surface();
        Vec2 g = s.gradient(minimum.at());
        Sym2 h = s.hessian(minimum.at());
        double lambdaMax = h.eigen().first();
        assertThat(g.norm()).as("‖∇f‖ = %s with λ_max = %s", g.norm(), lambdaMax)
                .isLessThanOrEqualTo(1e-8 * Math.max(1, lambdaMax));
        Vec2 newtonStep = h.solve(g);
        assertThat(newtonStep).as("Hessian is invertible at a strict minimum").isNotNull();
        assertThat(newtonStep.norm()).as("distance to the true critical point").isLessThanOrEqualTo(1e-9);
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#knownMinima")
    void hasPositiveSemiDefiniteHessian(Landscape landscape, Minimum minimum) {
        Sym2.Eigen e = landscape.surface().hessian(minimum.at()).eigen();
        assertThat(e.second()).as("λ_min with λ_max = %s", e.first())
                .isGreaterThanOrEqualTo(-1e-9 * Math.max(1, e.first()));
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#knownMinima")
    void isLowerThanItsNeighbours(Landscape landscape, Minimum minimum) {
        Surface s = landscape.surface();
        double r = 1e-3 * landscape.window().span();
        double centre = s.value(minimum.at());
        for (int k = 0; k < 16; k++) {
            double angle = 2 * Math.PI * k / 16;
            Vec2 q = minimum.at().plus(new Vec2(Math.cos(angle), Math.sin(angle)).times(r));
            assertThat(s.value(q)).as("f at %s", q).isGreaterThanOrEqualTo(centre);
        }
    }
}

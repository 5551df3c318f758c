package dev.losslab.core.surface;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.testing.FiniteDifferences;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog surface's closed-form ∇f and ∇²f against finite differences, at
 * {@value CatalogCases#POINTS} seeded points in its window. The tolerances follow the error bounds
 * in {@link FiniteDifferences}:
 * <pre>
 *   ∇f  vs 5-point differences of f:       |a − fd| ≤ 1e-7·(1 + |a|) + 1e-10·(1 + |f|)
 *   ∇²f vs 5-point differences of ∇f:      |a − fd| ≤ 1e-7·(1 + |a|) + 1e-10·(1 + ‖∇f‖)
 *   ∇²f vs second differences of f:        |a − fd| ≤ 1e-4·(1 + |a|) + 1e-6·(1 + |f|)
 * </pre>
 * The relative parts allow the truncation error (h⁴ or h² times a higher derivative: Lévi's and
 * Rastrigin's ripples have fifth derivatives near 10⁷), the absolute parts the rounding of f or ∇f
 * amplified by 1/h or 1/h² (Goldstein–Price reaches |f| ≈ 10⁶), each with a margin of ten or more.
 * A wrong sign or factor in any term moves the result by far more than these.
 */
class SurfaceDerivativesTest {

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void gradientMatchesFiniteDifferencesOfValue(Landscape landscape) {
        Surface s = landscape.surface();
        for (Vec2 p : CatalogCases.samplePoints(landscape, CatalogCases.POINTS)) {
            Vec2 analytic = s.gradient(p);
            Vec2 fd = FiniteDifferences.gradient(s, p.x(), p.y());
            double f = Math.abs(s.value(p));
            assertClose("∂f/∂x", p, analytic.x(), fd.x(), 1e-7, 1e-10 * (1 + f));
            assertClose("∂f/∂y", p, analytic.y(), fd.y(), 1e-7, 1e-10 * (1 + f));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void hessianMatchesFiniteDifferencesOfGradient(Landscape landscape) {
        Surface s = landscape.surface();
        for (Vec2 p : CatalogCases.samplePoints(landscape, CatalogCases.POINTS)) {
            Sym2 h = s.hessian(p);
            FiniteDifferences.Jacobian fd = FiniteDifferences.jacobianOfGradient(s, p.x(), p.y());
            double absolute = 1e-10 * (1 + s.gradient(p).norm());
            assertClose("f_xx", p, h.xx(), fd.xx(), 1e-7, absolute);
            assertClose("f_xy (∂/∂y of ∂f/∂x)", p, h.xy(), fd.xy(), 1e-7, absolute);
            assertClose("f_xy (∂/∂x of ∂f/∂y)", p, h.xy(), fd.yx(), 1e-7, absolute);
            assertClose("f_yy", p, h.yy(), fd.yy(), 1e-7, absolute);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void hessianMatchesSecondDifferencesOfValue(Landscape landscape) {
        Surface s = landscape.surface();
        for (Vec2 p : CatalogCases.samplePoints(landscape, CatalogCases.POINTS)) {
            Sym2 h = s.hessian(p);
            Sym2 fd = FiniteDifferences.hessianOfValues(s, p.x(), p.y());
            double absolute = 1e-6 * (1 + Math.abs(s.value(p)));
            assertClose("f_xx", p, h.xx(), fd.xx(), 1e-4, absolute);
            assertClose("f_xy", p, h.xy(), fd.xy(), 1e-4, absolute);
            assertClose("f_yy", p, h.yy(), fd.yy(), 1e-4, absolute);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void valueAndGradientAgreeExactlyWithValueAndGradient(Landscape landscape) {
        Surface s = landscape.surface();
        double[] g = new double[2];
        for (Vec2 p : CatalogCases.samplePoints(landscape, CatalogCases.POINTS)) {
            double f = s.valueAndGradient(p.x(), p.y(), g);
            assertThat(f).as("valueAndGradient vs value at %s", p).isEqualTo(s.value(p.x(), p.y()));
            assertThat(s.gradient(p)).as("gradient vs valueAndGradient at %s", p).isEqualTo(new Vec2(g[0], g[1]));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.losslab.core.surface.CatalogCases#landscapes")
    void batchValueAndGradientDoesNotAllocate(Landscape landscape) {
        // The engine's hot path; the one-point conveniences may allocate their batch of one.
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Surface s = landscape.surface();
        double[] p = new double[2];
        double[] f = new double[1];
        double[] g = new double[2];
        Window w = landscape.window();
        double sum = 0;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            double t = i / 100_000.0;
            p[0] = w.xMin() + t * w.width();
            p[1] = w.yMax() - t * w.height();
            s.valueAndGradient(p, 1, f, g);
            sum += f[0];
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sum).isNotNaN();
        // One 16-byte object per call would be 1.6 MB; the allowance covers the measurement itself.
        assertThat(allocated).as("bytes allocated by 100 000 calls").isLessThan(16_384);
    }

    @Test
    void catalogBowlHasTheSeedCurvatures() {
        Sym2 h = Catalog.get("bowl").surface().hessian(0.3, -0.7);
        assertThat(h).isEqualTo(new Sym2(1, 0, 10));
    }

    private static void assertClose(String what, Vec2 p, double analytic, double fd, double relative, double absolute) {
        double tolerance = relative * (1 + Math.abs(analytic)) + absolute;
        assertThat(Math.abs(analytic - fd))
                .as("%s at (%s, %s): closed form %s, finite differences %s", what, p.x(), p.y(), analytic, fd)
                .isLessThanOrEqualTo(tolerance);
    }
}

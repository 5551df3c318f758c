package dev.losslab.core.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The test-only surfaces' closed-form ∇f and ∇²f against central differences: h = 1e-5, tolerance 1e-5·(1 + |d|). */
class TestSurfacesTest {

    static Stream<Arguments> surfaces() {
        return Stream.of(
                Arguments.of("monkey saddle at (0.3, -0.7)", TestSurfaces.monkeySaddle(0.3, -0.7)),
                Arguments.of("double well", TestSurfaces.DOUBLE_WELL),
                Arguments.of("x^4 + y^2", TestSurfaces.flatBottom(4)),
                Arguments.of("x^6 + y^2 turned by 0.4", TestSurfaces.turned(TestSurfaces.flatBottom(6), 0.4)),
                Arguments.of("monkey saddle turned", TestSurfaces.turned(TestSurfaces.monkeySaddle(0.3, -0.7), 2.2)),
                Arguments.of("tilted trough", TestSurfaces.TILTED_TROUGH),
                Arguments.of("log trough", TestSurfaces.LOG_TROUGH),
                Arguments.of("rotated quadratic", new TestSurfaces.RotatedQuadratic(3, -0.5, 0.7, 0.3, -0.2)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("surfaces")
    void derivativesMatchFiniteDifferences(String name, Surface surface) {
        double h = 1e-5;
        double[][] points = {{0.7, 1.3}, {-1.2, 0.4}, {2.1, -1.7}, {0.31, 0.52}};
        for (double[] p : points) {
            double x = p[0], y = p[1];
            if (!Double.isFinite(surface.value(x, y))) {
                continue; // the log trough left of x = 0
            }
            double[] g = new double[2];
            assertThat(surface.valueAndGradient(x, y, g)).isEqualTo(surface.value(x, y));
            double fx = (surface.value(x + h, y) - surface.value(x - h, y)) / (2 * h);
            double fy = (surface.value(x, y + h) - surface.value(x, y - h)) / (2 * h);
            assertThat(g[0]).as("%s f_x at (%s, %s)", name, x, y).isCloseTo(fx, within(1e-5 * (1 + Math.abs(fx))));
            assertThat(g[1]).as("%s f_y at (%s, %s)", name, x, y).isCloseTo(fy, within(1e-5 * (1 + Math.abs(fy))));
            Sym2 hess = surface.hessian(x, y);
            double[] gPlusX = new double[2], gMinusX = new double[2], gPlusY = new double[2], gMinusY = new double[2];
            surface.valueAndGradient(x + h, y, gPlusX);
            surface.valueAndGradient(x - h, y, gMinusX);
            surface.valueAndGradient(x, y + h, gPlusY);
            surface.valueAndGradient(x, y - h, gMinusY);
            double fxx = (gPlusX[0] - gMinusX[0]) / (2 * h);
            double fxy = (gPlusY[0] - gMinusY[0]) / (2 * h);
            double fyx = (gPlusX[1] - gMinusX[1]) / (2 * h);
            double fyy = (gPlusY[1] - gMinusY[1]) / (2 * h);
            assertThat(hess.xx()).as("%s f_xx", name).isCloseTo(fxx, within(1e-5 * (1 + Math.abs(fxx))));
            assertThat(hess.xy()).as("%s f_xy", name).isCloseTo(fxy, within(1e-5 * (1 + Math.abs(fxy))));
            assertThat(hess.xy()).as("%s f_yx", name).isCloseTo(fyx, within(1e-5 * (1 + Math.abs(fyx))));
            assertThat(hess.yy()).as("%s f_yy", name).isCloseTo(fyy, within(1e-5 * (1 + Math.abs(fyy))));
        }
    }
}

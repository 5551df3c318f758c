package dev.losslab.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.testing.FiniteDifferences;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact derivatives against finite differences (FiniteDifferences' 5-point stencils: on f for ∇f,
 * on the exact ∇f for ∇²f), one formula per rule, at 50 smooth points each; and the documented
 * one-sided choices at kinks.
 */
class DerivativesTest {

    /** FD error is about 3e-12·(size of f or ∇f); 1e-8 relative leaves room for the M₅ term. */
    private static final double TOLERANCE = 1e-8;

    @ParameterizedTest
    @ValueSource(strings = {
            "x*y + x/y - y/x", "(1 - x)^2 + 100*(y - x^2)^2", "x^3*y^-2 + x^0.5", "x^y", "pow(y, x) + 2^x",
            "sin(x*y) + cos(x - y) + tan(x/4)", "asin(x/4) + acos(y/4) + atan(x*y)", "atan2(y, x) + atan2(x, y - 5)",
            "sinh(x) + cosh(y) + tanh(x*y)", "exp(-x^2 - y^2) + log(x) + log10(y)", "sqrt(x^2 + y^2) + sqrt(x)",
            "sigmoid(x*y) + softplus(x - 2*y)", "abs(x - y) + min(x, y^2) + max(x*y, 1)", "-x^2*3 + -(-y)", "e^x + pi*y"})
    void matchFiniteDifferences(String text) {
        Surface s = Formula.parse(text, "surface").compile();
        SplittableRandom random = new SplittableRandom(text.hashCode());
        for (int i = 0; i < 50; i++) {
            double x = random.nextDouble(0.3, 3.7);
            double y = random.nextDouble(0.3, 3.7);
            if (Math.abs(x - y) < 0.01 || Math.abs(x - y * y) < 0.01 || Math.abs(x * y - 1) < 0.01) {
                continue; // a kink of abs, min or max nearby: finite differences straddle it
            }
            Vec2 g = s.gradient(x, y);
            Vec2 fd = FiniteDifferences.gradient(s, x, y);
            double gScale = TOLERANCE * Math.max(1, Math.max(Math.abs(s.value(x, y)), fd.norm()));
            assertThat(g.x()).as("f_x of %s at (%s, %s)", text, x, y).isCloseTo(fd.x(), within(gScale));
            assertThat(g.y()).as("f_y of %s at (%s, %s)", text, x, y).isCloseTo(fd.y(), within(gScale));
            Sym2 h = s.hessian(x, y);
            FiniteDifferences.Jacobian j = FiniteDifferences.jacobianOfGradient(s, x, y);
            double hScale = TOLERANCE * Math.max(1, Math.max(g.norm(), Math.max(Math.abs(j.xx()), Math.abs(j.yy()))));
            assertThat(h.xx()).as("f_xx of %s at (%s, %s)", text, x, y).isCloseTo(j.xx(), within(hScale));
            assertThat(h.xy()).as("f_xy of %s at (%s, %s)", text, x, y).isCloseTo(j.xy(), within(hScale));
            assertThat(h.xy()).as("f_yx of %s at (%s, %s)", text, x, y).isCloseTo(j.yx(), within(hScale));
            assertThat(h.yy()).as("f_yy of %s at (%s, %s)", text, x, y).isCloseTo(j.yy(), within(hScale));
        }
    }

    /** At a kink the derivative is the slope of the branch the value takes (README, "Typed surfaces"). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            abs(x)         | 0  | 0  | 1  | 0
            abs(x)         | -1 | 0  | -1 | 0
            abs(-x)        | 0  | 0  | -1 | 0
            abs(x - y)     | 2  | 2  | 1  | -1
            min(x, y)      | 1  | 1  | 1  | 0
            min(y, x)      | 1  | 1  | 0  | 1
            max(x, y)      | 1  | 1  | 1  | 0
            max(2*y, 2*x)  | 1  | 1  | 0  | 2
            min(x, y)      | 1  | 2  | 1  | 0
            max(x, y)      | 1  | 2  | 0  | 1
            """)
    void kinksTakeTheDocumentedSide(String text, double x, double y, double fx, double fy) {
        Vec2 g = Formula.parse(text, "surface").compile().gradient(x, y);
        assertThat(g).isEqualTo(new Vec2(fx, fy));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            log(x)         | -1 | 0
            sqrt(x) + y    | -4 | 1
            asin(x)        | 2  | 0
            x^0.5          | -1 | 0
            log(x*y)       | 1  | -1
            """)
    void outsideTheDomainTheValueIsNaN(String text, double x, double y) {
        Surface s = Formula.parse(text, "surface").compile();
        assertThat(s.value(x, y)).isNaN();
        assertThat(s.valueAndGradient(x, y, new double[2])).isNaN();
    }
}

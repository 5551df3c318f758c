package dev.losslab.core.expr;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.losslab.core.InvalidInputException;
import dev.losslab.core.surface.Surface;
import dev.losslab.core.surface.Sym2;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the parser and compiler with arbitrary text. Properties, for every input:
 * <ol>
 *   <li>parsing and compiling throw nothing but {@link InvalidInputException} (with a message);
 *   <li>the normalized text parses back to the same tree (when within the length limit);
 *   <li>at four fixed points the compiled value — from {@code value} and from
 *       {@code valueAndGradient} — equals {@link ReferenceEvaluator}'s tree walk bit for bit (or
 *       within 1e-12 relative, for intrinsics that may round differently when JIT-compiled);
 *   <li>where f is smooth, ∇f matches finite differences of f and ∇²f finite differences of ∇f.
 *       "Smooth" is judged by the differences themselves: when the 5-point estimates at steps h,
 *       h/2 and h/4 disagree, or the one-sided slopes do (a kink, a pole, wild higher
 *       derivatives), or when an intermediate value exceeds 1e8 (rounding would swallow the
 *       step), the point is skipped.
 * </ol>
 * Without {@code JAZZER_FUZZ} this replays the seed corpus in
 * {@code src/test/resources/dev/losslab/core/expr/ExpressionFuzzTestInputs} as a normal test.
 * To fuzz (5 minutes; new findings are written to that directory and become regression cases):
 * <pre>
 *   JAZZER_FUZZ=1 ./mvnw -pl losslab-core test -Dtest=ExpressionFuzzTest
 * </pre>
 */
class ExpressionFuzzTest {

    private static final double[][] POINTS = {{0.3, -0.7}, {1.7, 2.1}, {-2.5, 0.4}, {0.05, 3.3}};

    /**
     * Finite differences step x and y by about 1e-4; once an intermediate value reaches 1e8 its
     * rounding (ulp ≈ 1.5e-8) eats a visible part of such a step, and past about 1e12 the step can
     * vanish entirely (1e108·x − y does not change with y), so the computed function no longer
     * has the slope the exact derivative rightly reports. Points like that are not compared.
     */
    private static final double LARGEST_FOR_DIFFERENCES = 1e8;

    @FuzzTest(maxDuration = "5m")
    void parseCompileAndEvaluate(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Formula formula;
        try {
            formula = Formula.parse(text, "surface");
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).startsWith("surface: ");
            assertThat(e.field()).isEqualTo("surface");
            return;
        }
        if (formula.normalized().length() <= Parser.MAX_LENGTH) {
            assertThat(Formula.parse(formula.normalized(), "surface").expression()).isEqualTo(formula.expression());
        }
        Surface surface;
        try {
            surface = formula.compile();
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).startsWith("surface: formula is too large");
            return;
        }
        for (double[] p : POINTS) {
            double x = p[0];
            double y = p[1];
            double reference = ReferenceEvaluator.evaluate(formula.expression(), x, y);
            double value = surface.value(x, y);
            double[] g = new double[2];
            double alsoValue = surface.valueAndGradient(x, y, g);
            assertSameNumber(value, reference, text);
            assertSameNumber(alsoValue, reference, text);
            Sym2 h = surface.hessian(x, y);
            double largest = ReferenceEvaluator.largestIntermediate(formula.expression(), x, y);
            if (Double.isFinite(value) && largest <= LARGEST_FOR_DIFFERENCES && Double.isFinite(g[0])
                    && Double.isFinite(g[1]) && h.isFinite()) {
                checkAgainstFiniteDifferences(surface, x, y, g, h, text, largest);
            }
        }
    }

    private static void assertSameNumber(double actual, double expected, String text) {
        if (Double.compare(actual, expected) == 0 || (Double.isNaN(actual) && Double.isNaN(expected))) {
            return;
        }
        assertThat(actual).as("%s: compiled vs tree walk", text)
                .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(expected))));
    }

    private static void checkAgainstFiniteDifferences(Surface s, double x, double y, double[] g, Sym2 h,
            String text, double largest) {
        double hx = 1e-4 * Math.max(1, Math.abs(x));
        double hy = 1e-4 * Math.max(1, Math.abs(y));
        check(s, x, y, hx, 0, -1, g[0], text, "f_x", largest);
        check(s, x, y, 0, hy, -1, g[1], text, "f_y", largest);
        check(s, x, y, hx, 0, 0, h.xx(), text, "f_xx", largest);
        check(s, x, y, 0, hy, 0, h.xy(), text, "f_xy", largest);
        check(s, x, y, 0, hy, 1, h.yy(), text, "f_yy", largest);
    }

    /**
     * Checks an exact derivative against 5-point estimates at steps h, h/2 and h/4, but only where
     * those say the function is smooth at this scale: the three agree to 1e-6 of their own size,
     * and the one-sided slopes at h/4 differ by less than 1e-3 of it (no kink). The scale comes from
     * the estimates alone, never from the exact value under test.
     */
    private static void check(Surface s, double x, double y, double dx, double dy, int component, double exact,
            String text, String what, double largest) {
        double coarse = d(s, x, y, dx, dy, component);
        double middle = d(s, x, y, dx / 2, dy / 2, component);
        double fine = d(s, x, y, dx / 4, dy / 4, component);
        double scale = Math.max(1, Math.abs(fine));
        double spread = Math.max(Math.abs(coarse - fine), Math.abs(middle - fine));
        if (!Double.isFinite(coarse) || !Double.isFinite(middle) || !Double.isFinite(fine) || !(spread <= 1e-6 * scale)
                || !(kink(s, x, y, dx / 4, dy / 4, component) <= 1e-3 * scale)) {
            return;
        }
        // Rounding: an intermediate of size M carries an error of about ulp(M), which the stencil
        // divides by h. When M dwarfs a term (y next to 1e108·x, or next to x^64) that term's change
        // is lost entirely, and every estimate agrees on a slope the exact derivative rightly lacks.
        double step = dx != 0 ? dx / 4 : dy / 4;
        double magnitude = Math.max(largest, Math.abs(at(s, x, y, component)));
        double noise = 100 * Math.ulp(magnitude) / step;
        assertThat(exact).as("%s: %s at (%s, %s)", text, what, x, y)
                .isCloseTo(fine, org.assertj.core.data.Offset.offset(10 * spread + 1e-5 * scale + noise));
    }

    /**
     * |forward − backward| first difference along (dx, dy): about h·|f''| where f is smooth, the
     * size of the jump in slope at a kink (where every central difference is blind: it averages
     * the two sides the same way at every step).
     */
    private static double kink(Surface s, double x, double y, double dx, double dy, int component) {
        double step = dx != 0 ? dx : dy;
        double centre = at(s, x, y, component);
        double forward = (at(s, x + dx, y + dy, component) - centre) / step;
        double backward = (centre - at(s, x - dx, y - dy, component)) / step;
        return Math.abs(forward - backward);
    }

    /**
     * A 5-point central difference along (dx, dy): of f when component is −1, else of the given
     * gradient component.
     */
    private static double d(Surface s, double x, double y, double dx, double dy, int component) {
        double step = dx != 0 ? dx : dy;
        double m2 = at(s, x - 2 * dx, y - 2 * dy, component);
        double m1 = at(s, x - dx, y - dy, component);
        double p1 = at(s, x + dx, y + dy, component);
        double p2 = at(s, x + 2 * dx, y + 2 * dy, component);
        return (8 * (p1 - m1) - (p2 - m2)) / (12 * step);
    }

    private static double at(Surface s, double x, double y, int component) {
        if (component < 0) {
            return s.value(x, y);
        }
        double[] g = new double[2];
        s.valueAndGradient(x, y, g);
        return g[component];
    }
}

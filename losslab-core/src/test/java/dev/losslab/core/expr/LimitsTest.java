package dev.losslab.core.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.surface.Surface;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Hostile input is bounded: length, nesting, program size; a clear error or a working surface. */
class LimitsTest {

    @Test
    void acceptsTheLongestFormulaAndRejectsOneCharacterMore() {
        String longest = "x" + " ".repeat(Parser.MAX_LENGTH - 1);
        assertThat(Formula.parse(longest, "surface").normalized()).isEqualTo("x");
        assertThatThrownBy(() -> Formula.parse(longest + " ", "surface"))
                .isInstanceOf(FormulaException.class)
                .hasMessage("surface: a formula may have at most 4000 characters, this one has 4001");
    }

    @Test
    void acceptsTwoHundredNestedParenthesesAndRejectsMore() {
        assertThat(Formula.parse("(".repeat(200) + "x" + ")".repeat(200), "surface").normalized()).isEqualTo("x");
        assertThatThrownBy(() -> Formula.parse("(".repeat(201) + "x" + ")".repeat(201), "surface"))
                .isInstanceOf(FormulaException.class)
                .hasMessageStartingWith("surface: nesting deeper than 200 levels at column 202: ")
                .hasMessageContaining("…(((((");
    }

    @Test
    void twentyThousandOpeningParenthesesFailFastWithoutOverflowingTheStack() {
        String hostile = "(".repeat(20_000);
        // Past the length limit: rejected before lexing.
        assertThatThrownBy(() -> Formula.parse(hostile, "surface")).isInstanceOf(FormulaException.class);
        // Within it, the nesting check stops the descent after 200 levels.
        assertThatThrownBy(() -> Formula.parse("(".repeat(Parser.MAX_LENGTH), "surface"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("nesting deeper than 200");
        assertThatThrownBy(() -> Formula.parse("-".repeat(Parser.MAX_LENGTH - 1) + "x", "surface"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("nesting deeper than 200");
        assertThatThrownBy(() -> Formula.parse("x^".repeat(Parser.MAX_LENGTH / 2 - 1) + "x", "surface"))
                .isInstanceOf(FormulaException.class).hasMessageContaining("nesting deeper than 200");
    }

    @Test
    void longCaretLinesShowAnExcerptAroundTheColumn() {
        String text = "x + ".repeat(100) + "z";
        assertThatThrownBy(() -> Formula.parse(text, "surface"))
                .hasMessage("surface: unknown name 'z' at column 401: expected x, y, pi, e or a function call such as sin(x)\n"
                        + "  …" + text.substring(text.length() - 80) + "\n"
                        + "  " + " ".repeat(80) + "^");
    }

    /** The largest sum of distinct terms that fits compiles, is interpreted, and agrees with the tree. */
    @Test
    void aFormulaTooBigForOneJitMethodIsInterpretedAndStillExact() {
        StringBuilder text = new StringBuilder("sin(x*y)");
        for (int k = 1; text.length() < Parser.MAX_LENGTH - 40; k++) {
            text.append(" + cos(").append(k).append("*x - y)");
        }
        Formula f = Formula.parse(text.toString(), "surface");
        Surface s = f.compile();
        assertThat(s).isInstanceOf(InterpretedSurface.class);
        assertThat(Double.valueOf(s.value(0.3, -0.7))).isEqualTo(ReferenceEvaluator.evaluate(f.expression(), 0.3, -0.7));
        Surface small = Formula.parse("sin(x*y) + cos(1*x - y)", "surface").compile();
        assertThat(small).isInstanceOf(CompiledSurface.class);
    }

    /**
     * Powers nest derivatives deeply but the tape shares them: 60 nested exp()s differentiate
     * twice in well under a second, and a program beyond the node limit is a clear error.
     */
    @Test
    void derivativeBlowUpIsBoundedInTimeAndSize() {
        String nested = "exp(".repeat(60) + "x*y" + ")".repeat(60);
        org.assertj.core.api.Assertions.assertThat(
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5),
                        () -> Formula.parse(nested, "surface").compile())).isNotNull();
        StringBuilder huge = new StringBuilder("0");
        for (int k = 0; huge.length() < Parser.MAX_LENGTH - 80; k++) {
            huge.append("+atan2(sin(x^").append(k % 9 + 2).append("*y),cosh(y/x))*tanh(").append(k).append("*x)");
        }
        long start = System.nanoTime();
        try {
            Surface s = Formula.parse(huge.toString(), "surface").compile();
            assertThat(s.value(0.5, 0.5)).isFinite();
        } catch (FormulaException e) {
            assertThat(e).hasMessageStartingWith("surface: formula is too large");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void integerPowersAreMultiplicationsUpTo64AndPowBeyond() {
        Surface s64 = Formula.parse("x^64", "surface").compile();
        Surface s65 = Formula.parse("x^65", "surface").compile();
        assertThat(s64.value(1.01, 0)).isCloseTo(Math.pow(1.01, 64), org.assertj.core.data.Offset.offset(1e-13));
        assertThat(s65.value(1.01, 0)).isEqualTo(Math.pow(1.01, 65));
        assertThat(s64.gradient(1.01, 0).x()).isCloseTo(64 * Math.pow(1.01, 63), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(s65.hessian(1.01, 0).xx()).isCloseTo(65 * 64 * Math.pow(1.01, 63), org.assertj.core.data.Offset.offset(1e-9));
    }
}

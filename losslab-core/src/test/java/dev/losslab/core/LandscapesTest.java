package dev.losslab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.losslab.core.expr.FormulaException;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.run.StopReason;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Landscape;
import dev.losslab.core.surface.Vec2;
import dev.losslab.core.surface.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LandscapesTest {

    @Test
    void aCatalogNameIsTheCatalogEntry() {
        assertThat(Landscapes.resolve("rosenbrock")).isSameAs(Catalog.get("rosenbrock"));
    }

    @Test
    void aFormulaIsALandscapeWithDefaultsDerivedFromIt() {
        Landscape l = Landscapes.resolve("0.5*x^2 + 5*y**2");
        assertThat(l.name()).isEqualTo("0.5*x^2 + 5*y**2");
        assertThat(l.title()).isEqualTo("Your formula");
        assertThat(l.formula()).isEqualTo("0.5*x^2 + 5*y^2");
        assertThat(l.window()).isEqualTo(Window.square(5));
        assertThat(l.defaultStart()).isEqualTo(new Vec2(-4, 4));
        assertThat(l.learningRate()).as("1/λmax of the bowl").isEqualTo(0.1);
        assertThat(l.adaptiveLearningRate()).isEqualTo(0.1);
        assertThat(l.knownMinima()).isEmpty();
        assertThat(l.surface().hessian(1, 2).yy()).isEqualTo(10);
    }

    @Test
    void defaultLearningRateIsClampedAndHasAFallback() {
        assertThat(Landscapes.resolve("1e9*x^2").learningRate()).isEqualTo(1e-6);
        assertThat(Landscapes.resolve("1e-9*x^2").learningRate()).isEqualTo(1);
        assertThat(Landscapes.resolve("x + y").learningRate()).as("no curvature").isEqualTo(0.01);
    }

    @Test
    void theStartMovesToAFiniteCorner() {
        assertThat(Landscapes.resolve("log(x) + y^2").defaultStart()).isEqualTo(new Vec2(4, 4));
        assertThat(Landscapes.resolve("log(-y)").defaultStart()).isEqualTo(new Vec2(4, -4));
    }

    @Test
    void aRunFromInsideTheDomainThatLeavesItStopsWithLeftDomain() {
        Run run = RunBuilder.on(Landscapes.resolve("log(x)")).optimizer("gd").learningRate(1).start(0.5, 0).run();
        assertThat(run.stopReason()).isInstanceOf(StopReason.LeftDomain.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            rosenbrok        | unknown surface 'rosenbrok': did you mean 'rosenbrock'?
            Himmelblau       | unknown surface 'Himmelblau': did you mean 'himmelblau'?
            three-hump-camle | unknown surface 'three-hump-camle': did you mean 'three-hump-camel'?
            """)
    void aMistypedNameGetsTheCatalogSuggestion(String typed, String message) {
        assertThatThrownBy(() -> Landscapes.resolve(typed))
                .isInstanceOf(InvalidInputException.class).hasMessage(message)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("surface"));
    }

    @Test
    void anythingElseGetsTheFormulasError() {
        assertThatThrownBy(() -> Landscapes.resolve("(1 - x"))
                .isInstanceOf(FormulaException.class)
                .hasMessage("surface: expected ')' after '(1 - x' at column 7\n  (1 - x\n        ^");
        assertThatThrownBy(() -> Landscapes.resolve("zz"))
                .isInstanceOf(FormulaException.class).hasMessageStartingWith("surface: unknown name 'zz' at column 1");
    }

    @Test
    void wordsThatAreFormulasStayFormulas() {
        // "e" is a prefix of "easom", but it is a valid formula: the constant e.
        assertThat(Landscapes.resolve("e").formula()).isEqualTo("e");
        assertThat(Landscapes.resolve("x-y").surface().value(3, 1)).isEqualTo(2);
    }
}
